import { mockLambda, type LambdaMock } from '../../lib';
import { handlers } from '../../lib/operations/registry';
import { createInput, zipOf } from '../helpers/fixtures';
import { Figures } from './figures';
import { MutationProbe, oneAttemptClient, registeredOperations, sendOnce, storeIs, storeNow, storeOf } from './fuzz-harness';
import { ALIAS, FN, LAYER, PROFILE, seedWorld, type World } from './seed-world';

// Every command runs in a transaction. For each operation that changes the store, one input known
// to succeed is made to fail at each of its changes in turn (a collection written, an invoke result
// taken): the store stays exactly as it was, nothing is recorded as invoked, and the same input then
// succeeds. (fuzz-inputs.spec.ts does the same for whatever generated input happens to succeed.)
const figures = new Figures('transactions');
figures.printAfterAll();

const inputs = (world: World): [string, object][] => [
  ['CreateFunction', createInput('new-fn', { Publish: true, Tags: { a: 'b' } })],
  ['UpdateFunctionCode', { FunctionName: FN, ZipFile: zipOf('exports.handler = async () => 3;'), Publish: true }],
  ['UpdateFunctionConfiguration', { FunctionName: FN, MemorySize: 512 }],
  ['DeleteFunction', { FunctionName: FN }],
  ['DeleteFunction', { FunctionName: FN, Qualifier: '2' }],
  ['TagResource', { Resource: `arn:aws:lambda:us-east-1:123456789012:function:${FN}`, Tags: { b: 'c' } }],
  ['UntagResource', { Resource: `arn:aws:lambda:us-east-1:123456789012:function:${FN}`, TagKeys: ['team'] }],
  ['PutFunctionConcurrency', { FunctionName: FN, ReservedConcurrentExecutions: 7 }],
  ['DeleteFunctionConcurrency', { FunctionName: FN }],
  ['PutProvisionedConcurrencyConfig', { FunctionName: FN, Qualifier: '2', ProvisionedConcurrentExecutions: 3 }],
  ['DeleteProvisionedConcurrencyConfig', { FunctionName: FN, Qualifier: '1' }],
  ['Invoke', { FunctionName: FN, Payload: '{}' }],
  ['CreateAlias', { FunctionName: FN, Name: 'next', FunctionVersion: '2' }],
  ['UpdateAlias', { FunctionName: FN, Name: ALIAS, FunctionVersion: '2' }],
  ['DeleteAlias', { FunctionName: FN, Name: ALIAS }],
  ['AddPermission', { FunctionName: FN, StatementId: 'second', Action: 'lambda:InvokeFunction', Principal: 'sns.amazonaws.com' }],
  ['RemovePermission', { FunctionName: FN, StatementId: 'fuzz-sid' }],
  ['PublishLayerVersion', { LayerName: LAYER, Content: { ZipFile: zipOf('module.exports = 2;') } }],
  ['DeleteLayerVersion', { LayerName: LAYER, VersionNumber: 1 }],
  ['AddLayerVersionPermission', { LayerName: LAYER, VersionNumber: 1, StatementId: 'second', Action: 'lambda:GetLayerVersion', Principal: '*' }],
  ['RemoveLayerVersionPermission', { LayerName: LAYER, VersionNumber: 1, StatementId: 'fuzz-sid' }],
  ['PutFunctionRecursionConfig', { FunctionName: FN, RecursiveLoop: 'Allow' }],
  ['PutRuntimeManagementConfig', { FunctionName: FN, UpdateRuntimeOn: 'FunctionUpdate' }],
  ['CreateCodeSigningConfig', { AllowedPublishers: { SigningProfileVersionArns: [PROFILE] }, Description: 'second' }],
  ...(world.codeSigningConfigArn
    ? ([
        ['UpdateCodeSigningConfig', { CodeSigningConfigArn: world.codeSigningConfigArn, Description: 'changed' }],
        ['PutFunctionCodeSigningConfig', { CodeSigningConfigArn: world.codeSigningConfigArn, FunctionName: FN }],
      ] as [string, object][])
    : []),
  ...(world.durableExecutionArn ? ([['StopDurableExecution', { DurableExecutionArn: world.durableExecutionArn }]] as [string, object][]) : []),
];

let lambda: LambdaMock;
let world: World;
let world0: ReturnType<typeof storeNow>;
let probe: MutationProbe;
const client = oneAttemptClient();
const commands = new Map(registeredOperations().map((o) => [o.operation, o.Command]));

beforeAll(async () => {
  const builder = mockLambda();
  world = await seedWorld(builder, client);
  builder.restore();
  lambda = mockLambda({ seed: world.snapshot });
  world0 = storeNow(lambda);
  probe = new MutationProbe();
});
afterAll(() => {
  probe.remove();
  lambda.restore();
});

test('every operation that changes the store, failing at each of its changes, leaves it as it was', async () => {
  const tried: string[] = [];
  for (const [operation, input] of inputs(world)) {
    const Command = commands.get(operation);
    if (!(operation in handlers) || !Command) continue;
    const what = `${operation} ${JSON.stringify(input, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.byteLength} bytes>` : v))}`;
    lambda.reset();
    probe.arm();
    const normal = await sendOnce(client, Command, input);
    expect({ what, error: normal.ok ? undefined : `${normal.error.name}: ${normal.error.message}` }).toEqual({ what, error: undefined });
    const changes = probe.count;
    expect({ what, changed: storeOf(lambda) !== world0.text && changes > 0 }).toEqual({ what, changed: true });
    for (let failAt = 1; failAt <= changes; failAt++) {
      lambda.reset();
      probe.arm(failAt);
      const failed = await sendOnce(client, Command, input);
      probe.arm();
      figures.add('failures injected');
      expect({ what, failAt, answer: failed.ok ? 'success' : failed.error.name }).toEqual({ what, failAt, answer: 'ServiceException' });
      if (!storeIs(lambda, world0)) expect(storeOf(lambda)).toBe(world0.text);
      expect(lambda.invocations()).toEqual([]);
      // Nothing is left half-done: the same input succeeds afterwards.
      const again = await sendOnce(client, Command, input);
      expect({ what, again: again.ok }).toEqual({ what, again: true });
    }
    tried.push(operation);
  }
  figures.add('operations', new Set(tried).size);
  expect(tried.length).toBeGreaterThan(20);
});
