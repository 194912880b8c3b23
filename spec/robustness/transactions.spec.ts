import { mockLambda, type LambdaMock } from '../../lib';
import { ACCOUNT, arnOf, createInput, REGION, zipOf } from '../helpers/fixtures';
import { providerInput } from '../operations/capacity-providers/capacity-provider-helpers';
import { Figures } from './figures';
import { MutationProbe, oneAttemptClient, registeredOperations, sendOnce, storeIs, storeNow, storeOf } from './fuzz-harness';
import {
  ALIAS, DURABLE_FN, eventSourceMappingArn, FN, LAYER, layerArn, PROFILE, PROVIDER, SCALED_FN, SCALED_PROVIDER, seedWorld, SIGNED_FN, type World,
} from './seed-world';

// Issue 9, transactions: every registered operation, given one input known to succeed against the
// seeded world, is made to fail at each of its changes in turn (a collection written, an invoke
// result taken): `lambda.snapshot()` and `lambda.state` stay exactly as they were, nothing is recorded
// as invoked, and the same input then succeeds. An operation that changed nothing (a read) must have
// left the store as it was. Run with `settle: 'instant'`, then with `'on-read'`, where reads complete
// pending transitions and so are changes too. (fuzz-inputs.spec.ts does the same for whatever
// generated input happens to succeed.)

/** The names and ids an input needs: the seeded world's, and those the `on-read` run adds. */
interface Names extends World {
  /** A mapping still `Creating` (`on-read` run only). */
  readonly pendingMappingUuid?: string;
}

/** One input for an operation; `note` tells apart two inputs of the same operation. */
interface Case {
  readonly operation: string;
  readonly note?: string;
  readonly input: (names: Names) => object;
  /** The input must change the store (a read that completes a transition). */
  readonly changes?: boolean;
}

/** A name the world was to hold, or a failure that says which (the world test reports why). */
function given<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the seeded world has no ${what}`);
  return value;
}

const FN_ARN = arnOf(FN);
const execution = (n: Names): string => given(n.durableExecutionArn, 'durable execution');
const callback = (n: Names): string => given(n.callbackId, 'callback id');
const freeCsc = (n: Names): string => given(n.codeSigningConfigArn, 'code signing config');
const mapping = (n: Names): string => given(n.eventSourceMappingUuid, 'event source mapping');
const policyDocument = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'put', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: FN_ARN }],
});

/** Every registered operation, at least once: each input succeeds against the seeded world. */
const CASES: readonly Case[] = [
  // Functions and versions
  { operation: 'CreateFunction', input: () => createInput('new-fn', { Publish: true, Tags: { a: 'b' } }) },
  { operation: 'GetFunction', input: () => ({ FunctionName: FN }) },
  { operation: 'GetFunctionConfiguration', input: () => ({ FunctionName: FN, Qualifier: '1' }) },
  { operation: 'ListFunctions', input: () => ({}) },
  { operation: 'UpdateFunctionCode', input: () => ({ FunctionName: FN, ZipFile: zipOf('exports.handler = async () => 3;'), Publish: true }) },
  { operation: 'UpdateFunctionConfiguration', input: () => ({ FunctionName: FN, MemorySize: 512 }) },
  { operation: 'DeleteFunction', input: () => ({ FunctionName: FN }) },
  { operation: 'DeleteFunction', note: 'a version', input: () => ({ FunctionName: FN, Qualifier: '2' }) },
  { operation: 'PublishVersion', input: () => ({ FunctionName: FN, Description: 'third' }) },
  { operation: 'ListVersionsByFunction', input: () => ({ FunctionName: FN }) },
  // Tags
  { operation: 'TagResource', input: () => ({ Resource: FN_ARN, Tags: { b: 'c' } }) },
  { operation: 'TagResource', note: 'an event source mapping', input: (n) => ({ Resource: eventSourceMappingArn(mapping(n)), Tags: { b: 'c' } }) },
  { operation: 'UntagResource', input: () => ({ Resource: FN_ARN, TagKeys: ['team'] }) },
  { operation: 'ListTags', input: () => ({ Resource: FN_ARN }) },
  // Concurrency
  { operation: 'PutFunctionConcurrency', input: () => ({ FunctionName: FN, ReservedConcurrentExecutions: 7 }) },
  { operation: 'DeleteFunctionConcurrency', input: () => ({ FunctionName: FN }) },
  { operation: 'GetFunctionConcurrency', input: () => ({ FunctionName: FN }) },
  { operation: 'PutProvisionedConcurrencyConfig', input: () => ({ FunctionName: FN, Qualifier: '2', ProvisionedConcurrentExecutions: 3 }) },
  { operation: 'DeleteProvisionedConcurrencyConfig', input: () => ({ FunctionName: FN, Qualifier: '1' }) },
  { operation: 'GetProvisionedConcurrencyConfig', input: () => ({ FunctionName: FN, Qualifier: '1' }) },
  { operation: 'ListProvisionedConcurrencyConfigs', input: () => ({ FunctionName: FN }) },
  { operation: 'GetAccountSettings', input: () => ({}) },
  // Invocation (the world queues two results: a synchronous invoke takes one)
  { operation: 'Invoke', input: () => ({ FunctionName: FN, Payload: '{}' }) },
  { operation: 'Invoke', note: 'a durable function, synchronously', input: () => ({ FunctionName: DURABLE_FN, Payload: '{"order":2}' }) },
  { operation: 'InvokeAsync', input: () => ({ FunctionName: FN, InvokeArgs: '{}' }) },
  { operation: 'InvokeWithResponseStream', input: () => ({ FunctionName: FN, Payload: '{}' }) },
  // Aliases
  { operation: 'CreateAlias', input: () => ({ FunctionName: FN, Name: 'next', FunctionVersion: '2' }) },
  { operation: 'UpdateAlias', input: () => ({ FunctionName: FN, Name: ALIAS, FunctionVersion: '2' }) },
  { operation: 'DeleteAlias', input: () => ({ FunctionName: FN, Name: ALIAS }) },
  { operation: 'GetAlias', input: () => ({ FunctionName: FN, Name: ALIAS }) },
  { operation: 'ListAliases', input: () => ({ FunctionName: FN }) },
  // Resource-based policies
  { operation: 'AddPermission', input: () => ({ FunctionName: FN, StatementId: 'second', Action: 'lambda:InvokeFunction', Principal: 'sns.amazonaws.com' }) },
  { operation: 'RemovePermission', input: () => ({ FunctionName: FN, StatementId: 'fuzz-sid' }) },
  { operation: 'GetPolicy', input: () => ({ FunctionName: FN }) },
  { operation: 'PutResourcePolicy', input: () => ({ ResourceArn: FN_ARN, Policy: policyDocument }) },
  { operation: 'DeleteResourcePolicy', input: () => ({ ResourceArn: FN_ARN }) },
  { operation: 'GetResourcePolicy', input: () => ({ ResourceArn: FN_ARN }) },
  // Layers
  { operation: 'PublishLayerVersion', input: () => ({ LayerName: LAYER, Content: { ZipFile: zipOf('module.exports = 2;') } }) },
  { operation: 'DeleteLayerVersion', input: () => ({ LayerName: LAYER, VersionNumber: 1 }) },
  { operation: 'AddLayerVersionPermission', input: () => ({ LayerName: LAYER, VersionNumber: 1, StatementId: 'second', Action: 'lambda:GetLayerVersion', Principal: '*' }) },
  { operation: 'RemoveLayerVersionPermission', input: () => ({ LayerName: LAYER, VersionNumber: 1, StatementId: 'fuzz-sid' }) },
  { operation: 'GetLayerVersion', input: () => ({ LayerName: LAYER, VersionNumber: 1 }) },
  { operation: 'GetLayerVersionByArn', input: () => ({ Arn: layerArn(1) }) },
  { operation: 'GetLayerVersionPolicy', input: () => ({ LayerName: LAYER, VersionNumber: 1 }) },
  { operation: 'ListLayerVersions', input: () => ({ LayerName: LAYER }) },
  { operation: 'ListLayers', input: () => ({}) },
  // Function settings
  { operation: 'PutFunctionRecursionConfig', input: () => ({ FunctionName: FN, RecursiveLoop: 'Allow' }) },
  { operation: 'GetFunctionRecursionConfig', input: () => ({ FunctionName: FN }) },
  { operation: 'PutRuntimeManagementConfig', input: () => ({ FunctionName: FN, UpdateRuntimeOn: 'FunctionUpdate' }) },
  { operation: 'GetRuntimeManagementConfig', input: () => ({ FunctionName: FN }) },
  // Code signing
  { operation: 'CreateCodeSigningConfig', input: () => ({ AllowedPublishers: { SigningProfileVersionArns: [PROFILE] }, Description: 'second' }) },
  { operation: 'UpdateCodeSigningConfig', input: (n) => ({ CodeSigningConfigArn: freeCsc(n), Description: 'changed' }) },
  { operation: 'DeleteCodeSigningConfig', input: (n) => ({ CodeSigningConfigArn: freeCsc(n) }) },
  { operation: 'GetCodeSigningConfig', input: (n) => ({ CodeSigningConfigArn: freeCsc(n) }) },
  { operation: 'ListCodeSigningConfigs', input: () => ({}) },
  { operation: 'PutFunctionCodeSigningConfig', input: (n) => ({ CodeSigningConfigArn: freeCsc(n), FunctionName: FN }) },
  { operation: 'DeleteFunctionCodeSigningConfig', input: () => ({ FunctionName: SIGNED_FN }) },
  { operation: 'GetFunctionCodeSigningConfig', input: () => ({ FunctionName: SIGNED_FN }) },
  { operation: 'ListFunctionsByCodeSigningConfig', input: (n) => ({ CodeSigningConfigArn: given(n.usedCodeSigningConfigArn, 'code signing config in use') }) },
  // Capacity providers and scaling
  { operation: 'CreateCapacityProvider', input: () => providerInput('fuzz-provider-2') },
  { operation: 'UpdateCapacityProvider', input: () => ({ CapacityProviderName: PROVIDER, CapacityProviderScalingConfig: { ScalingMode: 'Auto', MaxVCpuCount: 64 } }) },
  { operation: 'DeleteCapacityProvider', input: () => ({ CapacityProviderName: PROVIDER }) },
  { operation: 'GetCapacityProvider', input: () => ({ CapacityProviderName: PROVIDER }) },
  { operation: 'ListCapacityProviders', input: () => ({}) },
  { operation: 'ListFunctionVersionsByCapacityProvider', input: () => ({ CapacityProviderName: SCALED_PROVIDER }) },
  { operation: 'PutFunctionScalingConfig', input: () => ({ FunctionName: SCALED_FN, Qualifier: '1', FunctionScalingConfig: { MinExecutionEnvironments: 1, MaxExecutionEnvironments: 4 } }) },
  { operation: 'GetFunctionScalingConfig', input: () => ({ FunctionName: SCALED_FN, Qualifier: '1' }) },
  // Durable executions (the world's execution waits on a callback)
  {
    operation: 'CheckpointDurableExecution',
    input: (n) => ({
      DurableExecutionArn: execution(n),
      CheckpointToken: given(n.checkpointToken, 'checkpoint token'),
      Updates: [{ Id: 'step-1', Name: 'charge', Type: 'STEP', Action: 'START' }],
    }),
  },
  { operation: 'SendDurableExecutionCallbackSuccess', input: (n) => ({ CallbackId: callback(n), Result: '{"approved":true}' }) },
  { operation: 'SendDurableExecutionCallbackFailure', input: (n) => ({ CallbackId: callback(n), Error: { ErrorType: 'Rejected', ErrorMessage: 'no' } }) },
  { operation: 'SendDurableExecutionCallbackHeartbeat', input: (n) => ({ CallbackId: callback(n) }) },
  { operation: 'StopDurableExecution', input: (n) => ({ DurableExecutionArn: execution(n) }) },
  { operation: 'GetDurableExecution', input: (n) => ({ DurableExecutionArn: execution(n) }) },
  { operation: 'GetDurableExecutionHistory', input: (n) => ({ DurableExecutionArn: execution(n) }) },
  { operation: 'GetDurableExecutionState', input: (n) => ({ DurableExecutionArn: execution(n), CheckpointToken: given(n.checkpointToken, 'checkpoint token') }) },
  { operation: 'ListDurableExecutionsByFunction', input: () => ({ FunctionName: DURABLE_FN }) },
  // Asynchronous invocation settings
  { operation: 'PutFunctionEventInvokeConfig', input: () => ({ FunctionName: FN, Qualifier: '1', MaximumRetryAttempts: 0 }) },
  { operation: 'UpdateFunctionEventInvokeConfig', input: () => ({ FunctionName: FN, MaximumRetryAttempts: 2 }) },
  { operation: 'DeleteFunctionEventInvokeConfig', input: () => ({ FunctionName: FN }) },
  { operation: 'GetFunctionEventInvokeConfig', input: () => ({ FunctionName: FN }) },
  { operation: 'ListFunctionEventInvokeConfigs', input: () => ({ FunctionName: FN }) },
  // Event source mappings
  { operation: 'CreateEventSourceMapping', input: () => ({ FunctionName: FN, EventSourceArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:second-queue` }) },
  { operation: 'UpdateEventSourceMapping', input: (n) => ({ UUID: mapping(n), BatchSize: 5 }) },
  { operation: 'DeleteEventSourceMapping', input: (n) => ({ UUID: mapping(n) }) },
  { operation: 'GetEventSourceMapping', input: (n) => ({ UUID: mapping(n) }) },
  { operation: 'ListEventSourceMappings', input: () => ({}) },
  // Function URLs (the world's is on FN itself)
  { operation: 'CreateFunctionUrlConfig', input: () => ({ FunctionName: FN, Qualifier: ALIAS, AuthType: 'NONE' }) },
  { operation: 'UpdateFunctionUrlConfig', input: () => ({ FunctionName: FN, AuthType: 'NONE' }) },
  { operation: 'DeleteFunctionUrlConfig', input: () => ({ FunctionName: FN }) },
  { operation: 'GetFunctionUrlConfig', input: () => ({ FunctionName: FN }) },
  { operation: 'ListFunctionUrlConfigs', input: () => ({ FunctionName: FN }) },
];

/** Functions, a mapping and a provisioned concurrency config the `on-read` run holds mid-transition: its reads complete them. */
const PENDING_FN = 'fuzz-pending';
const UPDATING_FN = 'fuzz-updating';
/** The version of FN whose provisioned concurrency the `on-read` run holds `IN_PROGRESS` (the world's, on version 1, is `READY`). */
const ALLOCATING_VERSION = '2';

/** Reads that, with `settle: 'on-read'`, complete a transition (ListFunctions and ListEventSourceMappings already do). */
const ON_READ_CASES: readonly Case[] = [
  { operation: 'GetFunction', note: 'Pending', input: () => ({ FunctionName: PENDING_FN }), changes: true },
  { operation: 'GetFunctionConfiguration', note: 'update InProgress', input: () => ({ FunctionName: UPDATING_FN }), changes: true },
  { operation: 'GetEventSourceMapping', note: 'Creating', input: (n) => ({ UUID: given(n.pendingMappingUuid, 'pending mapping') }), changes: true },
  { operation: 'GetProvisionedConcurrencyConfig', note: 'IN_PROGRESS', input: () => ({ FunctionName: FN, Qualifier: ALLOCATING_VERSION }), changes: true },
  { operation: 'ListProvisionedConcurrencyConfigs', note: 'IN_PROGRESS', input: () => ({ FunctionName: FN }), changes: true },
];

/**
 * Operations that change nothing stored although they are no reads: an `Event` invoke takes no
 * queued result and runs no code here (it is recorded as invoked, which is no part of the store).
 */
const CHANGES_NOTHING_STORED = new Set(['InvokeAsync']);
/** Reads (the API model's `readonly` operations, and GetResourcePolicy, which the vendored model lacks). */
const isRead = (operation: string): boolean => /^(Get|List)/.test(operation);
const nameOf = (c: Case): string => (c.note ? `${c.operation} (${c.note})` : c.operation);
const shown = (input: object): string => JSON.stringify(input, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.byteLength} bytes>` : v));

const client = oneAttemptClient();
const commands = new Map(registeredOperations().map((o) => [o.operation, o.Command]));
let world: World;
let probe: MutationProbe;

beforeAll(async () => {
  const builder = mockLambda();
  world = await seedWorld(builder, client);
  builder.restore();
  probe = new MutationProbe();
});
afterAll(() => probe?.remove());

test('the world every input starts from is built without an error', () => {
  expect(world.failures).toEqual([]);
});

test('every registered operation has an input here (a newly registered one must be added to CASES)', () => {
  const covered = new Set(CASES.map((c) => c.operation));
  const registered = registeredOperations().map((o) => o.operation);
  expect(registered.filter((op) => !covered.has(op))).toEqual([]);
  // And nothing here is skipped for a misspelt or unregistered name.
  expect([...covered].filter((op) => !commands.has(op))).toEqual([]);
});

/**
 * The property for one mock: `case` succeeds; failing at each of its changes leaves the store as it
 * was and records nothing invoked, and the same input succeeds afterwards; no change, no difference.
 */
function transactionTests(settle: 'instant' | 'on-read', seedOf: () => Promise<{ snapshot: World['snapshot']; names: Names }>, cases: readonly Case[]): void {
  const figures = new Figures(`transactions, settle '${settle}'`);
  figures.printAfterAll();
  let lambda: LambdaMock;
  let names: Names;
  let before: ReturnType<typeof storeNow>;
  const operations = new Set<string>();
  const changingOperations = new Set<string>();

  beforeAll(async () => {
    const seeded = await seedOf();
    names = seeded.names;
    lambda = mockLambda({ settle, seed: seeded.snapshot });
    before = storeNow(lambda);
  });
  afterAll(() => lambda?.restore());

  test.each(cases.map((c) => [nameOf(c), c] as const))('%s', async (name, { operation, input: inputOf, changes: mustChange }) => {
    const Command = commands.get(operation);
    if (!Command) throw new Error(`${operation} is not registered, or the SDK has no command for it`);
    const input = inputOf(names);
    const what = `${name} ${shown(input)}`;
    lambda.reset();
    probe.arm();
    const normal = await sendOnce(client, Command, input);
    const changes = probe.count;
    expect({ what, error: normal.ok ? undefined : `${normal.error.name}: ${normal.error.message}` }).toEqual({ what, error: undefined });
    figures.add('inputs');
    if (mustChange) expect({ what, changes: changes > 0 }).toEqual({ what, changes: true });
    if (!operations.has(operation)) figures.add('operations covered');
    operations.add(operation);
    if (changes === 0) {
      // A read (or a change that stores nothing) leaves the store as it was.
      if (!storeIs(lambda, before)) expect(storeOf(lambda)).toBe(before.text);
      return;
    }
    if (!changingOperations.has(operation)) figures.add('of which store-changing');
    changingOperations.add(operation);
    // Each change fails in turn: before it is made, and just after (the change made, uncommitted).
    for (let failAt = 1; failAt <= changes; failAt++) {
      for (const after of [false, true]) {
        lambda.reset();
        probe.arm(failAt, after);
        const failed = await sendOnce(client, Command, input);
        probe.arm();
        figures.add('failures injected');
        const where = `${after ? 'after' : 'before'} change ${failAt} of ${changes}`;
        expect({ what, where, answer: failed.ok ? 'success' : failed.error.name }).toEqual({ what, where, answer: 'ServiceException' });
        if (!storeIs(lambda, before)) expect(storeOf(lambda)).toBe(before.text);
        expect(lambda.invocations()).toEqual([]);
        // Nothing is left half-done: the same input succeeds afterwards.
        const again = await sendOnce(client, Command, input);
        expect({ what, where, again: again.ok ? 'success' : `${again.error.name}: ${again.error.message}` }).toEqual({ what, where, again: 'success' });
      }
    }
  });

  if (settle === 'instant') {
    // The inputs are what they say: reads change nothing, every other input changes the store.
    test('reads change nothing stored; every other input here changes the store', async () => {
      const changedNothing: string[] = [];
      const readsThatChanged: string[] = [];
      for (const c of cases) {
        lambda.reset();
        probe.arm();
        await sendOnce(client, commands.get(c.operation)!, c.input(names));
        const changed = probe.count > 0 && !storeIs(lambda, before);
        if (isRead(c.operation) && changed) readsThatChanged.push(nameOf(c));
        if (!isRead(c.operation) && !changed && !CHANGES_NOTHING_STORED.has(c.operation)) changedNothing.push(nameOf(c));
      }
      expect({ readsThatChanged, changedNothing }).toEqual({ readsThatChanged: [], changedNothing: [] });
    });
  }
}

describe("settle: 'instant'", () => {
  transactionTests('instant', async () => ({ snapshot: world.snapshot, names: world }), CASES);
});

describe("settle: 'on-read' (reads complete pending transitions: they are changes too)", () => {
  transactionTests(
    'on-read',
    async () => {
      // The world, plus a function Pending, one with an update InProgress, a mapping Creating and an allocation IN_PROGRESS.
      const builder = mockLambda({ settle: 'on-read', seed: world.snapshot });
      const send = async (operation: string, input: object): Promise<Record<string, unknown>> => {
        const outcome = await sendOnce(client, commands.get(operation)!, input);
        if (!outcome.ok) throw new Error(`${operation}: ${outcome.error.name}: ${outcome.error.message}`);
        return outcome.value;
      };
      await send('CreateFunction', createInput(PENDING_FN));
      await send('CreateFunction', createInput(UPDATING_FN));
      await send('GetFunction', { FunctionName: UPDATING_FN });
      await send('UpdateFunctionConfiguration', { FunctionName: UPDATING_FN, MemorySize: 256 });
      const created = await send('CreateEventSourceMapping', { FunctionName: FN, EventSourceArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:pending-queue` });
      await send('PutProvisionedConcurrencyConfig', { FunctionName: FN, Qualifier: ALLOCATING_VERSION, ProvisionedConcurrentExecutions: 1 });
      const snapshot = builder.snapshot();
      builder.restore();
      return { snapshot, names: { ...world, pendingMappingUuid: created.UUID as string } };
    },
    [...CASES, ...ON_READ_CASES],
  );
});
