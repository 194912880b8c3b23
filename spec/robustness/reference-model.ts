import type { FunctionConfiguration, LambdaClient } from '@aws-sdk/client-lambda';
import fc from 'fast-check';
import type { LambdaMock } from '../../lib';
import { arnOf, createInput, REGION, sha256Base64, zipOf } from '../helpers/fixtures';

/**
 * A small reference Lambda, written from the service's documented behaviour, that the model-based
 * spec runs side by side with lambda-mock: every answer (success or error class) and the stored
 * state after every command must agree. It knows functions, `$LATEST` and published versions,
 * RevisionIds, Pending/InProgress transitions (`settle: 'on-read'`), tags, reserved concurrency,
 * aliases, resource-based policies (AddPermission) and the invoke-results queues. The commands are
 * in `model-commands/`, one file per resource.
 */

export type Settle = 'instant' | 'on-read';

/** Three deployment packages: functions move between them. */
export const ZIPS = [zipOf('exports.handler = async () => 0;'), zipOf('exports.handler = async () => 1;'), zipOf('exports.handler = async () => 2;')];
export const SHAS = ZIPS.map(sha256Base64);

/** Few names, so that sequences keep meeting the same functions; two of them attack objects. */
export const NAMES = ['alpha', 'constructor', '__proto__'] as const;
/** Tag keys, with the names that attack objects among them. */
export const TAG_KEYS = ['team', '__proto__', 'constructor', 'hasOwnProperty', 'prototype'] as const;

export interface ModelVersion {
  readonly number: string;
  readonly fingerprint: string;
  readonly sha: string;
  readonly memory: number;
  pending: boolean;
}

/** Something with a RevisionId the model tracks: `$LATEST`, or an alias. */
export interface Revisioned {
  /** The current RevisionId, when an answer told it (`undefined`: changed since, to one no answer carried yet). */
  revision: string | undefined;
  /** Every RevisionId its answers carried: none may come back for a later change. */
  readonly seenRevisions: Set<string>;
}

/** An alias: the version it runs (no weighted routing in the model) and its own RevisionId. */
export interface ModelAlias extends Revisioned {
  version: string;
}

/** A statement of a resource-based policy, as AddPermission is asked for it. */
export interface ModelStatement {
  readonly sid: string;
  readonly principal: string;
}

export interface ModelFunction extends Revisioned {
  sha: string;
  memory: number;
  description: string;
  /** The value of the one environment variable the model sets (`undefined`: no environment). */
  env: string | undefined;
  pending: boolean;
  updating: boolean;
  versions: ModelVersion[];
  nextVersion: number;
  readonly tags: Map<string, string>;
  reserved: number | undefined;
  /** By name. */
  readonly aliases: Map<string, ModelAlias>;
  /** Resource-based policies by what they are attached to: `$LATEST` (the unqualified function), a version or an alias. */
  readonly policies: Map<string, ModelStatement[]>;
}

/** A function as CreateFunction makes it. */
export const newModelFunction = (sha: string, memory: number): ModelFunction => ({
  sha, memory, description: '', env: undefined, pending: true, updating: false,
  revision: undefined, seenRevisions: new Set(), versions: [], nextVersion: 1, tags: new Map(), reserved: undefined,
  aliases: new Map(), policies: new Map(),
});

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
export const settleModel = (fn: ModelFunction): void => {
  if (fn.updating) fn.revision = undefined;
  fn.pending = false;
  fn.updating = false;
  for (const v of fn.versions) v.pending = false;
};

export const fingerprintOf = (fn: { sha: string; memory: number; env: string | undefined }): string => `${fn.sha}|${fn.memory}|${fn.env ?? '-'}`;

/** What the system under test is: the mock and the client commands go through. */
export interface Real {
  readonly lambda: LambdaMock;
  readonly client: LambdaClient;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Error & { $metadata?: { httpStatusCode?: number } } };

export async function attempt<T>(promise: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}

/** The error the model expects, or `undefined` for success. */
export type Expected = { name: string; message?: string } | undefined;

/** How many answers each command got, by `<command> <success|error name>`: the figures show which paths sequences reach. */
export const answersSeen = new Map<string, number>();

export function expectOutcome<T>(outcome: Outcome<T>, expected: Expected, what: string): T | undefined {
  const key = `${what.replace(/\(.*/, '')} ${expected?.name ?? 'success'}`;
  answersSeen.set(key, (answersSeen.get(key) ?? 0) + 1);
  if (expected === undefined) {
    if (!outcome.ok) throw new Error(`${what}: the model expected success, lambda-mock answered ${outcome.error.name}: ${outcome.error.message}`);
    return outcome.value;
  }
  if (outcome.ok) throw new Error(`${what}: the model expected ${expected.name}, lambda-mock answered success`);
  expectEqual({ name: outcome.error.name, ...(expected.message !== undefined ? { message: outcome.error.message } : {}) }, expected);
  return undefined;
}

export const notFound = (name: string, qualifier?: string): Expected => ({
  name: 'ResourceNotFoundException',
  message: `Function not found: ${arnOf(name, qualifier)}`,
});
export const PENDING_CONFLICT = 'The operation cannot be performed at this time. The function is currently in the following state: Pending';
export const STALE_REVISION =
  'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id';

/** The service's 409 for a change made while `$LATEST` is still being created or updated. */
export function transitionConflict(fn: ModelFunction, name: string): Expected {
  if (fn.pending) return { name: 'ResourceConflictException', message: PENDING_CONFLICT };
  if (fn.updating) {
    return {
      name: 'ResourceConflictException',
      message: `The operation cannot be performed at this time. An update is in progress for resource: ${arnOf(name)}`,
    };
  }
  return undefined;
}

/** Which RevisionId a change sends: none, the current one, or an older one of the same function or alias. */
export type RevisionChoice = 'none' | 'current' | 'stale';

export function revisionFor(target: Revisioned | undefined, choice: RevisionChoice): string | undefined {
  if (!target || choice === 'none') return undefined;
  if (choice === 'current') return target.revision;
  return [...target.seenRevisions].find((r) => r !== target.revision);
}

/** A RevisionId that is not the current one: refused with 412. `revision` unknown means none seen is current. */
export const isStale = (target: Revisioned, given: string | undefined): boolean => given !== undefined && given !== target.revision;

/** Records a RevisionId an answer carried: a change must never hand out one already seen. */
export function sawRevision(target: Revisioned, revision: string | undefined, isNew: boolean): void {
  expectEqual(typeof revision, 'string');
  if (isNew) expectEqual(target.seenRevisions.has(revision!), false);
  target.seenRevisions.add(revision!);
}

/** Learns a RevisionId a read answered: the one the model knows, if it knows one. */
export function readRevision(target: Revisioned, revision: string | undefined): void {
  if (target.revision !== undefined) expectEqual(revision, target.revision);
  target.revision = revision;
  sawRevision(target, revision, false);
}

/** What a qualifier runs: `$LATEST`, a published version, an alias's version, or nothing (404). */
export function resolveModel(fn: ModelFunction, qualifier: string | undefined): 'latest' | ModelVersion | undefined {
  const version = qualifier === undefined ? '$LATEST' : (fn.aliases.get(qualifier)?.version ?? qualifier);
  return version === '$LATEST' ? 'latest' : fn.versions.find((v) => v.number === version);
}

/** Publishes `$LATEST` as the service does: a new number, or the last version when nothing changed since. */
export function publishModel(model: Model, name: string, fn: ModelFunction): ModelVersion {
  const last = fn.versions[fn.versions.length - 1];
  const fingerprint = fingerprintOf(fn);
  if (last && last.fingerprint === fingerprint) return last;
  const number = String(fn.nextVersion++);
  const published = model.published.get(name) ?? new Set<string>();
  // A number is never handed out twice, even after the version (or the whole function) is deleted… within one function's life.
  expectEqual(published.has(number), false);
  published.add(number);
  model.published.set(name, published);
  const version: ModelVersion = { number, fingerprint, sha: fn.sha, memory: fn.memory, pending: true };
  fn.versions.push(version);
  return version;
}

/** `expect(actual).toEqual(expected)`, with a cheap comparison first: this runs after every command. */
export function expectEqual(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}

/** Checks a configuration answer against what the model says it holds. */
export function expectConfiguration(c: FunctionConfiguration | undefined, expected: Partial<FunctionConfiguration>): void {
  if (c === undefined) expect(c).toBeDefined();
  const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, c![k as keyof FunctionConfiguration]]));
  expectEqual(picked, expected);
}

export const latestView = (model: Model, fn: ModelFunction): Partial<FunctionConfiguration> => ({
  Version: '$LATEST',
  CodeSha256: fn.sha,
  MemorySize: fn.memory,
  Description: fn.description,
  State: fn.pending ? 'Pending' : 'Active',
  ...(model.settle === 'on-read' || fn.updating ? { LastUpdateStatus: fn.updating ? 'InProgress' : 'Successful' } : {}),
});

export const versionView = (v: ModelVersion): Partial<FunctionConfiguration> => ({
  Version: v.number,
  CodeSha256: v.sha,
  MemorySize: v.memory,
  State: v.pending ? 'Pending' : 'Active',
});

/** The statement AddPermission writes, as the service documents it: the principal expanded, the resource the function, version or alias. */
export const statementOf = (name: string, key: string, { sid, principal }: ModelStatement) => ({
  Sid: sid,
  Effect: 'Allow',
  Principal: /^\d{12}$/.test(principal) ? { AWS: `arn:aws:iam::${principal}:root` } : { Service: principal },
  Action: 'lambda:InvokeFunction',
  Resource: arnOf(name, key === '$LATEST' ? undefined : key),
});

/** A resource-based policy document as GetPolicy answers it. */
export const policyDocument = (name: string, key: string, statements: readonly ModelStatement[]) => ({
  Version: '2012-10-17',
  Id: 'default',
  Statement: statements.map((st) => statementOf(name, key, st)),
});

/**
 * Compares everything lambda-mock stores with the model: the functions (by name), `$LATEST`, every
 * version, tags, reserved concurrency, aliases, resource-based policies, and the invoke-results queues. Also: no version number twice.
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
      aliases: Object.values(stored.aliases ?? {}).map((a) => [a.Name, a.FunctionVersion, a.AliasArn]).sort(),
      policies: Object.entries(stored.policies ?? {}).sort(),
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
      aliases: [...fn.aliases].map(([alias, a]) => [alias, a.version, arnOf(name, alias)]).sort(),
      policies: [...fn.policies].map(([key, statements]) => [key, policyDocument(name, key, statements)]).sort(),
    });
    if (fn.revision !== undefined) expectEqual(latest.RevisionId, fn.revision);
    for (const [alias, a] of fn.aliases) if (a.revision !== undefined) expectEqual(stored.aliases?.[alias]?.RevisionId, a.revision);
    const numbers = stored.versions.map((v) => Number(v.configuration.Version));
    // No number twice, in order.
    expectEqual(numbers, [...new Set(numbers)].sort((a, b) => a - b));
  }
  expectEqual(region.invokeResults.toArray().map((r) => r.payload), model.regionQueue);
  expectEqual(lambda.state.accountInvokeResults().toArray().map((r) => r.payload), model.accountQueue);
  // Nothing attacked an object on the way.
  expectEqual(({} as Record<string, unknown>).polluted, undefined);
}

export type ModelCommand = fc.AsyncCommand<Model, Real>;

/** A command of the model: `apply` runs it on both sides and compares the answers; then the whole state is compared. */
export abstract class Base implements ModelCommand {
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

export const q = (s: string | undefined) => (s === undefined ? '-' : JSON.stringify(s));
