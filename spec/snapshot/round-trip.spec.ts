import {
  AddLayerVersionPermissionCommand,
  AddPermissionCommand,
  CreateAliasCommand,
  CreateCapacityProviderCommand,
  CreateCodeSigningConfigCommand,
  CreateFunctionCommand,
  GetAliasCommand,
  GetCodeSigningConfigCommand,
  GetFunctionCommand,
  GetLayerVersionCommand,
  GetPolicyCommand,
  InvokeCommand,
  LambdaClient,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  PublishLayerVersionCommand,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
  PutProvisionedConcurrencyConfigCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { List as IList, Map as IMap } from 'immutable';
import { mockLambda, type LambdaMock, type LambdaSnapshot } from '../../lib';
import { emptyRegion } from '../../lib/store/store';
import { ACCOUNT, createInput, newClient, REGION, storedState, zipOf } from '../helpers/fixtures';

const OTHER_ACCOUNT = '210987654321';
let lambda: LambdaMock | undefined;
afterEach(() => lambda?.restore());

/** Installs a fresh mock (restoring the previous one) and answers it. */
function install(options: Parameters<typeof mockLambda>[0] = {}): LambdaMock {
  lambda?.restore();
  lambda = mockLambda(options);
  return lambda;
}

/** A store with every kind of resource the SDK can create here, in two regions, plus queued invoke results. */
async function buildStore(client: LambdaClient): Promise<void> {
  await client.send(new CreateFunctionCommand(createInput('orders', { Publish: true, Environment: { Variables: { MODE: 'live' } }, Tags: { team: 'payments' } })));
  await client.send(new UpdateFunctionCodeCommand({ FunctionName: 'orders', ZipFile: zipOf('exports.handler = async () => 2;') }));
  await client.send(new PublishVersionCommand({ FunctionName: 'orders', Description: 'second' }));
  await client.send(new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '2', RoutingConfig: { AdditionalVersionWeights: { '1': 0.25 } } }));
  await client.send(new AddPermissionCommand({ FunctionName: 'orders', StatementId: 's3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' }));
  await client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'orders', ReservedConcurrentExecutions: 7 }));
  await client.send(new PutProvisionedConcurrencyConfigCommand({ FunctionName: 'orders', Qualifier: '1', ProvisionedConcurrentExecutions: 2 }));
  await client.send(new CreateFunctionCommand(createInput('image', { PackageType: 'Image', Code: { ImageUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/image:1` }, Runtime: undefined, Handler: undefined })));
  // More than eight functions: the store's maps are then hashed, and their order must survive too.
  for (let i = 0; i < 12; i++) await client.send(new CreateFunctionCommand(createInput(`worker-${i}`, { Code: { S3Bucket: 'artifacts', S3Key: `w${i}.zip` } })));
  await client.send(new PublishLayerVersionCommand({ LayerName: 'shared', Content: { ZipFile: zipOf('module.exports = 1;') }, CompatibleRuntimes: ['nodejs22.x'] }));
  await client.send(
    new AddLayerVersionPermissionCommand({ LayerName: 'shared', VersionNumber: 1, StatementId: 'org', Action: 'lambda:GetLayerVersion', Principal: '*', OrganizationId: 'o-abcdefghij' }),
  );
  await client.send(new CreateCodeSigningConfigCommand({ AllowedPublishers: { SigningProfileVersionArns: [`arn:aws:signer:us-east-1:${ACCOUNT}:/signing-profiles/MyProfile/abcdef1234`] } }));
  await client.send(
    new CreateCapacityProviderCommand({
      CapacityProviderName: 'fleet',
      VpcConfig: { SubnetIds: ['subnet-0123456789abcdef0'], SecurityGroupIds: ['sg-0123456789abcdef0'] },
      PermissionsConfig: { CapacityProviderOperatorRoleArn: `arn:aws:iam::${ACCOUNT}:role/operator` },
    }),
  );
  await client.send(new CreateFunctionCommand(createInput('durable', { DurableConfig: { ExecutionTimeout: 3600 } })));
  await client.send(new InvokeCommand({ FunctionName: 'durable', InvocationType: 'Event', Payload: Buffer.from('{"order":1}') }));
  await newClient('eu-west-1').send(new CreateFunctionCommand(createInput('orders', { Description: 'the other region' })));
}

/** What the SDK answers about the store, with each answer's request id and any part that is new on every read left out. */
async function answers(client: LambdaClient, codeSigningConfigArn: string) {
  const strip = <T extends { $metadata?: unknown }>({ $metadata, ...rest }: T) => rest;
  return {
    orders: strip(await client.send(new GetFunctionCommand({ FunctionName: 'orders' }))),
    version1: strip(await client.send(new GetFunctionCommand({ FunctionName: 'orders', Qualifier: '1' }))),
    otherRegion: strip(await newClient('eu-west-1').send(new GetFunctionCommand({ FunctionName: 'orders' }))),
    list: strip(await client.send(new ListFunctionsCommand({}))),
    versions: strip(await client.send(new ListVersionsByFunctionCommand({ FunctionName: 'orders' }))),
    alias: strip(await client.send(new GetAliasCommand({ FunctionName: 'orders', Name: 'live' }))),
    policy: strip(await client.send(new GetPolicyCommand({ FunctionName: 'orders' }))),
    layer: strip(await client.send(new GetLayerVersionCommand({ LayerName: 'shared', VersionNumber: 1 }))),
    codeSigning: strip(await client.send(new GetCodeSigningConfigCommand({ CodeSigningConfigArn: codeSigningConfigArn }))),
  };
}

describe('lambda.snapshot() and mockLambda({ seed })', () => {
  test('a snapshot of every resource kind is JSON, and a mock seeded from it stores and answers exactly the same', async () => {
    const original = install();
    const client = newClient();
    await buildStore(client);
    original.setInvokeResults(['{"queued":"us-east-1"}', { payload: '{"errorMessage":"boom"}', functionError: 'Unhandled', logs: 'log line' }], { region: REGION });
    original.setInvokeResults(['{"queued":"account"}']);
    original.setInvokeResults(['{"queued":"elsewhere"}'], { region: 'us-west-2', accountId: OTHER_ACCOUNT });
    original.setInvokeResults(['{"queued":"other account"}'], { accountId: OTHER_ACCOUNT });
    const [codeSigningConfigArn] = [...original.state.region(REGION).codeSigningConfigs.keys()];

    const snapshot = original.snapshot();
    const text = JSON.stringify(snapshot);
    expect(JSON.parse(text)).toEqual(snapshot);
    const stored = storedState(original);
    // Each kind built above holds something (a collection added later is covered by the generic test below).
    const built = ['functions', 'layers', 'codeSigningConfigs', 'capacityProviders', 'durableExecutions', 'invokeResults'];
    for (const name of built) expect([name, Object.keys(stored[`${ACCOUNT}/${REGION}`]![name] as object).length > 0]).toEqual([name, true]);
    const order = Object.fromEntries(Object.entries(stored).map(([region, collections]) => [region, Object.fromEntries(Object.entries(collections).map(([name, c]) => [name, Object.keys(c as object)]))]));
    const before = await answers(client, codeSigningConfigArn!);

    const seeded = install({ seed: JSON.parse(text) as LambdaSnapshot });
    expect(storedState(seeded)).toStrictEqual(stored);
    expect(Object.fromEntries(Object.entries(storedState(seeded)).map(([region, collections]) => [region, Object.fromEntries(Object.entries(collections).map(([name, c]) => [name, Object.keys(c as object)]))]))).toEqual(order);
    expect(seeded.snapshot()).toEqual(snapshot);
    expect(await answers(client, codeSigningConfigArn!)).toEqual(before);

    // The queues come back in order: the region's own first, then the account's.
    const payloads: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { Payload, FunctionError } = await client.send(new InvokeCommand({ FunctionName: 'worker-0' }));
      payloads.push(`${Payload?.transformToString()}${FunctionError ? ` (${FunctionError})` : ''}`);
    }
    expect(payloads).toEqual(['{"queued":"us-east-1"}', '{"errorMessage":"boom"} (Unhandled)', '{"queued":"account"}', 'Simple Lambda happy path OK']);
    expect(seeded.state.region('us-west-2', OTHER_ACCOUNT).invokeResults.toArray()).toEqual([{ payload: '{"queued":"elsewhere"}' }]);
    expect(seeded.state.accountInvokeResults(OTHER_ACCOUNT).toArray()).toEqual([{ payload: '{"queued":"other account"}' }]);
  });

  test('zip bytes survive: the seeded code is the uploaded code, byte for byte', async () => {
    const original = install();
    const zip = zipOf('exports.handler = async () => "exact bytes";');
    await newClient().send(new CreateFunctionCommand(createInput('exact', { Code: { ZipFile: zip } })));
    await newClient().send(new PublishLayerVersionCommand({ LayerName: 'bytes', Content: { ZipFile: zip } }));
    const snapshot = JSON.parse(JSON.stringify(original.snapshot())) as LambdaSnapshot;

    const seeded = install({ seed: snapshot });
    const fn = seeded.state.function('exact')!;
    expect(Buffer.from(fn.latest.code.zipFileBase64!, 'base64')).toEqual(Buffer.from(zip));
    expect(Buffer.from(seeded.state.region(REGION).layers.get('bytes')!.versions[0]!.code.zipFileBase64!, 'base64')).toEqual(Buffer.from(zip));
    const { Configuration } = await newClient().send(new GetFunctionCommand({ FunctionName: 'exact' }));
    expect(Configuration?.CodeSize).toBe(zip.length);
  });

  test('every collection of a region, including ones added later, round-trips with bytes, dates and undefined members', () => {
    const members = Object.entries(emptyRegion(ACCOUNT, REGION));
    const collections = members.filter(([, member]) => IMap.isMap(member)).map(([name]) => name);
    const lists = members.filter(([, member]) => IList.isList(member)).map(([name]) => name);
    expect(collections).toContain('functions');
    // Each record carries what JSON cannot hold; a function record is also what a function's must be.
    const functionShape = { latest: { configuration: { FunctionName: 'f', State: 'Active' }, code: {} }, versions: [], nextVersion: 1, tags: {} };
    const record = (name: string) => ({
      ...(name === 'functions' ? functionShape : {}),
      name,
      bytes: { $bytes: Buffer.from([0, 1, 254, 255]).toString('base64') },
      at: { $date: '2024-01-02T03:04:05.678Z' },
      gone: { $undefined: true },
      nested: [{ $$dollar: 'kept' }],
    });
    const decoded = (name: string) => ({
      ...(name === 'functions' ? functionShape : {}),
      name,
      bytes: Uint8Array.from([0, 1, 254, 255]),
      at: new Date('2024-01-02T03:04:05.678Z'),
      gone: undefined,
      nested: [{ $dollar: 'kept' }],
    });
    const snapshot: LambdaSnapshot = {
      format: 'lambda-mock/snapshot',
      version: 1,
      regions: [{ accountId: ACCOUNT, region: REGION, collections: Object.fromEntries(collections.map((name) => [name, [[`${name}-key`, record(name)]]])), lists: Object.fromEntries(lists.map((name) => [name, [record(name)]])), values: {} }],
      accountInvokeResults: [],
    };

    const seeded = install({ seed: snapshot });
    const region = seeded.state.region(REGION) as unknown as Record<string, { get(key: string): unknown }>;
    for (const name of collections) {
      expect(region[name]!.get(`${name}-key`)).toStrictEqual(decoded(name));
      expect(Object.isFrozen(region[name]!.get(`${name}-key`))).toBe(true);
    }
    for (const name of lists) expect(region[name]!.get(0 as unknown as string)).toStrictEqual(decoded(name));
    expect(seeded.snapshot()).toEqual(snapshot);
  });
});
