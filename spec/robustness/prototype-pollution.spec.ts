import {
  AddPermissionCommand,
  CreateAliasCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  GetLayerVersionCommand,
  GetPolicyCommand,
  InvokeCommand,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListLayersCommand,
  ListTagsCommand,
  PublishLayerVersionCommand,
  RemovePermissionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { mockLambda } from '../../lib';
import { allShapeSpecs } from '../../lib/model/extra-operations';
import { handlers } from '../../lib/operations/registry';
import { arnOf, expectNoPollution, expectValidationError, useMockLambda, zipOf } from '../helpers/fixtures';

// Names that attack plain objects (`obj[name] = value`, `{ ...obj }`, `Object.assign`) used where users
// choose names: each works as an ordinary name, or is refused where the model's pattern refuses it,
// and nothing gains a prototype or a `polluted` member.
const ATTACKS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty'] as const;
const mock = useMockLambda();
const prototypeKeys = Reflect.ownKeys(Object.prototype);
afterEach(() => expectNoPollution(prototypeKeys));

/** An object with `name` as an own key, whatever the name (a literal `{ __proto__: v }` would set the prototype). */
const own = <V>(name: string, value: V, rest: Record<string, V> = {}): Record<string, V> => {
  const out: Record<string, V> = { ...rest };
  Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  return out;
};
const whenRegistered = (op: string) => (op in handlers ? describe : describe.skip);

describe.each(ATTACKS)('the name %s', (name) => {
  test('is an ordinary function name: created, read, listed, invoked, deleted', async () => {
    await mock.create(name);
    const got = await mock.get(name);
    expect(got.Configuration?.FunctionArn).toBe(arnOf(name));
    expect((await mock.client.send(new ListFunctionsCommand({}))).Functions?.map((f) => f.FunctionName)).toEqual([name]);
    const invoked = await mock.client.send(new InvokeCommand({ FunctionName: name, Payload: '{"polluted":true}' }));
    expect(invoked.Payload?.transformToString()).toBe('{"polluted":true}');
    expect([...mock.lambda.state.region('us-east-1').functions.keys()]).toEqual([name]);
    await mock.client.send(new DeleteFunctionCommand({ FunctionName: name }));
    expect(mock.lambda.state.region('us-east-1').functions.size).toBe(0);
  });

  test('is an ordinary tag key, next to another, and is removed by its key alone', async () => {
    await mock.create('fn');
    const Tags = own(name, 'polluted', { team: 'a' });
    await mock.client.send(new TagResourceCommand({ Resource: arnOf('fn'), Tags }));
    const listed = await mock.client.send(new ListTagsCommand({ Resource: arnOf('fn') }));
    expect(Object.entries(listed.Tags ?? {}).sort()).toEqual([[name, 'polluted'], ['team', 'a']].sort());
    expect(Object.getPrototypeOf(listed.Tags)).toBe(Object.prototype);
    expect(Object.entries((await mock.get('fn')).Tags ?? {}).sort()).toEqual([[name, 'polluted'], ['team', 'a']].sort());
    await mock.client.send(new UntagResourceCommand({ Resource: arnOf('fn'), TagKeys: [name] }));
    expect((await mock.client.send(new ListTagsCommand({ Resource: arnOf('fn') }))).Tags).toEqual({ team: 'a' });
  });

  test('as a tag key whose value is an object: refused as content of the wrong type, nothing stored', async () => {
    await mock.create('fn');
    const Tags = own(name, { polluted: true } as unknown as string);
    const error = await mock.client.send(new TagResourceCommand({ Resource: arnOf('fn'), Tags })).catch((e: Error) => e);
    expect((error as Error).name).toBe('InvalidRequestContentException');
    expect(mock.lambda.state.function('fn')?.tags).toEqual({});
  });

  test('as an environment variable key: kept as given, or refused by the model pattern', async () => {
    await mock.create('fn');
    const Variables = own(name, 'polluted', { KEEP: 'yes' });
    const update = mock.client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', Environment: { Variables } }));
    const pattern = allShapeSpecs.EnvironmentVariableName!.pattern!;
    if (!new RegExp(pattern).test(name)) {
      // `__proto__` starts with `_`: the model's EnvironmentVariableName pattern refuses it, and the
      // service does not repeat a sensitive value in its message.
      await expectValidationError(
        update,
        `1 validation error detected: Value at 'environment.variables' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: ${pattern}]`,
      );
      expect(mock.lambda.state.function('fn')?.latest.configuration.Environment).toBeUndefined();
      return;
    }
    await update;
    const { Environment } = await mock.client.send(new GetFunctionConfigurationCommand({ FunctionName: 'fn' }));
    expect(Object.entries(Environment?.Variables ?? {}).sort()).toEqual([[name, 'polluted'], ['KEEP', 'yes']].sort());
    expect(Object.getPrototypeOf(Environment?.Variables)).toBe(Object.prototype);
  });

  whenRegistered('CreateAlias')('as an alias name', () => {
    test('is created, read, listed, invoked through and deleted like any alias', async () => {
      await mock.create('fn', { Publish: true });
      const created = await mock.client.send(new CreateAliasCommand({ FunctionName: 'fn', Name: name, FunctionVersion: '1' }));
      expect(created.AliasArn).toBe(arnOf('fn', name));
      expect((await mock.client.send(new GetAliasCommand({ FunctionName: 'fn', Name: name }))).FunctionVersion).toBe('1');
      expect((await mock.client.send(new ListAliasesCommand({ FunctionName: 'fn' }))).Aliases?.map((a) => a.Name)).toEqual([name]);
      expect((await mock.client.send(new InvokeCommand({ FunctionName: 'fn', Qualifier: name }))).ExecutedVersion).toBe('1');
      await mock.client.send(new DeleteAliasCommand({ FunctionName: 'fn', Name: name }));
      expect((await mock.client.send(new ListAliasesCommand({ FunctionName: 'fn' }))).Aliases).toEqual([]);
    });

    test('an alias of that name that does not exist is not found (not read off Object.prototype)', async () => {
      await mock.create('fn', { Publish: true });
      const error = await mock.client.send(new GetAliasCommand({ FunctionName: 'fn', Name: name })).catch((e: Error) => e);
      expect({ name: (error as Error).name, message: (error as Error).message }).toEqual({
        name: 'ResourceNotFoundException',
        message: `Cannot find alias arn: ${arnOf('fn', name)}`,
      });
    });
  });

  whenRegistered('AddPermission')('as a statement id', () => {
    test('is added, shown in the policy and removed like any statement', async () => {
      await mock.create('fn');
      await mock.client.send(new AddPermissionCommand({ FunctionName: 'fn', StatementId: name, Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' }));
      const { Policy } = await mock.client.send(new GetPolicyCommand({ FunctionName: 'fn' }));
      expect((JSON.parse(Policy!) as { Statement: { Sid: string }[] }).Statement.map((s) => s.Sid)).toEqual([name]);
      await mock.client.send(new RemovePermissionCommand({ FunctionName: 'fn', StatementId: name }));
      const after = await mock.client.send(new GetPolicyCommand({ FunctionName: 'fn' })).catch((e: Error) => e);
      expect((after as Error).name).toBe('ResourceNotFoundException');
    });
  });

  whenRegistered('PublishLayerVersion')('as a layer name', () => {
    test('is published, read and listed like any layer', async () => {
      const published = await mock.client.send(new PublishLayerVersionCommand({ LayerName: name, Content: { ZipFile: zipOf('module.exports = {};') } }));
      expect(published.Version).toBe(1);
      expect((await mock.client.send(new GetLayerVersionCommand({ LayerName: name, VersionNumber: 1 }))).LayerVersionArn).toBe(published.LayerVersionArn);
      expect((await mock.client.send(new ListLayersCommand({}))).Layers?.map((l) => l.LayerName)).toEqual([name]);
    });
  });
});

test('a snapshot holding every attacking name round-trips through JSON without polluting anything', async () => {
  for (const name of ATTACKS) {
    await mock.create(name, { Tags: own(name, 'v'), Environment: { Variables: own('constructor', 'v') } });
  }
  const snapshot = JSON.parse(JSON.stringify(mock.lambda.snapshot())) as ReturnType<typeof mock.lambda.snapshot>;
  mock.lambda.restore();
  const seeded = mockLambda({ seed: snapshot });
  try {
    expect([...seeded.state.region('us-east-1').functions.keys()].sort()).toEqual([...ATTACKS].sort());
    for (const name of ATTACKS) expect(Object.entries(seeded.state.function(name)!.tags)).toEqual([[name, 'v']]);
    const got = await mock.client.send(new GetFunctionCommand({ FunctionName: '__proto__' }));
    expect(Object.entries(got.Tags ?? {})).toEqual([['__proto__', 'v']]);
  } finally {
    seeded.restore();
  }
});
