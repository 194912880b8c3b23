/**
 * The example projects and how each runs its tests: shared by `npm run example` (here, against this
 * repository's build) and the package check (copies installed from the packed tarball).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface ExampleProject {
  /** Its folder under examples/. */
  readonly dir: string;
  readonly runner: 'jest' | 'jest-esm' | 'vitest';
  /** What it shows. */
  readonly about: string;
}

export const EXAMPLE_PROJECTS: readonly ExampleProject[] = [
  { dir: 'jest-cjs', runner: 'jest', about: 'jest, CommonJS, a globalSetup that seeds every test file from a snapshot' },
  { dir: 'jest-esm', runner: 'jest-esm', about: 'jest, ES modules' },
  { dir: 'vitest', runner: 'vitest', about: 'vitest, TypeScript' },
  { dir: 'app', runner: 'jest', about: 'application code: a deploy script, and a service handling FunctionError (TypeScript, ts-jest)' },
];

/** The scripts run with tsx, in order. */
export const EXAMPLE_SCRIPTS: readonly string[] = ['quick-start.ts', 'invoke-queue.ts', 'concurrency-quota.ts', 'seed-from-snapshot.ts', 'run-handler.ts'];

/** The environment examples run in: no SDK warning about Node 20, and none of the caller's lambda-mock settings. */
export function exampleEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  delete env.LAMBDA_MOCK_SEED_FILE;
  delete env.LAMBDA_MOCK_CONCURRENCY_QUOTA;
  delete env.NODE_OPTIONS;
  return env;
}

/** The node arguments that run a project's tests with the test runners installed under `toolsRoot`. */
export function testCommand(project: ExampleProject, toolsRoot: string, extra: readonly string[] = []): string[] {
  const jest = path.join(toolsRoot, 'node_modules', 'jest', 'bin', 'jest.js');
  switch (project.runner) {
    case 'jest':
      return [jest, '--ci', ...extra];
    case 'jest-esm':
      return ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', jest, '--ci', ...extra];
    case 'vitest':
      return [path.join(toolsRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...extra];
  }
}

export interface RunResult {
  readonly ok: boolean;
  readonly output: string;
  readonly seconds: number;
}

/** Runs `node …args` in `cwd`, collecting what it prints. */
export function runNode(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = exampleEnvironment()): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ ok: code === 0, output, seconds: (Date.now() - started) / 1000 }));
  });
}
