import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

// Jest runs everything as CommonJS through ts-jest; these run lambda-mock the way users' own
// ESM and CJS code loads it, in a plain Node process (tsx only compiles lib/*.ts).
const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

const runFixture = async (file: string): Promise<Record<string, unknown>> => {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'spec/fixtures', file)], {
    cwd: ROOT,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    timeout: 15_000,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
};

const expected = (moduleSystem: string, name: string) => ({
  moduleSystem,
  createdArn: `arn:aws:lambda:eu-west-1:123456789012:function:${name}`,
  stored: true,
  errorName: 'ResourceNotFoundException',
  // The error is an instance of the very class the consumer imported.
  isInstance: true,
  sameClass: true,
  status: 404,
});

test('an ES module consumer (import) creates a function and catches ResourceNotFoundException', async () => {
  expect(await runFixture('esm-consumer.mjs')).toEqual(expected('esm', 'esm-fn'));
});

test('a CommonJS consumer (require) creates a function and catches ResourceNotFoundException', async () => {
  expect(await runFixture('cjs-consumer.cjs')).toEqual(expected('cjs', 'cjs-fn'));
});
