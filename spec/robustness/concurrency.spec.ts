import {
  CreateFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  type FunctionConfiguration,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import fc from 'fast-check';
import { mockLambda, type LambdaMock } from '../../lib';
import type { LambdaCall } from '../../lib/backend/lambda-call';
import { createInput, REGION, sha256Base64 } from '../helpers/fixtures';
import { Figures, runs, seed } from './figures';
import { oneAttemptClient } from './fuzz-harness';
import { ZIPS } from './reference-model';

// 1,000 overlapping commands on one function (read-modify-write updates with RevisionId, blind
// updates with a stale RevisionId, publishes, invokes taking from the results queue), all sent at
// once with Promise.all. The call log gives the order lambda-mock handled them in; replaying that
// order serially against a reference must give every answer and the final state: no lost update,
// no version number twice, no queued result taken twice or skipped.
const figures = new Figures('concurrency');
figures.printAfterAll();

const FN = 'hot';
const COMMANDS = 1000;
const QUEUED = 300;

type Task = 'read-modify-write' | 'stale-update' | 'code-update' | 'publish' | 'publish-with-revision' | 'invoke';
const TASKS: Task[] = ['read-modify-write', 'stale-update', 'code-update', 'publish', 'publish-with-revision', 'invoke'];

/** One task's commands, sent as a user's code would: a read first where it needs the RevisionId. */
async function runTask(client: LambdaClient, [task, delay]: readonly [Task, number], i: number, staleRevision: string): Promise<void> {
  // A few turns of the event loop first, so that the tasks start at different moments.
  for (let turn = 0; turn < delay; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
  const ignore = () => undefined;
  const read = () => client.send(new GetFunctionConfigurationCommand({ FunctionName: FN }));
  switch (task) {
    case 'read-modify-write':
      // Read, change, and on a conflict read again: up to 3 tries, as careful user code does.
      for (let attempt = 0; attempt < 3; attempt++) {
        const { RevisionId } = await read();
        const updated = await client.send(new UpdateFunctionConfigurationCommand({ FunctionName: FN, MemorySize: 129 + i, RevisionId })).then(() => true, () => false);
        if (updated) return;
      }
      return;
    case 'stale-update':
      await client.send(new UpdateFunctionConfigurationCommand({ FunctionName: FN, Description: `stale ${i}`, RevisionId: staleRevision })).catch(ignore);
      return;
    case 'code-update': {
      const { RevisionId } = await read();
      await client.send(new UpdateFunctionCodeCommand({ FunctionName: FN, ZipFile: ZIPS[i % ZIPS.length], RevisionId })).catch(ignore);
      return;
    }
    case 'publish':
      await client.send(new PublishVersionCommand({ FunctionName: FN })).catch(ignore);
      return;
    case 'publish-with-revision': {
      const { RevisionId } = await read();
      await client.send(new PublishVersionCommand({ FunctionName: FN, RevisionId })).catch(ignore);
      return;
    }
    case 'invoke':
      await client.send(new InvokeCommand({ FunctionName: FN, Payload: JSON.stringify({ i }) })).catch(ignore);
  }
}

/** The serial reference: `$LATEST` as the calls so far left it. */
interface Serial {
  /** `undefined` once an update completed: the service then gives `$LATEST` a RevisionId the model learns from the next answer. */
  revision: string | undefined;
  memory: number;
  sha: string;
  description: string;
  updating: boolean;
  versions: string[];
  /** memory|sha of the last published version. */
  lastPublished: string | undefined;
  queue: string[];
  readonly revisions: Set<string>;
}

const outputOf = (call: LambdaCall) => call.output as FunctionConfiguration & Record<string, unknown>;
const errorName = (call: LambdaCall): string | undefined => call.error?.name;

/** Adopts the revision a completed update gave `$LATEST`: it must be one never seen before. */
function learn(s: Serial, revision: string, where: string): void {
  expect({ where, fresh: !s.revisions.has(revision) }).toEqual({ where, fresh: true });
  s.revisions.add(revision);
  s.revision = revision;
}

/** Replays the call log in order against the serial reference; every answer must be the one it predicts. */
function replay(calls: readonly LambdaCall[], start: Serial, settle: 'instant' | 'on-read'): Serial {
  const s = start;
  calls.forEach((call, index) => {
    const where = `call ${index} (${call.operation})`;
    const input = call.input as Record<string, unknown>;
    // In 'instant' mode an update completes before the next command, with a new RevisionId.
    if (settle === 'instant' && s.updating) {
      s.updating = false;
      s.revision = undefined;
    }
    if (s.revision === undefined && input.RevisionId !== undefined && call.operation !== 'GetFunctionConfiguration') {
      // The first command naming a revision after an update completed tells which one is current.
      if (errorName(call) !== 'PreconditionFailedException') learn(s, input.RevisionId as string, where);
    }
    const stale = input.RevisionId !== undefined && input.RevisionId !== s.revision;
    const inProgress = settle === 'on-read' && s.updating;
    const expectError = (name: string | undefined) => expect({ where, error: errorName(call) }).toEqual({ where, error: name });
    switch (call.operation) {
      case 'GetFunctionConfiguration': {
        expectError(undefined);
        // A read in 'on-read' mode completes an update in progress, which gives a new RevisionId.
        if (settle === 'on-read' && s.updating) {
          s.updating = false;
          s.revision = undefined;
        }
        if (s.revision === undefined) learn(s, outputOf(call).RevisionId!, where);
        // A read sees the last change handled before it: nothing is lost or seen early.
        expect({ where, revision: outputOf(call).RevisionId, memory: outputOf(call).MemorySize }).toEqual({ where, revision: s.revision, memory: s.memory });
        break;
      }
      case 'UpdateFunctionConfiguration':
      case 'UpdateFunctionCode': {
        expectError(stale ? 'PreconditionFailedException' : inProgress ? 'ResourceConflictException' : undefined);
        if (stale || inProgress) break;
        const out = outputOf(call);
        expect(s.revisions.has(out.RevisionId!)).toBe(false);
        s.revisions.add(out.RevisionId!);
        s.revision = out.RevisionId!;
        if (call.operation === 'UpdateFunctionCode') s.sha = sha256Base64(input.ZipFile as Uint8Array);
        else {
          s.memory = (input.MemorySize as number | undefined) ?? s.memory;
          s.description = (input.Description as string | undefined) ?? s.description;
        }
        expect({ where, memory: out.MemorySize, sha: out.CodeSha256 }).toEqual({ where, memory: s.memory, sha: s.sha });
        s.updating = true;
        break;
      }
      case 'PublishVersion': {
        expectError(stale ? 'PreconditionFailedException' : inProgress ? 'ResourceConflictException' : undefined);
        if (stale || inProgress) break;
        const fingerprint = `${s.memory}|${s.sha}`;
        if (fingerprint !== s.lastPublished) {
          s.versions.push(String(s.versions.length + 1));
          s.lastPublished = fingerprint;
        }
        expect({ where, version: outputOf(call).Version }).toEqual({ where, version: s.versions[s.versions.length - 1] });
        break;
      }
      case 'Invoke': {
        expectError(undefined);
        const payload = (outputOf(call).Payload as { transformToString(): string }).transformToString();
        expect({ where, payload }).toEqual({ where, payload: s.queue.shift() ?? JSON.stringify(JSON.parse((input.Payload as string) ?? '{}')) });
        break;
      }
      default:
        throw new Error(`${where}: not a command of this test`);
    }
  });
  return s;
}

// Property runs and child processes take seconds, more on a loaded machine: a limit that cannot fail a correct run.
jest.setTimeout(60_000);

describe.each(['instant', 'on-read'] as const)("settle: '%s'", (settle) => {
  let lambda: LambdaMock;
  const client = oneAttemptClient();
  beforeEach(() => {
    lambda = mockLambda({ settle });
  });
  afterEach(() => lambda.restore());

  test(`${COMMANDS} overlapping commands on one function equal the serial order they were handled in`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...TASKS), fc.nat(40)), { minLength: COMMANDS, maxLength: COMMANDS }), async (tasks) => {
        lambda.reset();
        await client.send(new CreateFunctionCommand(createInput(FN, { Code: { ZipFile: ZIPS[0] } })));
        lambda.settle();
        const start = await client.send(new GetFunctionConfigurationCommand({ FunctionName: FN }));
        const queue = Array.from({ length: QUEUED }, (_, i) => JSON.stringify({ queued: i }));
        lambda.setInvokeResults(queue, { region: REGION });
        const before = lambda.calls.length;

        await Promise.all(tasks.map((task, i) => runTask(client, task, i, start.RevisionId!)));
        // A last read: when no command after the last update's completion showed the RevisionId the
        // completion gave `$LATEST` (a read, or a change naming it), the replay learns it here.
        await client.send(new GetFunctionConfigurationCommand({ FunctionName: FN }));

        const calls = lambda.calls.slice(before);
        figures.add('overlapping commands', calls.length - 1);
        const serial = replay(calls, {
          revision: start.RevisionId!, memory: 128, sha: sha256Base64(ZIPS[0]!), description: '', updating: false,
          versions: [], lastPublished: undefined, queue: [...queue], revisions: new Set([start.RevisionId!]),
        }, settle);

        // The final state is the serial one.
        const stored = lambda.state.function(FN)!;
        expect({
          revision: stored.latest.configuration.RevisionId,
          memory: stored.latest.configuration.MemorySize,
          sha: stored.latest.configuration.CodeSha256,
          versions: stored.versions.map((v) => v.configuration.Version),
          queueLeft: lambda.state.region(REGION).invokeResults.size,
          invocations: lambda.invocations(FN).length,
        }).toEqual({
          revision: serial.revision,
          memory: serial.memory,
          sha: serial.sha,
          versions: serial.versions,
          queueLeft: serial.queue.length,
          invocations: calls.filter((c) => c.operation === 'Invoke').length,
        });
        // The run was contended: some changes won, and some lost to a newer RevisionId.
        const outcomes = calls.filter((c) => c.operation.startsWith('Update'));
        figures.add('changes that won', outcomes.filter((c) => !c.error).length);
        figures.add('stale changes refused (412)', outcomes.filter((c) => c.error?.name === 'PreconditionFailedException').length);
        expect(outcomes.some((c) => !c.error)).toBe(true);
        expect(outcomes.some((c) => c.error?.name === 'PreconditionFailedException')).toBe(true);
      }),
      // No shrinking: a shrunk 1,000-task array says less than the first failing call the replay names.
      { numRuns: runs(1), endOnFailure: true, ...seed() },
    );
  });
});
