/**
 * The package check (`npm run check:package`, run by .ci/run; too slow for the jest suite: it installs
 * packages). Builds and packs lambda-mock, checks what the tarball holds, lints it with publint and
 * @arethetypeswrong/cli, installs it into two scratch consumer projects — one CommonJS, one ES modules,
 * each with its own @aws-sdk/client-lambda (the peer dependency) and its own test runners — and runs
 * there a smoke script, the example projects' tests and their type check. The CommonJS consumer uses
 * the oldest @aws-sdk/client-lambda of the tested range, the ES module one this repository's.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXAMPLE_PROJECTS, exampleEnvironment, runNode, testCommand, type ExampleProject } from '../../examples/example-projects';
import { OLDEST_TESTED_SDK } from './tested-range';

const ROOT = path.resolve(__dirname, '../..');

const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
/** A dev dependency at the version this repository's lockfile holds (already in the npm cache after `npm ci`). */
const locked = (name: string): string => `${name}@${lock.packages[`node_modules/${name}`]!.version}`;

let passed = 0;
let failed = 0;
let lastCheck = Date.now();
function check(title: string, ok: boolean, detail = ''): void {
  if (ok) passed++;
  else failed++;
  const seconds = ((Date.now() - lastCheck) / 1000).toFixed(1);
  lastCheck = Date.now();
  console.log(`${ok ? '✓' : '✗'} ${title} [${seconds} s]${detail && !ok ? `\n${detail.trimEnd()}` : ''}`);
}

function npm(args: readonly string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: exampleEnvironment() });
}

/** Files the tarball must hold, and nothing outside them (README, package.json and LICENSE files npm always adds). */
function checkContents(files: readonly string[]): void {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    exports: Record<string, string | Record<string, Record<string, string>>>;
    bin?: Record<string, string>;
  };
  const shipped = new Set(files);
  const strays = files.filter((file) => !/^(dist\/|bin\/)/.test(file) && !['package.json', 'README.md', 'NOTICE', 'CHANGELOG.md'].includes(file));
  check('the tarball holds only dist/, bin/, README, NOTICE, CHANGELOG and package.json', strays.length === 0, `strays: ${strays.join(', ')}`);
  const sources = files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
  check('no TypeScript sources ship', sources.length === 0, sources.join(', '));
  const targets = Object.values(manifest.exports).flatMap((entry) =>
    typeof entry === 'string' ? [entry] : Object.values(entry).flatMap((conditions) => Object.values(conditions)),
  );
  const missing = [...targets, ...Object.values(manifest.bin ?? {})].map((file) => file.replace(/^\.\//, '')).filter((file) => !shipped.has(file));
  check('every exports and bin target ships', missing.length === 0, `missing: ${missing.join(', ')}`);
}

/**
 * Typings as a user's editor sees them, type-checked inside a consumer (kept here rather than as files
 * of the repository, whose own type check cannot resolve `lambda-mock/…` without an install): the
 * matchers on jest's `expect` from `@jest/globals` and on vitest's, typed by command and configuration.
 */
const MATCHER_TYPINGS = `
import { CreateFunctionCommand } from '@aws-sdk/client-lambda';
import { lambda } from 'lambda-mock/RUNNER';
import { expect } from 'EXPECT';

expect(lambda).toHaveInvoked('orders');
expect(lambda).toHaveInvoked('orders', { payload: { id: 1 }, qualifier: 'live' });
expect(lambda).not.toHaveInvokedTimes('orders', 2);
expect(lambda).toHaveFunction('orders', { MemorySize: 128, Environment: { Variables: { MODE: 'live' } } }, { region: 'us-east-1' });
expect(lambda).toHaveReceivedCommandWith(CreateFunctionCommand, { FunctionName: 'orders', Code: { ZipFile: new Uint8Array() } });
// @ts-expect-error a number of invocations is a number
expect(lambda).toHaveInvokedTimes('orders', '2');
// @ts-expect-error a configuration member has its SDK type
expect(lambda).toHaveFunction('orders', { MemorySize: 'large' });
// @ts-expect-error an input member has the command's type
expect(lambda).toHaveReceivedCommandWith(CreateFunctionCommand, { FunctionName: 1 });
`;

/**
 * `skipLibCheck: false` checks lambda-mock's own declarations too: they name SDK types of recent
 * operations, which an older SDK lacks, so only the consumer with the newest SDK checks them.
 */
function checkTypings(dir: string, runner: 'jest' | 'vitest', skipLibCheck: boolean): Promise<{ ok: boolean; output: string }> {
  const folder = path.join(dir, `${runner}-typings`);
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'matchers.ts'), MATCHER_TYPINGS.replace('RUNNER', runner).replace('EXPECT', runner === 'jest' ? '@jest/globals' : 'vitest'));
  const compilerOptions = { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck, types: ['node'] };
  writeFileSync(path.join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['matchers.ts'] }));
  return runNode([path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', folder], dir);
}

interface Consumer {
  readonly name: string;
  readonly type: 'commonjs' | 'module';
  readonly packages: readonly string[];
  readonly smoke: string;
  readonly projects: readonly ExampleProject[];
}

async function checkConsumer(consumer: Consumer, tarball: string, scratch: string): Promise<void> {
  const dir = path.join(scratch, consumer.name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: consumer.name, private: true, type: consumer.type }, null, 2)}\n`);
  const started = Date.now();
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, ...consumer.packages], dir);
  console.log(`\n${consumer.name}: installed ${consumer.packages.join(', ')} and the tarball in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  lastCheck = Date.now();

  const nested = path.join(dir, 'node_modules', 'lambda-mock', 'node_modules', '@aws-sdk', 'client-lambda');
  check(`${consumer.name}: lambda-mock brings no @aws-sdk/client-lambda of its own`, !exists(nested));

  for (const file of ['smoke.cjs', 'smoke.mjs', 'smoke-test.cjs']) cpSync(path.join(__dirname, 'consumers', file), path.join(dir, file));
  const smoke = await runNode([consumer.smoke], dir);
  const result = smoke.ok ? (JSON.parse(smoke.output.trim().split('\n').pop()!) as Record<string, unknown>) : {};
  const sdkVersion = consumer.packages.find((p) => p.startsWith('@aws-sdk/client-lambda@'))!.split('@').pop();
  const expected = {
    moduleSystem: consumer.type,
    sdkVersion,
    sharedSdk: true,
    createdArn: 'arn:aws:lambda:eu-west-1:123456789012:function:smoke',
    payload: '{"ok":true}',
    errorIsConsumersClass: true,
    status: 404,
    seededCodeSha256: true,
    ...(consumer.type === 'module' ? { sameModuleForRequire: true } : {}),
  };
  check(`${consumer.name}: ${consumer.smoke} (SDK ${sdkVersion})`, JSON.stringify(result) === JSON.stringify(expected), `${smoke.output}\nexpected ${JSON.stringify(expected)}`);

  const bin = await runNode([path.join(dir, 'node_modules', 'lambda-mock', 'bin', 'lambda-mock.js'), '--help'], dir);
  check(`${consumer.name}: the lambda-mock command runs from the built package`, bin.ok && bin.output.includes('Usage: lambda-mock'), bin.output);

  // Server mode's jest globalSetup and globalTeardown, as jest loads them: the default export of each.
  const load = consumer.type === 'module'
    ? "const { default: setup } = await import('lambda-mock/jest-global-setup'); const { default: teardown } = await import('lambda-mock/jest-global-teardown');"
    : "const setup = require('lambda-mock/jest-global-setup').default; const teardown = require('lambda-mock/jest-global-teardown').default;";
  const serverCode = `${load} await setup(); const url = process.env.AWS_ENDPOINT_URL_LAMBDA; await teardown(); console.log(/^http:\\/\\/127\\.0\\.0\\.1:\\d+$/.test(url) && process.env.AWS_ENDPOINT_URL_LAMBDA === undefined);`;
  const server = await runNode(consumer.type === 'module' ? ['--input-type=module', '-e', serverCode] : ['-e', `(async () => { ${serverCode} })()`], dir);
  check(`${consumer.name}: lambda-mock/jest-global-setup starts a server, and lambda-mock/jest-global-teardown stops it`, server.ok && server.output.trim().endsWith('true'), server.output);

  const runner = consumer.type === 'module' ? 'vitest' : 'jest';
  const skipLibCheck = consumer.type === 'commonjs';
  const typings = await checkTypings(dir, runner, skipLibCheck);
  check(
    `${consumer.name}: the matchers are typed on ${runner}'s expect, and misuse fails to compile (skipLibCheck: ${skipLibCheck})`,
    typings.ok,
    typings.output,
  );

  for (const project of consumer.projects) {
    const projectDir = path.join(dir, project.dir);
    cpSync(path.join(ROOT, 'examples', project.dir), projectDir, { recursive: true, filter: (source) => !source.includes('node_modules') });
    if (exists(path.join(projectDir, 'tsconfig.json'))) {
      const types = await runNode([path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], projectDir);
      check(`${consumer.name}: examples/${project.dir} type-checks against the package's declarations`, types.ok, types.output);
    }
    // A fresh cache: jest runs the files in worker processes, as a first run in a new project does.
    const tests = await runNode(testCommand(project, dir, project.runner === 'vitest' ? [] : ['--cacheDirectory', path.join(projectDir, '.jest-cache')]), projectDir);
    check(`${consumer.name}: examples/${project.dir} tests pass`, tests.ok, tests.output);
  }
}

function exists(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EISDIR';
  }
}

async function main(): Promise<void> {
  // No `es`/`esm` folder in the path: vitest would take every module under it for an ES module.
  const scratch = mkdtempSync(path.join(tmpdir(), 'lambda-mock-package-'));
  try {
    const build = await runNode([path.join(ROOT, 'scripts', 'build.mjs')], ROOT);
    check('npm run build', build.ok, build.output);
    if (!build.ok) return;
    const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], ROOT)) as { filename: string; files: { path: string }[] }[];
    const tarball = path.join(scratch, packed!.filename);
    checkContents(packed!.files.map((file) => file.path));

    const publint = await runNode([path.join(ROOT, 'node_modules', 'publint', 'src', 'cli.js'), 'run', tarball, '--strict'], ROOT);
    check('publint reports nothing', publint.ok && publint.output.includes('All good!'), publint.output);
    const attw = await runNode([path.join(ROOT, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js'), tarball], ROOT);
    check('@arethetypeswrong/cli reports nothing', attw.ok && attw.output.includes('No problems found'), attw.output);

    const project = (dir: string): ExampleProject => EXAMPLE_PROJECTS.find((p) => p.dir === dir)!;
    await checkConsumer(
      {
        name: 'commonjs-consumer',
        type: 'commonjs',
        packages: [`@aws-sdk/client-lambda@${OLDEST_TESTED_SDK}`, locked('jest'), locked('ts-jest'), locked('typescript'), locked('@types/jest'), locked('@types/node')],
        smoke: 'smoke.cjs',
        projects: [project('jest-cjs'), project('app')],
      },
      tarball,
      scratch,
    );
    await checkConsumer(
      {
        name: 'module-consumer',
        type: 'module',
        packages: [locked('@aws-sdk/client-lambda'), locked('jest'), locked('vitest'), locked('vite'), locked('typescript'), locked('@types/node')],
        smoke: 'smoke.mjs',
        projects: [project('jest-esm'), project('vitest')],
      },
      tarball,
      scratch,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    console.log(`\npackage checks: ${passed} passed, ${failed} failed`);
    if (failed > 0) process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
