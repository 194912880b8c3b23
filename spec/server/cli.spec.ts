import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseServeOptions, runCli } from '../../lib/cli';
import { startLambdaServer } from '../../lib';

const BIN = path.join(__dirname, '..', '..', 'bin', 'lambda-mock.js');

/** Runs the CLI in this process with its output captured. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('lambda-mock serve: options', () => {
  test('defaults: port 4010 on 127.0.0.1', () => {
    expect(parseServeOptions([])).toEqual({ port: 4010 });
  });

  test('every option, as `--flag value` or `--flag=value`', () => {
    expect(
      parseServeOptions(['--port=0', '--host', '0.0.0.0', '--region=eu-west-1', '--account-id', '210987654321', '--settle', 'on-read', '--concurrency-quota=150']),
    ).toEqual({ port: 0, host: '0.0.0.0', region: 'eu-west-1', accountId: '210987654321', settle: 'on-read', concurrencyQuota: 150 });
    expect(parseServeOptions(['-p', '5000'])).toEqual({ port: 5000 });
  });

  test.each([
    [['--port', 'x'], "--port takes a whole number, not 'x'"],
    [['--port', '70000'], '--port takes 0 to 65535, not 70000'],
    [['--port'], '--port needs a value'],
    [['--account-id', '123'], "--account-id takes 12 digits, not '123'"],
    [['--settle', 'later'], "--settle takes instant, on-read, manual, not 'later'"],
    [['--verbose'], "unknown option '--verbose'"],
  ])('%p: usage error (exit 2): %s', async (args, message) => {
    const { code, err } = await cli(['serve', ...args]);
    expect(code).toBe(2);
    expect(err.split('\n')[0]).toBe(`lambda-mock: ${message}`);
    expect(err).toContain('Usage: lambda-mock serve [options]');
  });

  test('--help prints the usage (exit 0); no command or another one is a usage error', async () => {
    expect(await cli(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('--port <n>') });
    expect(await cli(['serve', '-h'])).toMatchObject({ code: 0, out: expect.stringContaining('AWS_ENDPOINT_URL_LAMBDA') });
    expect(await cli([])).toMatchObject({ code: 2, err: expect.stringMatching(/^lambda-mock: a command is needed\n/) });
    expect(await cli(['start'])).toMatchObject({ code: 2, err: expect.stringMatching(/^lambda-mock: unknown command 'start'\n/) });
  });

  test('a port in use: exit 1, saying so', async () => {
    const taken = await startLambdaServer();
    try {
      const { code, err } = await cli(['serve', '--port', String(taken.port)]);
      expect(code).toBe(1);
      expect(err).toMatch(new RegExp(`^lambda-mock: cannot listen on 127\\.0\\.0\\.1:${taken.port}: .*EADDRINUSE`));
    } finally {
      await taken.close();
    }
  });
});

describe('npx lambda-mock serve (bin/lambda-mock.js, in a child process)', () => {
  /** Starts the command and resolves with the URL it prints. */
  function serve(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
    return new Promise((resolve, reject) => {
      // The source, whatever build may be lying in dist/.
      const env = { ...process.env, LAMBDA_MOCK_CLI_FROM_SOURCE: '1' };
      const child = spawn(process.execPath, [BIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // The second line: once it is out, the first (`listening on <url>`) is too.
        const url = /listening on (http:\/\/\S+)\nexport AWS_ENDPOINT_URL_LAMBDA=\1\n/.exec(output)?.[1];
        if (url) resolve({ child, url, output: () => output });
      });
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`lambda-mock exited (${code}) before listening:\n${output}`)));
    });
  }

  /** An HTTP request from yet another process (this one only talks to servers it started itself). */
  const fetchFromAnotherProcess = (url: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const script = `fetch(${JSON.stringify(url)}).then(async (r) => process.stdout.write(r.status + ' ' + (await r.text())))`;
      execFile(process.execPath, ['-e', script], (error, stdout) => (error ? reject(error) : resolve(stdout)));
    });

  test('runs the build when there is one, else the source: either prints the usage', async () => {
    const usage = await new Promise<string>((resolve, reject) => {
      const env = { ...process.env };
      delete env.LAMBDA_MOCK_CLI_FROM_SOURCE;
      execFile(process.execPath, [BIN, '--help'], { env }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    });
    expect(usage).toMatch(/^Usage: lambda-mock serve \[options\]\n/);
  });

  const exitOf = (child: ChildProcess): Promise<number | null> => new Promise((resolve) => child.once('exit', resolve));

  test.each(['SIGINT', 'SIGTERM'] as const)('prints its URL, serves Lambda at it, and stops cleanly on %s', async (signal) => {
    const { child, url, output } = await serve(['--port', '0', '--account-id', '210987654321']);
    const exited = exitOf(child);
    try {
      expect(output()).toBe(`lambda-mock listening on ${url}\nexport AWS_ENDPOINT_URL_LAMBDA=${url}\n`);
      expect(await fetchFromAnotherProcess(`${url}/2015-03-31/functions/missing`)).toBe(
        '404 {"Type":"User","Message":"Function not found: arn:aws:lambda:us-east-1:210987654321:function:missing"}',
      );
    } finally {
      child.kill(signal);
    }
    expect(await exited).toBe(0);
    expect(output()).toContain(`lambda-mock stopped (${signal})`);
  });
});
