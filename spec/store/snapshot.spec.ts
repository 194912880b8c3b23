import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  ListFunctionsCommand,
  PublishVersionCommand,
  TagResourceCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaMock } from '../../lib';
import { ACCOUNT, arnOf, createInput, deepCopy, errorOf, newClient, REGION } from '../helpers/fixtures';

let lambda: LambdaMock;
afterEach(() => lambda.restore());

describe('lambda.state is a snapshot', () => {
  test('a snapshot taken before an operation is unchanged after it', async () => {
    lambda = mockLambda();
    const client = newClient();
    await client.send(new CreateFunctionCommand(createInput('kept', { Environment: { Variables: { MODE: 'a' } } })));
    await client.send(new CreateFunctionCommand(createInput('deleted')));
    await client.send(new GetFunctionCommand({ FunctionName: 'kept' })); // settles both creations

    const before = lambda.state;
    const region = before.region(REGION);
    const kept = region.functions.get('kept')!;
    const copy = deepCopy(kept);
    expect(kept.latest.configuration.State).toBe('Active');

    await client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'kept', Timeout: 30, Environment: { Variables: { MODE: 'b' } } }));
    await client.send(new TagResourceCommand({ Resource: arnOf('kept'), Tags: { team: 'x' } }));
    await client.send(new PublishVersionCommand({ FunctionName: 'kept' }));
    await client.send(new DeleteFunctionCommand({ FunctionName: 'deleted' }));
    await client.send(new CreateFunctionCommand(createInput('added')));
    await client.send(new CreateFunctionCommand(createInput('elsewhere')));
    await newClient('eu-west-1').send(new CreateFunctionCommand(createInput('other-region')));

    // The old snapshot: same objects, same values, same keys.
    expect(before.region(REGION)).toBe(region);
    expect(region.functions.get('kept')).toBe(kept);
    expect(kept).toEqual(copy);
    expect(kept.latest.configuration.Timeout).toBe(3);
    expect(kept.latest.configuration.Environment?.Variables).toEqual({ MODE: 'a' });
    expect(kept.tags).toEqual({});
    expect(kept.versions).toHaveLength(0);
    expect([...region.functions.keys()].sort()).toEqual(['deleted', 'kept']);
    expect([...before.regions.keys()]).toEqual([`${ACCOUNT}/${REGION}`]);
    expect(before.region('eu-west-1').functions.size).toBe(0);

    // The current state has every change.
    const now = lambda.state.region(REGION);
    expect(now).not.toBe(region);
    expect([...now.functions.keys()].sort()).toEqual(['added', 'elsewhere', 'kept']);
    expect(now.functions.get('kept')?.latest.configuration.Timeout).toBe(30);
    expect(now.functions.get('kept')?.tags).toEqual({ team: 'x' });
    expect(now.functions.get('kept')?.versions).toHaveLength(1);
    expect([...lambda.state.regions.keys()].sort()).toEqual([`${ACCOUNT}/eu-west-1`, `${ACCOUNT}/${REGION}`]);
  });

  test('a snapshot is a value: taking it twice without a change gives the same records', async () => {
    lambda = mockLambda();
    await newClient().send(new CreateFunctionCommand(createInput('fn')));
    const first = lambda.state.region(REGION).functions.get('fn');
    const second = lambda.state.region(REGION).functions.get('fn');
    expect(first).toBeDefined();
    expect(second).toBe(first);
  });
});

describe('state per account and region', () => {
  test('each region holds its own functions, with ARNs naming that region', async () => {
    lambda = mockLambda();
    await newClient('us-east-1').send(new CreateFunctionCommand(createInput('east')));
    const west = await newClient('us-west-2').send(new CreateFunctionCommand(createInput('west')));
    expect(west.FunctionArn).toBe(`arn:aws:lambda:us-west-2:${ACCOUNT}:function:west`);

    const eastState = lambda.state.region('us-east-1');
    const westState = lambda.state.region('us-west-2');
    expect(eastState.accountId).toBe(ACCOUNT);
    expect(westState.region).toBe('us-west-2');
    expect([...eastState.functions.keys()]).toEqual(['east']);
    expect([...westState.functions.keys()]).toEqual(['west']);
    expect(westState.functions.get('west')?.latest.configuration.FunctionArn).toBe(west.FunctionArn);
    expect([...lambda.state.regions.keys()].sort()).toEqual([`${ACCOUNT}/us-east-1`, `${ACCOUNT}/us-west-2`]);
    expect(lambda.state.regions.get(`${ACCOUNT}/us-west-2`)?.functions.has('west')).toBe(true);

    // A command in one region never sees another region's functions.
    const listed = await newClient('us-west-2').send(new ListFunctionsCommand({}));
    expect(listed.Functions?.map((f) => f.FunctionName)).toEqual(['west']);
  });

  test('a region nothing was stored in reads as empty and is not listed', async () => {
    lambda = mockLambda();
    const empty = lambda.state.region('ap-south-1');
    expect(empty.functions.size).toBe(0);
    expect(empty.functions.get('x')).toBeUndefined();
    expect([...empty.functions]).toEqual([]);
    expect(lambda.state.regions.size).toBe(0);
    // A failed command stores nothing, so it adds no region either.
    await newClient('ap-south-1').send(new GetFunctionCommand({ FunctionName: 'missing' })).catch(() => undefined);
    expect(lambda.state.regions.size).toBe(0);
  });

  test('mockLambda({ accountId }) puts ARNs and state under that account', async () => {
    lambda = mockLambda({ accountId: '111111111111' });
    const client = newClient();
    const created = await client.send(new CreateFunctionCommand(createInput('acct')));
    expect(created.FunctionArn).toBe('arn:aws:lambda:us-east-1:111111111111:function:acct');
    const got = await client.send(new GetFunctionConfigurationCommand({ FunctionName: 'arn:aws:lambda:us-east-1:111111111111:function:acct' }));
    expect(got.FunctionArn).toBe(created.FunctionArn);

    expect([...lambda.state.regions.keys()]).toEqual(['111111111111/us-east-1']);
    const region = lambda.state.region('us-east-1');
    expect(region.accountId).toBe('111111111111');
    expect(region.functions.get('acct')?.latest.configuration.FunctionArn).toBe(created.FunctionArn);
    expect(lambda.state.region('us-east-1', '111111111111').functions.has('acct')).toBe(true);
    // The default account holds nothing.
    expect(lambda.state.region('us-east-1', ACCOUNT).functions.size).toBe(0);
    expect(lambda.calls.every((call) => call.accountId === '111111111111')).toBe(true);

    // A function ARN naming another account is not this account's function.
    const error = await errorOf(client.send(new GetFunctionCommand({ FunctionName: arnOf('acct') })));
    expect(error.name).toBe('ResourceNotFoundException');
  });
});

describe('records are frozen, answers are unfrozen copies', () => {
  /** Every way to change a stored record in place: each must throw in strict mode (this module is strict). */
  const expectFrozen = (state: LambdaMock['state'], name: string): void => {
    const fn = state.region(REGION).functions.get(name)! as any;
    expect(fn).toBeDefined();
    expect(() => (fn.name = 'other')).toThrow(TypeError);
    expect(() => (fn.latest.configuration.Timeout = 99)).toThrow(TypeError);
    expect(() => (fn.latest.configuration.Environment.Variables.MODE = 'changed')).toThrow(TypeError);
    expect(() => (fn.latest.configuration.Architectures[0] = 'arm64')).toThrow(TypeError);
    expect(() => (fn.latest.code.zipFileBase64 = '')).toThrow(TypeError);
    expect(() => (fn.latest = fn.latest)).toThrow(TypeError);
    expect(() => fn.versions.push(fn.latest)).toThrow(TypeError);
    expect(() => (fn.tags.added = 'x')).toThrow(TypeError);
    expect(() => delete fn.latest.configuration.Handler).toThrow(TypeError);
    for (const version of fn.versions) expect(() => (version.configuration.Version = '99')).toThrow(TypeError);
    const region = state.region(REGION) as any;
    expect(() => (region.functions = undefined)).toThrow(TypeError);
    expect(() => (region.accountId = '000000000000')).toThrow(TypeError);
  };

  const input = () => createInput('frozen', { Environment: { Variables: { MODE: 'a' } }, Tags: { team: 'a' } });

  test('a record as CreateFunction stored it', async () => {
    lambda = mockLambda();
    await newClient().send(new CreateFunctionCommand(input()));
    expectFrozen(lambda.state, 'frozen');
    expect(lambda.state.region(REGION).functions.get('frozen')?.latest.configuration.Timeout).toBe(3);
  });

  test.each(['instant', 'on-read', 'manual'] as const)('a record after its transitions completed (settle: %s)', async (settle) => {
    lambda = mockLambda({ settle });
    const client = newClient();
    await client.send(new CreateFunctionCommand(input()));
    await client.send(new GetFunctionCommand({ FunctionName: 'frozen' }));
    lambda.settle();
    await client.send(new PublishVersionCommand({ FunctionName: 'frozen' }));
    await client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'frozen', Timeout: 10 }));
    await client.send(new GetFunctionCommand({ FunctionName: 'frozen' }));
    lambda.settle();
    await client.send(new ListFunctionsCommand({}));
    const stored = lambda.state.region(REGION).functions.get('frozen')!;
    expect(stored.latest.configuration.LastUpdateStatus).toBe('Successful');
    expect(stored.versions[0]?.configuration.State).toBe('Active');
    expectFrozen(lambda.state, 'frozen');
  });

  test('mutating an answer changes nothing in the store or in later answers', async () => {
    lambda = mockLambda();
    const client = newClient();
    const created = await client.send(new CreateFunctionCommand(input()));
    expect(Object.isFrozen(created)).toBe(false);
    created.Timeout = 99;
    created.Environment!.Variables!.MODE = 'changed';
    created.Architectures!.push('arm64');

    const got = await client.send(new GetFunctionCommand({ FunctionName: 'frozen' }));
    expect(Object.isFrozen(got.Configuration)).toBe(false);
    expect(Object.isFrozen(got.Tags)).toBe(false);
    expect(got.Configuration?.Timeout).toBe(3);
    expect(got.Configuration?.Environment?.Variables).toEqual({ MODE: 'a' });
    expect(got.Configuration?.Architectures).toEqual(['x86_64']);
    got.Configuration!.Description = 'changed';
    got.Tags!.team = 'changed';
    got.Configuration!.Environment!.Variables!.MODE = 'changed';

    const listed = await client.send(new ListFunctionsCommand({}));
    listed.Functions![0]!.MemorySize = 1024;
    listed.Functions!.pop();

    const stored = lambda.state.region(REGION).functions.get('frozen')!;
    expect(stored.latest.configuration).toMatchObject({ Timeout: 3, Description: '', MemorySize: 128, Environment: { Variables: { MODE: 'a' } }, Architectures: ['x86_64'] });
    expect(stored.tags).toEqual({ team: 'a' });
    const again = await client.send(new GetFunctionCommand({ FunctionName: 'frozen' }));
    expect(again.Configuration).toMatchObject({ Timeout: 3, Description: '', MemorySize: 128, Environment: { Variables: { MODE: 'a' } } });
    expect(again.Tags).toEqual({ team: 'a' });
    expect((await client.send(new ListFunctionsCommand({}))).Functions).toHaveLength(1);
  });

  test('mutating the input sent after the command changes nothing stored', async () => {
    lambda = mockLambda();
    const sent = input();
    await newClient().send(new CreateFunctionCommand(sent));
    sent.Environment!.Variables!.MODE = 'changed';
    sent.Tags!.team = 'changed';
    const stored = lambda.state.region(REGION).functions.get('frozen')!;
    expect(stored.latest.configuration.Environment?.Variables).toEqual({ MODE: 'a' });
    expect(stored.tags).toEqual({ team: 'a' });
  });
});

describe('reset()', () => {
  test('empties the state, the call log and pending transitions; the mock stays installed', async () => {
    lambda = mockLambda({ settle: 'manual' });
    const client = newClient();
    await client.send(new CreateFunctionCommand(createInput('fn')));
    await newClient('us-west-2').send(new CreateFunctionCommand(createInput('fn')));
    const before = lambda.state;
    expect(lambda.state.regions.size).toBe(2);
    expect(lambda.calls).toHaveLength(2);

    lambda.reset();
    expect(lambda.state.regions.size).toBe(0);
    expect(lambda.state.region(REGION).functions.size).toBe(0);
    expect(lambda.calls).toHaveLength(0);
    expect(lambda.commandCalls(CreateFunctionCommand)).toHaveLength(0);
    // A snapshot from before the reset still holds what it held.
    expect(before.region(REGION).functions.has('fn')).toBe(true);

    // Still intercepting: the name is free again and the new function starts over.
    const again = await client.send(new CreateFunctionCommand(createInput('fn')));
    expect(again.State).toBe('Pending');
    expect(lambda.calls).toHaveLength(1);
    const error = await errorOf(client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', Timeout: 5 })));
    expect(error.name).toBe('ResourceConflictException');
  });
});
