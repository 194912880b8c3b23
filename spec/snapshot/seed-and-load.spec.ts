import { CreateFunctionCommand, DeleteFunctionCommand, GetFunctionCommand, TagResourceCommand } from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaMock, type LambdaSnapshot } from '../../lib';
import { ACCOUNT, arnOf, createInput, newClient, REGION, storedState } from '../helpers/fixtures';

let lambda: LambdaMock | undefined;
afterEach(() => lambda?.restore());

function install(options: Parameters<typeof mockLambda>[0] = {}): LambdaMock {
  lambda?.restore();
  lambda = mockLambda(options);
  return lambda;
}

/** A snapshot holding one function, `seeded`, tagged `origin: seed`. */
async function seedSnapshot(): Promise<LambdaSnapshot> {
  const builder = install();
  await newClient().send(new CreateFunctionCommand(createInput('seeded', { Tags: { origin: 'seed' } })));
  const snapshot = builder.snapshot();
  builder.restore();
  return JSON.parse(JSON.stringify(snapshot)) as LambdaSnapshot;
}

describe('mockLambda({ seed })', () => {
  test('starts from the snapshot, and reset() returns to it with an empty call log', async () => {
    const mock = install({ seed: await seedSnapshot() });
    const client = newClient();
    expect((await client.send(new GetFunctionCommand({ FunctionName: 'seeded' }))).Tags).toEqual({ origin: 'seed' });

    await client.send(new DeleteFunctionCommand({ FunctionName: 'seeded' }));
    await client.send(new CreateFunctionCommand(createInput('added')));
    expect(mock.state.functions().map((fn) => fn.name)).toEqual(['added']);

    mock.reset();
    expect(mock.state.functions().map((fn) => fn.name)).toEqual(['seeded']);
    expect(mock.calls).toEqual([]);
    expect(mock.invocations()).toEqual([]);
  });

  test('a function seeded mid-transition stays pending until settled', async () => {
    const builder = install({ settle: 'manual' });
    await newClient().send(new CreateFunctionCommand(createInput('slow')));
    const snapshot = builder.snapshot();

    const mock = install({ settle: 'manual', seed: snapshot });
    expect(mock.state.function('slow')?.latest.configuration.State).toBe('Pending');
    mock.settle();
    expect(mock.state.function('slow')?.latest.configuration.State).toBe('Active');
    mock.reset();
    expect(mock.state.function('slow')?.latest.configuration.State).toBe('Pending');
  });

  test.each([
    ['not an object', 'nope', 'its "format" is not "lambda-mock/snapshot"'],
    ['another format', { format: 'other', version: 1, regions: [] }, 'its "format" is not "lambda-mock/snapshot"'],
    ['a later version', { format: 'lambda-mock/snapshot', version: 2, regions: [] }, 'version 2; this lambda-mock reads version 1'],
    ['regions that are not a list', { format: 'lambda-mock/snapshot', version: 1, regions: {} }, 'regions is not an array'],
    ['a region without an account', { format: 'lambda-mock/snapshot', version: 1, regions: [{ region: REGION }] }, 'regions[0].accountId is not a string'],
    [
      'an unknown collection',
      { format: 'lambda-mock/snapshot', version: 1, regions: [{ accountId: ACCOUNT, region: REGION, collections: { gadgets: [] } }] },
      'regions[0] has a collection "gadgets" this version of lambda-mock does not know',
    ],
    [
      'an entry that is not a pair',
      { format: 'lambda-mock/snapshot', version: 1, regions: [{ accountId: ACCOUNT, region: REGION, collections: { functions: [{}] } }] },
      'regions[0].collections.functions[0] is not an array',
    ],
  ])('a seed that is %s is refused, and nothing is installed', (_, seed, why) => {
    lambda?.restore();
    lambda = undefined;
    expect(() => mockLambda({ seed: seed as LambdaSnapshot })).toThrow(new TypeError(`lambda-mock: not a lambda-mock snapshot (${why}); take one with lambda.snapshot()`));
    install(); // the failed call left nothing installed
  });
});

describe('lambda.load()', () => {
  test('replaces the whole store exactly; the call log stays; reset() still returns to the seed', async () => {
    const mock = install();
    const client = newClient();
    await client.send(new CreateFunctionCommand(createInput('a')));
    await client.send(new TagResourceCommand({ Resource: arnOf('a'), Tags: { v: '1' } }));
    const saved = mock.snapshot();
    const savedState = storedState(mock);

    await client.send(new DeleteFunctionCommand({ FunctionName: 'a' }));
    await newClient('eu-west-1').send(new CreateFunctionCommand(createInput('b')));
    const calls = mock.calls.length;

    mock.load(saved);
    expect(storedState(mock)).toStrictEqual(savedState);
    expect(mock.state.regions.has(`${ACCOUNT}/eu-west-1`)).toBe(false);
    expect(mock.calls).toHaveLength(calls);
    expect((await client.send(new GetFunctionCommand({ FunctionName: 'a' }))).Tags).toEqual({ v: '1' });

    mock.reset(); // no seed: back to empty, not to what was loaded
    expect(mock.state.regions.size).toBe(0);
  });

  test('a snapshot is a copy: changing it, or the store afterwards, changes the other not', async () => {
    const mock = install();
    await newClient().send(new CreateFunctionCommand(createInput('a')));
    const snapshot = mock.snapshot();
    const text = JSON.stringify(snapshot);

    await newClient().send(new TagResourceCommand({ Resource: arnOf('a'), Tags: { later: 'yes' } }));
    expect(JSON.stringify(snapshot)).toBe(text);
    (snapshot.regions[0]!.collections.functions as unknown[]).length = 0;
    expect(mock.state.function('a')?.tags).toEqual({ later: 'yes' });
  });

  test('a refused snapshot leaves the store as it was', async () => {
    const mock = install();
    await newClient().send(new CreateFunctionCommand(createInput('kept')));
    const before = storedState(mock);
    expect(() => mock.load({ format: 'lambda-mock/snapshot', version: 1, regions: [{ accountId: ACCOUNT }] } as unknown as LambdaSnapshot)).toThrow(TypeError);
    expect(storedState(mock)).toStrictEqual(before);
  });
});
