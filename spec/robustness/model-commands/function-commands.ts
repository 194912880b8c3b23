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
} from '@aws-sdk/client-lambda';
import { arnOf, createInput, REGION } from '../../helpers/fixtures';
import {
  attempt,
  Base,
  expectConfiguration,
  expectEqual,
  expectOutcome,
  isStale,
  latestView,
  newModelFunction,
  notFound,
  PENDING_CONFLICT,
  publishModel,
  q,
  resolveModel,
  revisionFor,
  sawRevision,
  settleModel,
  SHAS,
  STALE_REVISION,
  transitionConflict,
  versionView,
  ZIPS,
  type Model,
  type Real,
  type RevisionChoice,
} from '../reference-model';

// The reference model's commands on functions, versions, invokes, tags and concurrency.

export class CreateFunction extends Base {
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
    const fn = newModelFunction(SHAS[this.zip]!, this.memory);
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

export class UpdateCode extends Base {
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

export class UpdateConfiguration extends Base {
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
      if (fn.revision !== undefined) expectEqual(answer.RevisionId, fn.revision);
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

export class PublishVersion extends Base {
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

export class DeleteFunction extends Base {
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
    const users = [...fn.aliases].filter(([, a]) => a.version === this.qualifier).map(([alias]) => alias).sort();
    if (users.length > 0) {
      return void expectOutcome(out, { name: 'ResourceConflictException', message: `Unable to delete version because the following aliases reference it: [${users.join(', ')}]` }, String(this));
    }
    expectOutcome(out, undefined, String(this));
    fn.versions.splice(index, 1);
    // The version's policy goes with it.
    fn.policies.delete(this.qualifier);
  }
  toString() {
    return `DeleteFunction(${q(this.name)}${this.qualifier === undefined ? '' : `, Qualifier ${q(this.qualifier)}`})`;
  }
}

export class Invoke extends Base {
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
    const target = resolveModel(fn, this.qualifier);
    if (!target) return void expectOutcome(out, notFound(this.name, this.qualifier), String(this));
    // A version still being created cannot run; an update in progress does not stop invokes.
    const pending = target === 'latest' ? fn.pending : target.pending;
    if (pending) return void expectOutcome(out, { name: 'ResourceConflictException', message: PENDING_CONFLICT }, String(this));
    if (fn.reserved === 0 && !this.event) {
      return void expectOutcome(out, { name: 'TooManyRequestsException', message: 'Rate Exceeded.' }, String(this));
    }
    const answer = expectOutcome(out, undefined, String(this))!;
    expectEqual(answer.StatusCode, this.event ? 202 : 200);
    if (this.event) return void expectEqual(answer.Payload, null);
    const queued = model.regionQueue.shift() ?? model.accountQueue.shift();
    expectEqual(answer.Payload?.transformToString(), queued ?? this.payload);
    expectEqual(answer.ExecutedVersion, target === 'latest' ? '$LATEST' : target.number);
  }
  toString() {
    return `Invoke(${q(this.name)}${this.qualifier === undefined ? '' : `:${this.qualifier}`}, ${this.event ? 'Event' : 'RequestResponse'}, ${this.payload})`;
  }
}

/** `lambda.setInvokeResults`: a control, not a command; it replaces one queue. */
export class QueueResults extends Base {
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
export class SettleNow extends Base {
  async apply(model: Model, { lambda }: Real) {
    lambda.settle();
    model.settleAll();
  }
  toString() {
    return 'settle()';
  }
}

export class Tag extends Base {
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

export class Untag extends Base {
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

export class ListTags extends Base {
  constructor(readonly name: string) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const out = await attempt(client.send(new ListTagsCommand({ Resource: arnOf(this.name) })));
    if (!fn) return void expectOutcome(out, notFound(this.name), String(this));
    const answer = expectOutcome(out, undefined, String(this))!;
    expectEqual(Object.entries(answer.Tags ?? {}).sort(), [...fn.tags.entries()].sort());
  }
  toString() {
    return `ListTags(${q(this.name)})`;
  }
}

export class PutConcurrency extends Base {
  constructor(readonly name: string, readonly reserved: number) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const out = await attempt(client.send(new PutFunctionConcurrencyCommand({ FunctionName: this.name, ReservedConcurrentExecutions: this.reserved })));
    if (!fn) return void expectOutcome(out, notFound(this.name), String(this));
    const answer = expectOutcome(out, undefined, String(this))!;
    expectEqual(answer.ReservedConcurrentExecutions, this.reserved);
    fn.reserved = this.reserved;
  }
  toString() {
    return `PutFunctionConcurrency(${q(this.name)}, ${this.reserved})`;
  }
}

export class DeleteConcurrency extends Base {
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

export class GetConcurrency extends Base {
  constructor(readonly name: string) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const out = await attempt(client.send(new GetFunctionConcurrencyCommand({ FunctionName: this.name })));
    if (!fn) return void expectOutcome(out, notFound(this.name), String(this));
    expectEqual(expectOutcome(out, undefined, String(this))!.ReservedConcurrentExecutions, fn.reserved);
  }
  toString() {
    return `GetFunctionConcurrency(${q(this.name)})`;
  }
}

/** GetFunction: a read, which in `on-read` mode completes the function's transitions (as a waiter's poll). */
export class GetFunction extends Base {
  constructor(readonly name: string, readonly qualifier: string | undefined) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const out = await attempt(client.send(new GetFunctionCommand({ FunctionName: this.name, Qualifier: this.qualifier })));
    if (!fn) return void expectOutcome(out, notFound(this.name, this.qualifier), String(this));
    const target = resolveModel(fn, this.qualifier);
    if (!target) return void expectOutcome(out, notFound(this.name, this.qualifier), String(this));
    const version = target === 'latest' ? undefined : target;
    const answer = expectOutcome(out, undefined, String(this))!;
    if (model.settle === 'on-read') settleModel(fn);
    expectConfiguration(answer.Configuration, version ? versionView(version) : latestView(model, fn));
    expectEqual(Object.entries(answer.Tags ?? {}).sort(), [...fn.tags.entries()].sort());
    expectEqual(answer.Concurrency?.ReservedConcurrentExecutions, fn.reserved);
    if (!version && fn.revision !== undefined) expectEqual(answer.Configuration?.RevisionId, fn.revision);
    if (!version) fn.revision = answer.Configuration?.RevisionId;
    // Through an alias, the configuration names the alias.
    if (this.qualifier !== undefined && fn.aliases.has(this.qualifier)) expectEqual(answer.Configuration?.FunctionArn, arnOf(this.name, this.qualifier));
  }
  toString() {
    return `GetFunction(${q(this.name)}${this.qualifier === undefined ? '' : `, Qualifier ${q(this.qualifier)}`})`;
  }
}

export class ListVersions extends Base {
  constructor(readonly name: string) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const out = await attempt(client.send(new ListVersionsByFunctionCommand({ FunctionName: this.name })));
    if (!fn) return void expectOutcome(out, notFound(this.name), String(this));
    const answer = expectOutcome(out, undefined, String(this))!;
    expectEqual(answer.Versions?.map((v) => v.Version), ['$LATEST', ...fn.versions.map((v) => v.number)]);
  }
  toString() {
    return `ListVersionsByFunction(${q(this.name)})`;
  }
}

/** ListFunctions: every function's `$LATEST` by name; in `on-read` mode it completes every listed transition. */
export class ListFunctions extends Base {
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const answer = expectOutcome(await attempt(client.send(new ListFunctionsCommand({}))), undefined, String(this))!;
    expectEqual(answer.Functions?.map((f) => f.FunctionName), [...model.functions.keys()].sort());
    if (model.settle === 'on-read') model.settleAll();
  }
  toString() {
    return 'ListFunctions()';
  }
}
