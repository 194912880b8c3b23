import { CreateFunctionCommand, GetFunctionCommand } from '@aws-sdk/client-lambda';
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lambdaMatchers, mockLambda, type LambdaMock } from '../../lib';
import { installForRunner, SEED_FILE_VARIABLE, type TestRunnerHooks } from '../../lib/runners/install-for-runner';
import { createInput, newClient } from '../helpers/fixtures';

/** A test runner that records what lambda-mock registers, for the spec to run the hooks itself. */
function fakeRunner() {
  const registered = { matchers: [] as unknown[], beforeEach: [] as (() => void)[], afterAll: [] as (() => void)[] };
  const hooks: TestRunnerHooks = {
    expect: { extend: (matchers) => registered.matchers.push(matchers) },
    beforeEach: (hook) => registered.beforeEach.push(hook),
    afterAll: (hook) => registered.afterAll.push(hook),
  };
  return { hooks, registered };
}

let installed: LambdaMock | undefined;
const folder = mkdtempSync(path.join(tmpdir(), 'lambda-mock-runner-'));
afterEach(() => {
  installed?.restore();
  installed = undefined;
  delete process.env[SEED_FILE_VARIABLE];
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('installForRunner (what lambda-mock/jest and lambda-mock/vitest do)', () => {
  test('adds the matchers, installs the mock, resets it before each test and restores it after the file', async () => {
    const requestBefore = http.request;
    const { hooks, registered } = fakeRunner();
    installed = installForRunner(hooks);

    expect(registered.matchers).toEqual([lambdaMatchers]);
    expect(registered.beforeEach).toHaveLength(1);
    expect(registered.afterAll).toHaveLength(1);
    expect(() => mockLambda()).toThrow('lambda-mock is already installed');

    await newClient().send(new CreateFunctionCommand(createInput('from-a-test')));
    registered.beforeEach[0]!();
    expect(installed.state.functions()).toEqual([]);
    expect(installed.calls).toEqual([]);

    registered.afterAll[0]!();
    expect(http.request).toBe(requestBefore);
    installed = mockLambda(); // installable again: the first one is gone
  });

  test(`starts from the snapshot file ${SEED_FILE_VARIABLE} names, and every reset returns there`, async () => {
    const builder = mockLambda();
    await newClient().send(new CreateFunctionCommand(createInput('seeded')));
    const file = path.join(folder, 'seed.json');
    writeFileSync(file, JSON.stringify(builder.snapshot()));
    builder.restore();

    process.env[SEED_FILE_VARIABLE] = file;
    const { hooks, registered } = fakeRunner();
    installed = installForRunner(hooks);
    expect((await newClient().send(new GetFunctionCommand({ FunctionName: 'seeded' }))).Configuration?.FunctionName).toBe('seeded');
    await newClient().send(new CreateFunctionCommand(createInput('added')));
    registered.beforeEach[0]!();
    expect(installed.state.functions().map((fn) => fn.name)).toEqual(['seeded']);
  });

  test('a seed file that cannot be read is an error naming the variable, and installs nothing', () => {
    const file = path.join(folder, 'missing.json');
    process.env[SEED_FILE_VARIABLE] = file;
    expect(() => installForRunner(fakeRunner().hooks)).toThrow(
      `lambda-mock: cannot read the snapshot ${SEED_FILE_VARIABLE} names (${file}): ENOENT: no such file or directory, open '${file}'`,
    );
    installed = mockLambda();
  });

  test('a seed file that is not a snapshot is refused', () => {
    const file = path.join(folder, 'other.json');
    writeFileSync(file, '{"hello":"world"}');
    process.env[SEED_FILE_VARIABLE] = file;
    expect(() => installForRunner(fakeRunner().hooks)).toThrow(
      new TypeError('lambda-mock: not a lambda-mock snapshot (its "format" is not "lambda-mock/snapshot"); take one with lambda.snapshot()'),
    );
  });
});
