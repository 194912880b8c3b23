import { GetAccountSettingsCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import globalSetup, { globalServer } from '../../lib/server/jest-global-setup';
import globalTeardown from '../../lib/server/jest-global-teardown';

const ROOT = path.join(__dirname, '..', '..');
/** What the set-up reads and writes; each test starts without any of them. */
const VARIABLES = ['AWS_ENDPOINT_URL_LAMBDA', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION'];

describe('the jest global set-up and teardown', () => {
  let saved: Record<string, string | undefined>;
  beforeEach(() => {
    saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
    for (const name of VARIABLES) delete process.env[name];
  });
  afterEach(async () => {
    await globalTeardown();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  test('start one server and point every LambdaClient at it: endpoint, dummy credentials and region from the environment', async () => {
    await globalSetup();
    const server = globalServer()!.server;
    expect({
      endpoint: process.env.AWS_ENDPOINT_URL_LAMBDA,
      key: process.env.AWS_ACCESS_KEY_ID,
      secret: process.env.AWS_SECRET_ACCESS_KEY,
      region: process.env.AWS_REGION,
    }).toEqual({ endpoint: server.url, key: 'lambda-mock', secret: 'lambda-mock', region: 'us-east-1' });
    const client = new LambdaClient({});
    const answer = await client.send(new GetAccountSettingsCommand({}));
    expect(answer.$metadata.httpStatusCode).toBe(200);
    expect(server.lambda.calls.map((c) => c.commandName)).toEqual(['GetAccountSettingsCommand']);
  });

  test('credentials and a region already configured are left as they are; a second set-up shares the server', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'mine';
    process.env.AWS_SECRET_ACCESS_KEY = 'my-secret';
    process.env.AWS_REGION = 'eu-west-1';
    await globalSetup();
    const first = globalServer();
    await globalSetup();
    expect(globalServer()).toBe(first);
    expect([process.env.AWS_ACCESS_KEY_ID, process.env.AWS_SECRET_ACCESS_KEY, process.env.AWS_REGION]).toEqual(['mine', 'my-secret', 'eu-west-1']);
  });

  test('the teardown closes the server and puts the environment back; without a set-up it does nothing', async () => {
    process.env.AWS_ENDPOINT_URL_LAMBDA = 'http://elsewhere';
    await globalSetup();
    const { server } = globalServer()!;
    await globalTeardown();
    expect(globalServer()).toBeUndefined();
    expect(VARIABLES.map((name) => process.env[name])).toEqual(['http://elsewhere', undefined, undefined, undefined, undefined, undefined]);
    // Its port is free again: closed.
    const again = await (await import('../../lib')).startLambdaServer({ port: server.port });
    await again.close();
    await globalTeardown();
  });

  test('a real jest run: tests in worker processes share the one server the set-up started', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lambda-mock-global-'));
    const report = path.join(dir, 'report.json');
    const env: NodeJS.ProcessEnv = { ...process.env, LAMBDA_MOCK_FIXTURE_REPORT: report };
    // No endpoint, credentials or region of this run's own reach the fixture run.
    for (const name of Object.keys(env)) if (name.startsWith('AWS_') && name !== 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED') delete env[name];
    try {
      const output = await new Promise<string>((resolve, reject) => {
        execFile(
          process.execPath,
          [
            path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
            '--config', path.join(__dirname, 'fixtures', 'jest-global', 'jest.config.js'),
            '--cacheDirectory', path.join(dir, 'cache'), // no timings from earlier runs: jest uses worker processes
            '--maxWorkers', '2',
          ],
          { cwd: ROOT, env },
          (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stdout}\n${stderr}`)) : resolve(stderr)),
        );
      });
      expect(output).toMatch(/Tests:\s+2 passed, 2 total/);
      const { parentPid, functions } = JSON.parse(readFileSync(report, 'utf8')) as { parentPid: number; functions: string[] };
      expect(functions).toEqual([expect.stringMatching(/^first-\d+$/), expect.stringMatching(/^second-\d+$/)]);
      // Created from worker processes, not from the process that ran the set-up.
      expect(functions.map((name) => Number(name.split('-')[1]))).not.toContain(parentPid);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
