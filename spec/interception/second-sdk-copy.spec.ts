import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

// A second copy of @aws-sdk/client-lambda in another node_modules folder (as a monorepo or a
// dependency with its own copy produces) has its own LambdaClient and exception classes. lambda-mock
// must intercept its clients, and answer with *its* classes, whether that copy was loaded before or
// after mockLambda(). Jest's module registry bypasses Node's (require.cache, Module._load), which
// lambda-mock's discovery reads, so this runs in a plain Node child process.
const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);
let tmp: string;
let secondCopy: string;

beforeAll(() => {
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  // Inside the project: the copy's own dependencies (@smithy/core & co.) resolve from the root node_modules.
  tmp = fs.mkdtempSync(path.join(ROOT, '.tmp', 'second-copy-'));
  secondCopy = path.join(tmp, 'node_modules', '@aws-sdk', 'client-lambda');
  fs.cpSync(path.join(ROOT, 'node_modules', '@aws-sdk', 'client-lambda'), secondCopy, { recursive: true });
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const runConsumer = async (mode: string): Promise<Record<string, unknown>> => {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'spec/fixtures/second-copy-consumer.cjs'), secondCopy, mode], {
    cwd: ROOT,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    timeout: 15_000,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
};

const expected = (mode: string) => ({
  mode,
  distinctCopy: true,
  createdArn: 'arn:aws:lambda:us-east-1:123456789012:function:second-copy-fn',
  stored: true,
  errorName: 'ResourceNotFoundException',
  errorMessage: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:missing',
  instanceOfSecond: true,
  // The prototype, not only instanceof: the SDK's Symbol.hasInstance also accepts another copy's class.
  protoIsSecond: true,
  protoIsFirst: false,
  hitsWhileMocked: 0,
  // restore() gives the second copy's clients their network back too.
  afterRestoreMessage: 'from the local server',
  hitsAfterRestore: ['GET /2015-03-31/functions/after-restore'],
});

test.concurrent.each([
  ['loaded before mockLambda()', 'before'],
  ['required after mockLambda()', 'after'],
  ['imported (ESM) after mockLambda()', 'import'],
  ['one of its clients given to mockLambda({ client })', 'client'],
])('a second SDK copy %s is intercepted and answered with its own classes', async (_label, mode) => {
  expect(await runConsumer(mode)).toEqual(expected(mode));
});

test('a copy loaded after restore() is left alone, even with another Module._load hook wrapped around lambda-mock\'s', async () => {
  expect(await runConsumer('loaded-after-restore')).toEqual({
    mode: 'loaded-after-restore',
    message: 'from the local server',
    hits: ['GET /2015-03-31/functions/late'],
  });
});
