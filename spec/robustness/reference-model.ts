import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  DeleteFunctionConcurrencyCommand,
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  InvokeCommand,
  ListFunctionsCommand,
  ListTagsCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  type FunctionConfiguration,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import fc from 'fast-check';
import type { LambdaMock } from '../../lib';
import { arnOf, createInput, REGION, sha256Base64, zipOf } from '../helpers/fixtures';

/**
 * A small reference Lambda, written from the service's documented behaviour, that the model-based
 * spec runs side by side with lambda-mock: every answer (success or error class) and the stored
 * state after every command must agree. It knows functions, `$LATEST` and published versions,
 * RevisionIds, Pending/InProgress transitions (`settle: 'on-read'`), tags, reserved concurrency
 * and the invoke-results queues — the operations registered when it was written.
 */

export type Settle = 'instant' | 'on-read';

/** Three deployment packages: functions move between them. */
export const ZIPS = [zipOf('exports.handler = async () => 0;'), zipOf('exports.handler = async () => 1;'), zipOf('exports.handler = async () => 2;')];
const SHAS = ZIPS.map(sha256Base64);

/** Few names, so that sequences keep meeting the same functions; two of them attack objects. */
export const NAMES = ['alpha', 'constructor', '__proto__'] as const;
/** Tag keys, with the names that attack objects among them. */
export const TAG_KEYS = ['team', '__proto__', 'constructor', 'hasOwnProperty', 'prototype'] as const;

interface ModelVersion {
  readonly number: string;
  readonly fingerprint: string;
  readonly sha: string;
  readonly memory: number;
  pending: boolean;
}

interface ModelFunction {
  sha: string;
  memory: number;
  description: string;
  /** The value of the one environment variable the model sets (`undefined`: no environment). */
  env: string | undefined;
  pending: boolean;
  updating: boolean;
  /** `$LATEST`'s RevisionId, when an answer told it (CreateFunction with Publish answers the version's). */
  revision: string | undefined;
  /** Every RevisionId this function's answers carried: none may come back for a later change. */
  readonly seenRevisions: Set<string>;
  versions: ModelVersion[];
  nextVersion: number;
  readonly tags: Map<string, string>;
  reserved: number | undefined;
}

/** The reference model's whole state. */
export class Model {
  readonly functions = new Map<string, ModelFunction>();
  regionQueue: string[] = [];
  accountQueue: string[] = [];
  /** Every version number each function has ever published: never reused. */
  readonly published = new Map<string, Set<string>>();
  commands = 0;

  constructor(readonly settle: Settle) {}

  /** In `instant` mode every transition completes before the next command is handled. */
  beforeCommand(): void {
    this.commands++;
    if (this.settle === 'instant') this.settleAll();
  }

  settleAll(): void {
    for (const fn of this.functions.values()) settleModel(fn);
  }
}

/**
 * Completes a function's transitions. AWS gives `$LATEST` a new RevisionId when an update completes
 * (known-deviations.spec.ts), so the model forgets the revision it knew.
 */
const settleModel = (fn: ModelFunction): void => {
  if (fn.updating) fn.revision = undefined;
  fn.pending = false;
  fn.updating = false;
  for (const v of fn.versions) v.pending = false;
};

const fingerprintOf = (fn: { sha: string; memory: number; env: string | undefined }): string => `${fn.sha}|${fn.memory}|${fn.env ?? '-'}`;

/** What the system under test is: the mock and the client commands go through. */
export interface Real {
  readonly lambda: LambdaMock;
  readonly client: LambdaClient;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: Error & { $metadata?: { httpStatusCode?: number } } };

async function attempt<T>(promise: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}

/** The error the model expects, or `undefined` for success. */
type Expected = { name: string; message?: string } | undefined;

function expectOutcome<T>(outcome: Outcome<T>, expected: Expected, what: string): T | undefined {
  if (expected === undefined) {
    if (!outcome.ok) throw new Error(`${what}: the model expected success, lambda-mock answered ${outcome.error.name}: ${outcome.error.message}`);
    return outcome.value;
  }
  if (outcome.ok) throw new Error(`${what}: the model expected ${expected.name}, lambda-mock answered success`);
  expect({ name: outcome.error.name, ...(expected.message !== undefined ? { message: outcome.error.message } : {}) }).toEqual(expected);
  return undefined;
}

const notFound = (name: string, qualifier?: string): Expected => ({
  name: 'ResourceNotFoundException',
  message: `Function not found: ${arnOf(name, qualifier)}`,
});
const PENDING_CONFLICT = 'The operation cannot be performed at this time. The function is currently in the following state: Pending';
const STALE_REVISION =
  'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id';

/** The service's 409 for a change made while `$LATEST` is still being created or updated. */
function transitionConflict(fn: ModelFunction, name: string): Expected {
  if (fn.pending) return { name: 'ResourceConflictException', message: PENDING_CONFLICT };
  if (fn.updating) {
    return {
      name: 'ResourceConflictException',
      message: `The operation cannot be performed at this time. An update is in progress for resource: ${arnOf(name)}`,
    };
  }
  return undefined;
}

/** Which RevisionId a change sends: none, the current one, or an older one of the same function. */
export type RevisionChoice = 'none' | 'current' | 'stale';

function revisionFor(fn: ModelFunction | undefined, choice: RevisionChoice): string | undefined {
  if (!fn || choice === 'none') return undefined;
  if (choice === 'current') return fn.revision;
  return [...fn.seenRevisions].find((r) => r !== fn.revision);
}

/** A RevisionId that is not `$LATEST`'s: refused with 412. `fn.revision` unknown means none seen is current. */
const isStale = (fn: ModelFunction, given: string | undefined): boolean => given !== undefined && given !== fn.revision;

/** Records a RevisionId an answer carried: a change must never hand out one already seen. */
function sawRevision(fn: ModelFunction, revision: string | undefined, isNew: boolean): void {
  expect(typeof revision).toBe('string');
  if (isNew) expect(fn.seenRevisions.has(revision!)).toBe(false);
  fn.seenRevisions.add(revision!);
}

/** Publishes `$LATEST` as the service does: a new number, or the last version when nothing changed since. */
function publishModel(model: Model, name: string, fn: ModelFunction): ModelVersion {
  const last = fn.versions[fn.versions.length - 1];
  const fingerprint = fingerprintOf(fn);
  if (last && last.fingerprint === fingerprint) return last;
  const number = String(fn.nextVersion++);
  const published = model.published.get(name) ?? new Set<string>();
  // A number is never handed out twice, even after the version (or the whole function) is deleted… within one function's life.
  expect(published.has(number)).toBe(false);
  published.add(number);
  model.published.set(name, published);
  const version: ModelVersion = { number, fingerprint, sha: fn.sha, memory: fn.memory, pending: true };
  fn.versions.push(version);
  return version;
}

/** `expect(actual).toEqual(expected)`, with a cheap comparison first: this runs after every command. */
function expectEqual(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}

/** Checks a configuration answer against what the model says it holds. */
function expectConfiguration(c: FunctionConfiguration | undefined, expected: Partial<FunctionConfiguration>): void {
  expect(c).toBeDefined();
  const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, c![k as keyof FunctionConfiguration]]));
  expectEqual(picked, expected);
}

const latestView = (model: Model, fn: ModelFunction): Partial<FunctionConfiguration> => ({
  Version: '$LATEST',
  CodeSha256: fn.sha,
  MemorySize: fn.memory,
  Description: fn.description,
  State: fn.pending ? 'Pending' : 'Active',
  ...(model.settle === 'on-read' || fn.updating ? { LastUpdateStatus: fn.updating ? 'InProgress' : 'Successful' } : {}),
});

const versionView = (v: ModelVersion): Partial<FunctionConfiguration> => ({
  Version: v.number,
  CodeSha256: v.sha,
  MemorySize: v.memory,
  State: v.pending ? 'Pending' : 'Active',
});

/**
 * Compares everything lambda-mock stores with the model: the functions (by name), `$LATEST`, every
 * version, tags, reserved concurrency, and the invoke-results queues. Also: no version number twice.
 */
export function expectSameState(model: Model, lambda: LambdaMock): void {
  const region = lambda.state.region(REGION);
  expectEqual([...region.functions.keys()].sort(), [...model.functions.keys()].sort());
  for (const [name, fn] of model.functions) {
    const stored = region.functions.get(name)!;
    const latest = stored.latest.configuration;
    expectEqual({
      sha: latest.CodeSha256,
      memory: latest.MemorySize,
      description: latest.Description,
      env: latest.Environment?.Variables?.MODEL,
      state: latest.State,
      updating: latest.LastUpdateStatus === 'InProgress',
      versions: stored.versions.map((v) => ({ n: v.configuration.Version, sha: v.configuration.CodeSha256, state: v.configuration.State })),
      nextVersion: stored.nextVersion,
      tags: Object.entries(stored.tags).sort(),
      reserved: stored.reservedConcurrency,
    }, {
      sha: fn.sha,
      memory: fn.memory,
      description: fn.description,
      env: fn.env,
      state: fn.pending ? 'Pending' : 'Active',
      updating: fn.updating,
      versions: fn.versions.map((v) => ({ n: v.number, sha: v.sha, state: v.pending ? 'Pending' : 'Active' })),
      nextVersion: fn.nextVersion,
      tags: [...fn.tags.entries()].sort(),
      reserved: fn.reserved,
    });
    if (fn.revision !== undefined) expect(latest.RevisionId).toBe(fn.revision);
    const numbers = stored.versions.map((v) => Number(v.configuration.Version));
    // No number twice, in order.
    expectEqual(numbers, [...new Set(numbers)].sort((a, b) => a - b));
  }
  expectEqual(region.invokeResults.toArray().map((r) => r.payload), model.regionQueue);
  expectEqual(lambda.state.accountInvokeResults().toArray().map((r) => r.payload), model.accountQueue);
  // Nothing attacked an object on the way.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

type ModelCommand = fc.AsyncCommand<Model, Real>;

/** A command of the model: `apply` runs it on both sides and compares the answers; then the whole state is compared. */
abstract class Base implements ModelCommand {
  check(): boolean {
    return true;
  }
  async run(model: Model, real: Real): Promise<void> {
    await this.apply(model, real);
    expectSameState(model, real.lambda);
  }
  abstract apply(model: Model, real: Real): Promise<void>;
  abstract toString(): string;
}

const q = (s: string | undefined) => (s === undefined ? '-' : JSON.stringify(s));

class CreateFunction extends Base {
  constructor(readonly name: string, readonly zip: number, readonly memory: number, readonly publish: boolean) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const out = await attempt(
      client.send(new CreateFunctionCommand(createInput(this.name, { Code: { ZipFile: ZIPS[this.zip] }, MemorySize: this.memory, Publish: this.publish }))),
    );
    if (model.functions.has(this.name)) {
      expectOutcome(out, { name: 'ResourceConflictException', message: `Function already exist: ${this.name}` }, String(this));
      return;
    }
    const answer = expectOutcome(out, undefined, String(this))!;
    const fn: ModelFunction = {
      sha: SHAS[this.zip]!, memory: this.memory, description: '', env: undefined, pending: true, updating: false,
      revision: undefined, seenRevisions: new Set(), versions: [], nextVersion: 1, tags: new Map(), reserved: undefined,
    };
    // A deleted function's name starts again from version 1.
    model.published.delete(this.name);
    model.functions.set(this.name, fn);
    if (this.publish) publishModel(model, this.name, fn);
    else fn.revision = answer.RevisionId;
    sawRevision(fn, answer.RevisionId, true);
    expectConfiguration(answer, { Version: this.publish ? '1' : '$LATEST', CodeSha256: fn.sha, MemorySize: this.memory, State: 'Pending' });
  }
  toString() {
    return `CreateFunction(${q(this.name)}, zip ${this.zip}, ${this.memory} MB${this.publish ? ', Publish' : ''})`;
  }
}

class UpdateCode extends Base {
  constructor(readonly name: string, readonly zip: number, readonly publish: boolean, readonly revision: RevisionChoice) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const RevisionId = revisionFor(fn, this.revision);
    const out = await attempt(client.send(new UpdateFunctionCodeCommand({ FunctionName: this.name, ZipFile: ZIPS[this.zip], Publish: this.publish, RevisionId })));
    if (!fn) return void expectOutcome(out, notFound(this.name), String(this));
    if (isStale(fn, RevisionId)) return void expectOutcome(out, { name: 'PreconditionFailedException', message: STALE_REVISION }, String(this));
    const conflict = transitionConflict(fn, this.name);
    if (conflict) return void expectOutcome(out, conflict, String(this));
    const answer = expectOutcome(out, undefined, String(this))!;
    fn.sha = SHAS[this.zip]!;
    fn.updating = true;
    if (this.publish) {
      const version = publishModel(model, this.name, fn);
      fn.revision = undefined; // the answer is the version's, not $LATEST's
      sawRevision(fn, answer.RevisionId, false);
      expectConfiguration(answer, { Version: version.number, CodeSha256: version.sha });
    } else {
      fn.revision = answer.RevisionId;
      sawRevision(fn, answer.RevisionId, true);
      expectConfiguration(answer, { Version: '$LATEST', CodeSha256: fn.sha, LastUpdateStatus: 'InProgress' });
    }
  }
  toString() {
    return `UpdateFunctionCode(${q(this.name)}, zip ${this.zip}${this.publish ? ', Publish' : ''}, revision ${this.revision})`;
  }
}

class UpdateConfiguration extends Base {
  constructor(readonly name: string, readonly memory: number | undefined, readonly description: string | undefined, readonly env: string | undefined, readonly revision: RevisionChoice) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const RevisionId = revisionFor(fn, this.revision);
    const out = await attempt(
      client.send(
        new UpdateFunctionConfigurationCommand({
          FunctionName: this.name,
          MemorySize: this.memory,
          Description: this.description,
          ...(this.env !== undefined ? { Environment: { Variables: { MODEL: this.env } } } : {}),
          RevisionId,
        }),
      ),
    );
    if (!fn) return void expectOutcome(out, notFound(this.name), String(this));
    if (isStale(fn, RevisionId)) return void expectOutcome(out, { name: 'PreconditionFailedException', message: STALE_REVISION }, String(this));
    const conflict = transitionConflict(fn, this.name);
    if (conflict) return void expectOutcome(out, conflict, String(this));
    const answer = expectOutcome(out, undefined, String(this))!;
    const next = { memory: this.memory ?? fn.memory, description: this.description ?? fn.description, env: this.env ?? fn.env };
    const unchanged = next.memory === fn.memory && next.description === fn.description && next.env === fn.env;
    if (unchanged) {
      // Nothing changed: no new RevisionId, no update in progress.
      if (fn.revision !== undefined) expect(answer.RevisionId).toBe(fn.revision);
      fn.revision = answer.RevisionId;
      sawRevision(fn, answer.RevisionId, false);
    } else {
      Object.assign(fn, next, { updating: true, revision: answer.RevisionId });
      sawRevision(fn, answer.RevisionId, true);
    }
    expectConfiguration(answer, latestView(model, fn));
  }
  toString() {
    return `UpdateFunctionConfiguration(${q(this.name)}, memory ${this.memory ?? '-'}, description ${q(this.description)}, env ${q(this.env)}, revision ${this.revision})`;
  }
}

class PublishVersion extends Base {
  constructor(readonly name: string, readonly revision: RevisionChoice, readonly wrongSha: boolean) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const RevisionId = revisionFor(fn, this.revision);
    const CodeSha256 = this.wrongSha ? 'not-the-sha' : undefined;
    const out = await attempt(client.send(new PublishVersionCommand({ FunctionName: this.name, RevisionId, CodeSha256 })));
    if (!fn) return void expectOutcome(out, notFound(this.name), String(this));
    if (isStale(fn, RevisionId)) return void expectOutcome(out, { name: 'PreconditionFailedException', message: STALE_REVISION }, String(this));
    if (this.wrongSha) {
      return void expectOutcome(out, {
        name: 'InvalidParameterValueException',
        message: `CodeSHA256 (not-the-sha) is different from current CodeSHA256 in $LATEST (${fn.sha}). Please try again`,
      }, String(this));
    }
    const conflict = transitionConflict(fn, this.name);
    if (conflict) return void expectOutcome(out, conflict, String(this));
    const answer = expectOutcome(out, undefined, String(this))!;
    const version = publishModel(model, this.name, fn);
    sawRevision(fn, answer.RevisionId, false);
    expectConfiguration(answer, versionView(version));
  }
  toString() {
    return `PublishVersion(${q(this.name)}, revision ${this.revision}${this.wrongSha ? ', wrong CodeSha256' : ''})`;
  }
}

class DeleteFunction extends Base {
  /** `qualifier`: a version number, `$LATEST`, or none (the whole function). */
  constructor(readonly name: string, readonly qualifier: string | undefined) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const out = await attempt(client.send(new DeleteFunctionCommand({ FunctionName: this.name, Qualifier: this.qualifier })));
    if (!fn) return void expectOutcome(out, notFound(this.name, this.qualifier), String(this));
    if (this.qualifier === undefined) {
      expectOutcome(out, undefined, String(this));
      model.functions.delete(this.name);
      return;
    }
    if (this.qualifier === '$LATEST') {
      return void expectOutcome(out, { name: 'InvalidParameterValueException', message: '$LATEST version cannot be deleted without deleting the function.' }, String(this));
    }
    const index = fn.versions.findIndex((v) => v.number === this.qualifier);
    if (index < 0) return void expectOutcome(out, notFound(this.name, this.qualifier), String(this));
    expectOutcome(out, undefined, String(this));
    fn.versions.splice(index, 1);
  }
  toString() {
    return `DeleteFunction(${q(this.name)}${this.qualifier === undefined ? '' : `, Qualifier ${q(this.qualifier)}`})`;
  }
}

class Invoke extends Base {
  constructor(readonly name: string, readonly qualifier: string | undefined, readonly event: boolean, readonly payload: string) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const out = await attempt(
      client.send(new InvokeCommand({ FunctionName: this.name, Qualifier: this.qualifier, InvocationType: this.event ? 'Event' : 'RequestResponse', Payload: this.payload })),
    );
    if (!fn) return void expectOutcome(out, notFound(this.name, this.qualifier), String(this));
    const target = this.qualifier === undefined || this.qualifier === '$LATEST' ? 'latest' : fn.versions.find((v) => v.number === this.qualifier);
    if (!target) return void expectOutcome(out, notFound(this.name, this.qualifier), String(this));
    // A version still being created cannot run; an update in progress does not stop invokes.
    const pending = target === 'latest' ? fn.pending : target.pending;
    if (pending) return void expectOutcome(out, { name: 'ResourceConflictException', message: PENDING_CONFLICT }, String(this));
    if (fn.reserved === 0 && !this.event) {
      return void expectOutcome(out, { name: 'TooManyRequestsException', message: 'Rate Exceeded.' }, String(this));
    }
    const answer = expectOutcome(out, undefined, String(this))!;
    expect(answer.StatusCode).toBe(this.event ? 202 : 200);
    if (this.event) return void expect(answer.Payload).toBeNull();
    const queued = model.regionQueue.shift() ?? model.accountQueue.shift();
    expect(answer.Payload?.transformToString()).toBe(queued ?? this.payload);
    expect(answer.ExecutedVersion).toBe(target === 'latest' ? '$LATEST' : target.number);
  }
  toString() {
    return `Invoke(${q(this.name)}${this.qualifier === undefined ? '' : `:${this.qualifier}`}, ${this.event ? 'Event' : 'RequestResponse'}, ${this.payload})`;
  }
}

/** `lambda.setInvokeResults`: a control, not a command; it replaces one queue. */
class QueueResults extends Base {
  constructor(readonly payloads: string[], readonly accountWide: boolean) {
    super();
  }
  async apply(model: Model, { lambda }: Real) {
    lambda.setInvokeResults(this.payloads, this.accountWide ? {} : { region: REGION });
    if (this.accountWide) model.accountQueue = [...this.payloads];
    else model.regionQueue = [...this.payloads];
  }
  toString() {
    return `setInvokeResults(${JSON.stringify(this.payloads)}${this.accountWide ? '' : ', { region }'})`;
  }
}

/** `lambda.settle()`: completes every transition now. */
class SettleNow extends Base {
  async apply(model: Model, { lambda }: Real) {
    lambda.settle();
    model.settleAll();
  }
  toString() {
    return 'settle()';
  }
}

class Tag extends Base {
  constructor(readonly name: string, readonly tags: [string, string][]) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    // Built with defineProperty: a literal `{ __proto__: v }` would set the prototype instead of a key.
    const Tags = {} as Record<string, string>;
    for (const [k, v] of this.tags) Object.defineProperty(Tags, k, { value: v, enumerable: true, writable: true, configurable: true });
    const out = await attempt(client.send(new TagResourceCommand({ Resource: arnOf(this.name), Tags })));
    if (!fn) return void expectOutcome(out, notFound(this.name), String(this));
    expectOutcome(out, undefined, String(this));
    for (const [k, v] of this.tags) fn.tags.set(k, v);
  }
  toString() {
    return `TagResource(${q(this.name)}, ${JSON.stringify(this.tags)})`;
  }
}

class Untag extends Base {
  constructor(readonly name: string, readonly keys: string[]) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const out = await attempt(client.send(new UntagResourceCommand({ Resource: arnOf(this.name), TagKeys: this.keys })));
    if (!fn) return void expectOutcome(out, notFound(this.name), String(this));
    expectOutcome(out, undefined, String(this));
    for (const k of this.keys) fn.tags.delete(k);
  }
  toString() {
    return `UntagResource(${q(this.name)}, ${JSON.stringify(this.keys)})`;
  }
}

class ListTags extends Base {
  constructor(readonly name: string) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const out = await attempt(client.send(new ListTagsCommand({ Resource: arnOf(this.name) })));
    if (!fn) return void expectOutcome(out, notFound(this.name), String(this));
    const answer = expectOutcome(out, undefined, String(this))!;
    expect(Object.entries(answer.Tags ?? {}).sort()).toEqual([...fn.tags.entries()].sort());
  }
  toString() {
    return `ListTags(${q(this.name)})`;
  }
}

class PutConcurrency extends Base {
  constructor(readonly name: string, readonly reserved: number) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const out = await attempt(client.send(new PutFunctionConcurrencyCommand({ FunctionName: this.name, ReservedConcurrentExecutions: this.reserved })));
    if (!fn) return void expectOutcome(out, notFound(this.name), String(this));
    const answer = expectOutcome(out, undefined, String(this))!;
    expect(answer.ReservedConcurrentExecutions).toBe(this.reserved);
    fn.reserved = this.reserved;
  }
  toString() {
    return `PutFunctionConcurrency(${q(this.name)}, ${this.reserved})`;
  }
}

class DeleteConcurrency extends Base {
  constructor(readonly name: string) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const out = await attempt(client.send(new DeleteFunctionConcurrencyCommand({ FunctionName: this.name })));
    if (!fn) return void expectOutcome(out, notFound(this.name), String(this));
    expectOutcome(out, undefined, String(this));
    fn.reserved = undefined;
  }
  toString() {
    return `DeleteFunctionConcurrency(${q(this.name)})`;
  }
}

class GetConcurrency extends Base {
  constructor(readonly name: string) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const out = await attempt(client.send(new GetFunctionConcurrencyCommand({ FunctionName: this.name })));
    if (!fn) return void expectOutcome(out, notFound(this.name), String(this));
    expect(expectOutcome(out, undefined, String(this))!.ReservedConcurrentExecutions).toBe(fn.reserved);
  }
  toString() {
    return `GetFunctionConcurrency(${q(this.name)})`;
  }
}

/** GetFunction: a read, which in `on-read` mode completes the function's transitions (as a waiter's poll). */
class GetFunction extends Base {
  constructor(readonly name: string, readonly qualifier: string | undefined) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const out = await attempt(client.send(new GetFunctionCommand({ FunctionName: this.name, Qualifier: this.qualifier })));
    if (!fn) return void expectOutcome(out, notFound(this.name, this.qualifier), String(this));
    const version = this.qualifier === undefined || this.qualifier === '$LATEST' ? undefined : fn.versions.find((v) => v.number === this.qualifier);
    if (this.qualifier !== undefined && this.qualifier !== '$LATEST' && !version) {
      return void expectOutcome(out, notFound(this.name, this.qualifier), String(this));
    }
    const answer = expectOutcome(out, undefined, String(this))!;
    if (model.settle === 'on-read') settleModel(fn);
    expectConfiguration(answer.Configuration, version ? versionView(version) : latestView(model, fn));
    expect(Object.entries(answer.Tags ?? {}).sort()).toEqual([...fn.tags.entries()].sort());
    expect(answer.Concurrency?.ReservedConcurrentExecutions).toBe(fn.reserved);
    if (!version && fn.revision !== undefined) expect(answer.Configuration?.RevisionId).toBe(fn.revision);
    if (!version) fn.revision = answer.Configuration?.RevisionId;
  }
  toString() {
    return `GetFunction(${q(this.name)}${this.qualifier === undefined ? '' : `, Qualifier ${q(this.qualifier)}`})`;
  }
}

class ListVersions extends Base {
  constructor(readonly name: string) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const out = await attempt(client.send(new ListVersionsByFunctionCommand({ FunctionName: this.name })));
    if (!fn) return void expectOutcome(out, notFound(this.name), String(this));
    const answer = expectOutcome(out, undefined, String(this))!;
    expect(answer.Versions?.map((v) => v.Version)).toEqual(['$LATEST', ...fn.versions.map((v) => v.number)]);
  }
  toString() {
    return `ListVersionsByFunction(${q(this.name)})`;
  }
}

/** ListFunctions: every function's `$LATEST` by name; in `on-read` mode it completes every listed transition. */
class ListFunctions extends Base {
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const answer = expectOutcome(await attempt(client.send(new ListFunctionsCommand({}))), undefined, String(this))!;
    expect(answer.Functions?.map((f) => f.FunctionName)).toEqual([...model.functions.keys()].sort());
    if (model.settle === 'on-read') model.settleAll();
  }
  toString() {
    return 'ListFunctions()';
  }
}

/** Every command of the model, with arguments drawn from small pools so that sequences keep colliding. */
export function modelCommands(): fc.Arbitrary<ModelCommand>[] {
  const name = fc.constantFrom(...NAMES);
  const zip = fc.integer({ min: 0, max: ZIPS.length - 1 });
  const memory = fc.constantFrom(128, 256);
  const revision = fc.constantFrom<RevisionChoice>('none', 'current', 'stale');
  const qualifier = fc.option(fc.constantFrom('$LATEST', '1', '2', '3', '7'), { nil: undefined });
  const payload = fc.constantFrom('{}', '{"n":1}', '[1,2]', '"text"');
  const tagKey = fc.constantFrom(...TAG_KEYS);
  // Repeated entries weigh more: changes and publishes, on functions that exist, find the interesting cases.
  const create = fc.tuple(name, zip, memory, fc.boolean()).map(([n, z, m, p]) => new CreateFunction(n, z, m, p));
  const publish = fc.tuple(name, revision, fc.boolean()).map(([n, r, w]) => new PublishVersion(n, r, w));
  return [
    create,
    create,
    publish,
    fc.tuple(name, zip, fc.boolean(), revision).map(([n, z, p, r]) => new UpdateCode(n, z, p, r)),
    fc
      .tuple(name, fc.option(memory, { nil: undefined }), fc.option(fc.constantFrom('', 'first', 'second'), { nil: undefined }), fc.option(fc.constantFrom('x', 'y'), { nil: undefined }), revision)
      .map(([n, m, d, e, r]) => new UpdateConfiguration(n, m, d, e, r)),
    publish,
    fc.tuple(name, fc.option(fc.constantFrom('$LATEST', '1', '2', '9'), { nil: undefined })).map(([n, v]) => new DeleteFunction(n, v)),
    fc.tuple(name, qualifier, fc.boolean(), payload).map(([n, v, e, p]) => new Invoke(n, v, e, p)),
    fc.tuple(fc.array(fc.constantFrom('"q1"', '"q2"', '{"q":3}'), { maxLength: 3 }), fc.boolean()).map(([p, a]) => new QueueResults(p, a)),
    fc.constant(new SettleNow()),
    fc.tuple(name, fc.array(fc.tuple(tagKey, fc.constantFrom('a', 'b', '')), { minLength: 1, maxLength: 3 })).map(([n, t]) => new Tag(n, t)),
    fc.tuple(name, fc.array(tagKey, { minLength: 1, maxLength: 2 })).map(([n, k]) => new Untag(n, k)),
    name.map((n) => new ListTags(n)),
    fc.tuple(name, fc.constantFrom(0, 1, 5)).map(([n, r]) => new PutConcurrency(n, r)),
    name.map((n) => new DeleteConcurrency(n)),
    name.map((n) => new GetConcurrency(n)),
    fc.tuple(name, qualifier).map(([n, v]) => new GetFunction(n, v)),
    name.map((n) => new ListVersions(n)),
    fc.constant(new ListFunctions()),
  ];
}
