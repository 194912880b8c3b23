import {
  CreateFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  ListFunctionsCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
  waitUntilPublishedVersionActive,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaMock } from '../../lib';
import { arnOf, createInput, errorOf, newClient, REGION, zipOf } from '../helpers/fixtures';

let lambda: LambdaMock;
let client: LambdaClient;
afterEach(() => lambda.restore());

const PENDING_CONFLICT = 'The operation cannot be performed at this time. The function is currently in the following state: Pending';
const updateConflict = (name: string): string =>
  `The operation cannot be performed at this time. An update is in progress for resource: ${arnOf(name)}`;

const configuration = (name: string) => client.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
const update = (name: string, Timeout: number) => client.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Timeout }));
const stored = (name: string) => lambda.state.region(REGION).functions.get(name)!;

/** Waits with the shortest delays the waiter accepts: it must answer at its first poll. */
const quickly = () => ({ client, maxWaitTime: 5, minDelay: 1 });
/** Polls every 10 ms for 50 ms: long enough to prove a function stays not ready, short enough for the suite. */
const briefly = () => ({ client, maxWaitTime: 0.05, minDelay: 0.01, maxDelay: 0.01 });

/** Reads logged by one wait: a waiter that answered at its first poll made exactly one. */
async function readsDuring(wait: () => Promise<{ state: string }>): Promise<number> {
  const before = lambda.commandCalls(GetFunctionCommand).length + lambda.commandCalls(GetFunctionConfigurationCommand).length;
  const result = await wait();
  expect(result.state).toBe('SUCCESS');
  return lambda.commandCalls(GetFunctionCommand).length + lambda.commandCalls(GetFunctionConfigurationCommand).length - before;
}

describe("settle: 'instant' (the default)", () => {
  beforeEach(() => {
    lambda = mockLambda();
    client = newClient();
  });

  test('CreateFunction answers Pending; every later command sees Active', async () => {
    const created = await client.send(new CreateFunctionCommand(createInput('fn')));
    expect(created).toMatchObject({ State: 'Pending', StateReasonCode: 'Creating' });
    const got = await client.send(new GetFunctionCommand({ FunctionName: 'fn' }));
    expect(got.Configuration).toMatchObject({ State: 'Active', LastUpdateStatus: 'Successful' });
    expect(got.Configuration?.StateReason).toBeUndefined();
    await client.send(new ListFunctionsCommand({}));
    expect(stored('fn').latest.configuration.State).toBe('Active');
  });

  test('an update right after create works; it answers InProgress and the next command sees Successful', async () => {
    await client.send(new CreateFunctionCommand(createInput('fn')));
    const updated = await update('fn', 10);
    expect(updated).toMatchObject({ State: 'Active', LastUpdateStatus: 'InProgress', Timeout: 10 });
    // A second change straight away works too: the first one completed before it.
    const code = await client.send(new UpdateFunctionCodeCommand({ FunctionName: 'fn', ZipFile: zipOf('exports.handler = 1') }));
    expect(code.LastUpdateStatus).toBe('InProgress');
    expect(await configuration('fn')).toMatchObject({ LastUpdateStatus: 'Successful', Timeout: 10 });
    expect(stored('fn').latest.configuration.LastUpdateStatus).toBe('Successful');
  });

  test('the waiters answer at their first poll', async () => {
    await client.send(new CreateFunctionCommand(createInput('fn')));
    expect(await readsDuring(() => waitUntilFunctionActiveV2(quickly(), { FunctionName: 'fn' }))).toBe(1);
    await update('fn', 10);
    expect(await readsDuring(() => waitUntilFunctionUpdatedV2(quickly(), { FunctionName: 'fn' }))).toBe(1);
    const version = await client.send(new PublishVersionCommand({ FunctionName: 'fn' }));
    expect(version.State).toBe('Pending');
    expect(await readsDuring(() => waitUntilPublishedVersionActive(quickly(), { FunctionName: 'fn', Qualifier: version.Version }))).toBe(1);
  });
});

describe("settle: 'on-read'", () => {
  beforeEach(() => {
    lambda = mockLambda({ settle: 'on-read' });
    client = newClient();
  });

  test('a change before any read meets the Pending conflict; a read completes the creation', async () => {
    await client.send(new CreateFunctionCommand(createInput('fn')));
    const conflict = await errorOf(update('fn', 10));
    expect(conflict.name).toBe('ResourceConflictException');
    expect(conflict.message).toBe(PENDING_CONFLICT);
    expect(conflict.$metadata.httpStatusCode).toBe(409);
    const codeConflict = await errorOf(client.send(new UpdateFunctionCodeCommand({ FunctionName: 'fn', ZipFile: zipOf() })));
    expect(codeConflict.message).toBe(PENDING_CONFLICT);
    expect(stored('fn').latest.configuration.State).toBe('Pending');

    expect((await client.send(new GetFunctionCommand({ FunctionName: 'fn' }))).Configuration?.State).toBe('Active');
    expect(stored('fn').latest.configuration.State).toBe('Active');
    expect(await update('fn', 10)).toMatchObject({ LastUpdateStatus: 'InProgress', Timeout: 10 });
  });

  test('a second update before a read meets the update-in-progress conflict, naming the function’s ARN', async () => {
    await client.send(new CreateFunctionCommand(createInput('orders')));
    await configuration('orders');
    await update('orders', 10);
    const conflict = await errorOf(update('orders', 20));
    expect(conflict.name).toBe('ResourceConflictException');
    expect(conflict.message).toBe(updateConflict('orders'));
    const publish = await errorOf(client.send(new PublishVersionCommand({ FunctionName: 'orders' })));
    expect(publish.message).toBe(updateConflict('orders'));

    expect(await configuration('orders')).toMatchObject({ LastUpdateStatus: 'Successful', Timeout: 10 });
    expect(await update('orders', 20)).toMatchObject({ LastUpdateStatus: 'InProgress', Timeout: 20 });
  });

  test.each([
    ['GetFunction', (name: string) => client.send(new GetFunctionCommand({ FunctionName: name }))],
    ['GetFunctionConfiguration', (name: string) => configuration(name)],
    ['ListFunctions', () => client.send(new ListFunctionsCommand({}))],
  ] as const)('%s completes the transition', async (_, read) => {
    await client.send(new CreateFunctionCommand(createInput('fn')));
    await read('fn');
    expect(stored('fn').latest.configuration.State).toBe('Active');
    await update('fn', 10);
    expect(stored('fn').latest.configuration.LastUpdateStatus).toBe('InProgress');
    await read('fn');
    expect(stored('fn').latest.configuration.LastUpdateStatus).toBe('Successful');
    expect(await update('fn', 20)).toMatchObject({ Timeout: 20 });
  });

  test('waitUntilFunctionActiveV2 resolves at its first poll', async () => {
    await client.send(new CreateFunctionCommand(createInput('fn')));
    expect(await readsDuring(() => waitUntilFunctionActiveV2(quickly(), { FunctionName: 'fn' }))).toBe(1);
    expect(stored('fn').latest.configuration.State).toBe('Active');
  });

  test('waitUntilFunctionUpdatedV2 resolves at its first poll', async () => {
    await client.send(new CreateFunctionCommand(createInput('fn')));
    await configuration('fn');
    await update('fn', 10);
    expect(await readsDuring(() => waitUntilFunctionUpdatedV2(quickly(), { FunctionName: 'fn' }))).toBe(1);
    expect(await update('fn', 20)).toMatchObject({ Timeout: 20 });
  });

  test('waitUntilPublishedVersionActive resolves at its first poll', async () => {
    await client.send(new CreateFunctionCommand(createInput('fn')));
    await configuration('fn');
    const version = await client.send(new PublishVersionCommand({ FunctionName: 'fn' }));
    expect(version).toMatchObject({ Version: '1', State: 'Pending' });
    expect(stored('fn').versions[0]?.configuration.State).toBe('Pending');
    expect(await readsDuring(() => waitUntilPublishedVersionActive(quickly(), { FunctionName: 'fn', Qualifier: '1' }))).toBe(1);
    expect(stored('fn').versions[0]?.configuration.State).toBe('Active');
  });
});

describe("settle: 'manual'", () => {
  beforeEach(() => {
    lambda = mockLambda({ settle: 'manual' });
    client = newClient();
  });

  test('stays Pending across reads until settle()', async () => {
    await client.send(new CreateFunctionCommand(createInput('fn')));
    for (let i = 0; i < 2; i++) {
      expect((await client.send(new GetFunctionCommand({ FunctionName: 'fn' }))).Configuration?.State).toBe('Pending');
      expect((await configuration('fn')).State).toBe('Pending');
      // ListFunctions does not answer State (as the service): the store shows it.
      expect((await client.send(new ListFunctionsCommand({}))).Functions).toHaveLength(1);
      expect(stored('fn').latest.configuration.State).toBe('Pending');
    }
    expect((await errorOf(update('fn', 10))).message).toBe(PENDING_CONFLICT);

    lambda.settle();
    expect((await configuration('fn')).State).toBe('Active');
    expect(stored('fn').latest.configuration.State).toBe('Active');
  });

  test('stays InProgress across reads until settle()', async () => {
    await client.send(new CreateFunctionCommand(createInput('fn')));
    lambda.settle();
    await update('fn', 10);
    expect((await configuration('fn')).LastUpdateStatus).toBe('InProgress');
    expect((await client.send(new GetFunctionCommand({ FunctionName: 'fn' }))).Configuration?.LastUpdateStatus).toBe('InProgress');
    expect((await errorOf(update('fn', 20))).message).toBe(updateConflict('fn'));

    lambda.settle();
    expect(await configuration('fn')).toMatchObject({ LastUpdateStatus: 'Successful', Timeout: 10 });
    lambda.settle(); // nothing pending: harmless
    expect(await update('fn', 20)).toMatchObject({ Timeout: 20 });
  });

  test('settle() completes every function in every region, versions included', async () => {
    const west = newClient('us-west-2');
    await client.send(new CreateFunctionCommand(createInput('a', { Publish: true })));
    await west.send(new CreateFunctionCommand(createInput('b')));
    lambda.settle();
    expect(stored('a').latest.configuration.State).toBe('Active');
    expect(stored('a').versions[0]?.configuration.State).toBe('Active');
    expect(lambda.state.region('us-west-2').functions.get('b')?.latest.configuration.State).toBe('Active');
  });

  test('the waiter reports not ready while unsettled, and resolves at its first poll once settled', async () => {
    await client.send(new CreateFunctionCommand(createInput('fn')));
    const timedOut = await errorOf(waitUntilFunctionActiveV2(briefly(), { FunctionName: 'fn' }));
    expect(timedOut.name).toBe('TimeoutError');
    expect(lambda.commandCalls(GetFunctionCommand).length).toBeGreaterThan(1); // it polled, and saw Pending each time
    expect(stored('fn').latest.configuration.State).toBe('Pending');

    lambda.settle();
    expect(await readsDuring(() => waitUntilFunctionActiveV2(quickly(), { FunctionName: 'fn' }))).toBe(1);
  });
});

describe('settle() in the other modes', () => {
  test.each(['instant', 'on-read'] as const)('is harmless and completes what is pending (settle: %s)', async (settle) => {
    lambda = mockLambda({ settle });
    client = newClient();
    await client.send(new CreateFunctionCommand(createInput('fn')));
    lambda.settle();
    expect(stored('fn').latest.configuration.State).toBe('Active');
    lambda.settle();
    expect(await update('fn', 10)).toMatchObject({ Timeout: 10 });
  });
});
