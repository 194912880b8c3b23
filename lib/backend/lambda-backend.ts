import type { ResponseMetadata } from '@smithy/types';
import { randomUUID } from 'node:crypto';
import { ServiceError } from '../errors/service-error';
import { UnhandledCommandError } from '../errors/unhandled-command-error';
import { allOperationSpecs, allShapeSpecs } from '../model/extra-operations';
import type { OperationSpec } from '../model/model-types';
import { isPending, settleFunction } from '../operations/functions/function-lifecycle';
import { settleEventSourceMappings } from '../operations/event-source-mappings/mapping-lifecycle';
import { allocationInProgress, completeAllocations } from '../operations/concurrency/allocation-lifecycle';
import type { LambdaInvocation } from '../invoke/invocation';
import { storedResult, type InvokeResult, type StoredInvokeResult } from '../invoke/invoke-result';
import type { ConcurrencyQuota, OperationContext, SettleMode } from '../operations/operation-handler';
import { handlers } from '../operations/registry';
import type { LambdaState } from '../store/state';
import type { CollectionName, RegionCollections } from '../store/records';
import { List as IList } from 'immutable';
import { emptyRoot, putInvokeResults, putRecord, regionKey, Transaction, viewOf, type StoreRoot, type Table } from '../store/store';
import { partitionOf } from '../util/aws';
import { clone } from '../util/clone';
import { validateInput } from '../validation/validate-input';
import { timedOutResult } from '../faults/function-timeout';
import { overriddenOutput } from '../faults/override-output';
import { OverrideRegistry, type OverrideAnswer, type OverrideDecision } from '../faults/override-registry';
import type { LambdaCall } from './lambda-call';
import { Executor, invocationOf, type DeferredExecution } from '../execution/executor';
import type { HandlerSource } from '../execution/handler-types';
import { invokeDestination, type ServiceInvocation } from '../operations/invocation/destination-invocation';

/** One command to answer, whichever way it arrived (SDK middleware or HTTP). */
export interface BackendRequest {
  readonly commandName: string;
  readonly input: unknown;
  readonly region: string;
  /** `false` for an invoke that is no API call (a function URL request, lib/urls): it is not in `lambda.calls`. */
  readonly logged?: boolean;
}

/** A successful answer: the handler's output (the store's own objects: copy before handing out) and its status. */
export interface BackendAnswer {
  readonly output: Record<string, unknown>;
  readonly $metadata: ResponseMetadata;
  /** The final answer, when the function's own code runs after the command (lib/execution): `handleAsync` awaits it. */
  readonly completion?: Promise<BackendAnswer>;
}

/** Turns a service error into the error the caller receives (the SDK's class, or an HTTP answer). */
export type PresentError = (error: ServiceError, $metadata: ResponseMetadata) => Error;

/** The context one command's handler runs in (a class: this is the hot path of every command). */
class CommandContext implements OperationContext {
  readonly pendingNames: string[] = [];
  readonly invocations: LambdaInvocation[] = [];
  readonly accountId: string;
  readonly region: string;
  private clock: Date | undefined;

  constructor(
    readonly tx: Transaction,
    readonly settleMode: SettleMode,
    readonly concurrencyQuota: ConcurrencyQuota | undefined,
    readonly random: () => number,
    /** What an override makes the function return instead of the results queue (a timeout). */
    private readonly forcedInvokeResult?: (ctx: OperationContext) => StoredInvokeResult,
    /** A new one per command; an asynchronous invocation's deliveries keep the invoke's. */
    readonly requestId: string = randomUUID(),
  ) {
    this.accountId = tx.accountId;
    this.region = tx.regionName;
  }

  /** The function's own code to run once this command committed (lib/execution). */
  deferred: DeferredExecution | undefined;
  executor: Executor | undefined;

  findHandler(functionName: string, qualifier: string | undefined, executedVersion: string): HandlerSource | undefined {
    return this.executor?.find(functionName, qualifier, executedVersion);
  }

  defer(execution: DeferredExecution): void {
    this.deferred = execution;
  }

  /** The asynchronous invokes the service makes once this command committed (Lambda destinations). */
  readonly serviceInvocations: ServiceInvocation[] = [];

  invokeAsynchronously(invocation: ServiceInvocation): void {
    this.serviceInvocations.push(invocation);
  }

  takeInvokeResult(): StoredInvokeResult | undefined {
    return this.forcedInvokeResult ? this.forcedInvokeResult(this) : this.tx.takeInvokeResult();
  }

  recordInvocation(invocation: Omit<LambdaInvocation, 'requestId' | 'region' | 'accountId'>): void {
    const recorded = invocation as LambdaInvocation & { requestId: string; region: string; accountId: string };
    recorded.requestId = this.requestId;
    recorded.region = this.region;
    recorded.accountId = this.accountId;
    this.invocations.push(recorded);
  }

  get partition(): string {
    return partitionOf(this.region);
  }

  get now(): Date {
    return (this.clock ??= new Date());
  }

  table<K extends CollectionName>(name: K): Table<RegionCollections[K]> {
    return this.tx.table(name);
  }

  markPending(functionName: string): void {
    this.pendingNames.push(functionName);
  }
}

const metadata = (httpStatusCode: number, requestId: string = randomUUID()): ResponseMetadata => ({
  httpStatusCode,
  requestId,
  extendedRequestId: undefined,
  cfId: undefined,
  attempts: 1,
  totalRetryDelay: 0,
});

const specs = allOperationSpecs;
/** The first HTTP label of an operation's route the input leaves out (the SDK refuses to send such a request). */
const missingLabel = (operation: string, input: unknown): string | undefined =>
  labels.get(operation)?.find((label) => (input as Record<string, unknown> | undefined)?.[label] == null);

const operationOf = (commandName: string): string => (commandName.endsWith('Command') ? commandName.slice(0, -7) : commandName);
const anyHandlers = handlers as Record<string, ((input: unknown, ctx: OperationContext) => Record<string, unknown>) | undefined>;

/** HTTP labels of an operation's route: the SDK refuses to send a request without them. */
const labelsOf = (spec: OperationSpec): string[] => {
  const members = spec.input ? (allShapeSpecs[spec.input]?.members ?? {}) : {};
  return Object.keys(members).filter((m) => members[m]!.location === 'label');
};
const labels = new Map(Object.entries(specs).map(([op, spec]) => [op, labelsOf(spec)]));

/**
 * The fake Lambda service: the store, the call log, and the dispatch of each command to its
 * handler inside a transaction. Shared by the SDK middleware and server mode.
 */
export class LambdaBackend {
  private root: StoreRoot = emptyRoot();
  /** What `reset()` returns the store to: empty, or the seed the mock started from. */
  private initialRoot: StoreRoot = this.root;
  /** Functions with a transition to complete (their own, or a provisioned concurrency allocation), keyed `accountId/region/name`. */
  private readonly pending = new Map<string, { accountId: string; region: string; name: string }>();
  private readonly log: LambdaCall[] = [];
  private readonly invocationLog: LambdaInvocation[] = [];
  private quota: ConcurrencyQuota | undefined;
  /** `lambda.on()` overrides: matched before the handler, never stored, cleared by `reset()`. */
  readonly overrides = new OverrideRegistry();

  constructor(
    readonly accountId: string,
    readonly settleMode: SettleMode,
    concurrencyQuota?: ConcurrencyQuota,
    /** The random source handlers draw from (weighted alias routing); seedable through `mockLambda` options. */
    private readonly random: () => number = Math.random,
    /** Runs functions' own code: registered handlers, and zips in `execute: 'code'` mode. */
    readonly executor: Executor = new Executor(),
  ) {
    this.quota = concurrencyQuota;
  }

  /** Every invocation answered, in order. */
  get invocations(): readonly LambdaInvocation[] {
    return this.invocationLog;
  }

  /** Replaces the queue of results the next synchronous invokes in one account and region take. */
  setInvokeResults(results: readonly InvokeResult[], region: string | undefined, accountId: string = this.accountId): void {
    if (!Array.isArray(results)) throw new TypeError('lambda-mock: setInvokeResults takes an array of results');
    this.root = putInvokeResults(this.root, accountId, region, IList(results.map(storedResult)));
  }

  /** Enforces an account concurrency quota, or stops enforcing it (`undefined`). */
  setConcurrencyQuota(quota: ConcurrencyQuota | undefined): void {
    this.quota = quota;
  }

  get concurrencyQuota(): ConcurrencyQuota | undefined {
    return this.quota;
  }

  get state(): LambdaState {
    return viewOf(this.root, this.accountId);
  }

  get calls(): readonly LambdaCall[] {
    return this.log;
  }

  /** Returns the store to where it started (empty, or the seed) and empties the call log. */
  reset(): void {
    this.load(this.initialRoot);
    this.log.length = 0;
    this.invocationLog.length = 0;
    this.overrides.clear();
    this.executor.handlers.clear();
    this.executor.background.abandon();
  }

  /** The store as it is now (immutable: `lambda.snapshot()` reads it). */
  get store(): StoreRoot {
    return this.root;
  }

  /** Starts from `root`, and makes it what `reset()` returns to (`mockLambda({ seed })`). */
  seed(root: StoreRoot): void {
    this.initialRoot = root;
    this.load(root);
  }

  /** Replaces the store (`lambda.load()`); a function it holds mid-transition stays pending, to settle as usual. */
  load(root: StoreRoot): void {
    this.root = root;
    this.pending.clear();
    for (const { accountId, region, functions } of root.regions.values()) {
      for (const fn of functions.values()) {
        if (isPending(fn) || allocationInProgress(fn)) this.markPending(accountId, region, fn.name);
      }
    }
  }

  private markPending(accountId: string, region: string, name: string): void {
    this.pending.set(`${accountId}/${region}/${name}`, { accountId, region, name });
  }

  /** Completes every pending transition (`Pending` → `Active`, `InProgress` → `Successful`, allocation `IN_PROGRESS` → `READY`). */
  settle(): void {
    // Event source mappings hold a transition only when the mode is not `instant` (see mapping-lifecycle.ts).
    if (this.settleMode !== 'instant') this.root = settleEventSourceMappings(this.root);
    if (this.pending.size === 0) return;
    let root = this.root;
    for (const { accountId, region, name } of this.pending.values()) {
      const fn = root.regions.get(regionKey(accountId, region))?.functions.get(name);
      if (!fn) continue;
      // putRecord freezes the settled record: settleFunction and completeAllocations rebuild its outer objects unfrozen.
      const settled = completeAllocations(settleFunction(fn));
      if (settled !== fn) root = putRecord(root, accountId, region, 'functions', name, settled);
    }
    this.root = root;
    this.pending.clear();
  }

  /**
   * What the overrides decide for a request, using up a once-answer: the caller (the SDK middleware,
   * server mode) waits `delayMs` (`sleep` in lib/faults/delay.ts), then calls
   * `handle(request, presentError, decision)`. `undefined`: no override, handle it at once.
   */
  overrideFor(request: BackendRequest): OverrideDecision | undefined {
    if (this.overrides.isEmpty || this.failsBeforeSending(request)) return undefined;
    return this.overrides.decide(request.commandName, request.input);
  }

  /**
   * Whether the SDK itself would refuse the request before sending it (not a Lambda operation, an
   * HTTP label missing): `handle` answers it with that error, which no retry or override sees.
   */
  failsBeforeSending(request: BackendRequest): boolean {
    const operation = operationOf(request.commandName);
    return !labels.has(operation) || missingLabel(operation, request.input) !== undefined;
  }

  /** Logs a request its caller gave up on (its `abortSignal` fired) while an override delayed it: it is never handled. */
  recordAbandoned(request: BackendRequest, error: Error): void {
    const { commandName, region } = request;
    this.log.push({ commandName, operation: operationOf(commandName), input: clone(request.input), region, accountId: this.accountId, error });
  }

  /** Answers one command (with `override`'s answer when it has one), or throws what the caller should receive. */
  handle(request: BackendRequest, presentError: PresentError, override?: OverrideDecision): BackendAnswer {
    const { commandName, region } = request;
    const operation = operationOf(commandName);
    const spec = specs[operation];
    const handler = anyHandlers[operation];
    // A copy, logged and handed to the handler: changing the object sent afterwards changes neither.
    const input = clone(request.input) as Record<string, unknown> | undefined;
    const record = (call: Partial<LambdaCall>): void => {
      if (request.logged !== false) this.log.push({ commandName, operation, input, region, accountId: this.accountId, ...call });
    };
    const answer = override?.answer;
    if (!spec || (!handler && (!answer || answer.kind === 'timeout'))) {
      const error = new UnhandledCommandError(commandName, spec ? 'lambda-mock has no handler for it yet' : 'it is not a Lambda operation');
      record({ error });
      throw error;
    }
    const label = missingLabel(operation, input);
    if (label !== undefined) {
      const error = new Error(`No value provided for input HTTP label: ${label}.`);
      record({ error });
      throw error;
    }
    if (answer && answer.kind !== 'timeout') return this.answerOverride(answer, operation, spec, input, record, presentError);
    if (this.settleMode === 'instant') this.settle();
    try {
      validateInput(spec.input, input);
      const forced = answer?.kind === 'timeout' ? (c: OperationContext) => timedOutResult(c, input ?? {}, answer.fault.seconds) : undefined;
      const ctx = this.begin(region, { forced });
      const output = handler!(input, ctx);
      this.commit(ctx);
      const status = typeof output.StatusCode === 'number' ? output.StatusCode : spec.status;
      if (ctx.deferred) return this.deferredAnswer(ctx.deferred, output, metadata(status, ctx.requestId), record, presentError);
      record({ output });
      return { output, $metadata: metadata(status, ctx.requestId) };
    } catch (thrown) {
      const serviceError =
        thrown instanceof ServiceError
          ? thrown
          : new ServiceError('ServiceException', `lambda-mock internal error in ${operation}: ${String(thrown)}`);
      const error = presentError(serviceError, metadata(serviceError.status));
      record({ error });
      throw error;
    }
  }

  /**
   * `handle`, then the function's own code when the command ran some (`answer.completion`): what the
   * SDK middleware and server mode await.
   */
  async handleAsync(request: BackendRequest, presentError: PresentError, override?: OverrideDecision): Promise<BackendAnswer> {
    const answer = this.handle(request, presentError, override);
    return answer.completion ?? answer;
  }

  /**
   * Runs the execution a committed Invoke deferred: an `Event` invoke's caller has its answer at once
   * while the code runs on; a synchronous one's answer is the code's outcome, recorded when it is known.
   */
  private deferredAnswer(
    deferred: DeferredExecution,
    output: Record<string, unknown>,
    $metadata: ResponseMetadata,
    record: (call: Partial<LambdaCall>) => void,
    presentError: PresentError,
  ): BackendAnswer {
    const { answer } = deferred;
    if (!answer) {
      this.executor.background.start((live) => this.runAsynchronously(deferred, live));
      record({ output });
      return { output, $metadata };
    }
    const running = this.executor.run(deferred);
    const completion = running.then(
      ({ outcome, logResult }) => {
        const completed = answer(outcome, logResult);
        this.invocationLog.push(invocationOf(deferred.plan, outcome));
        record({ output: completed });
        return { output: completed, $metadata };
      },
      (thrown: unknown) => {
        const serviceError = new ServiceError('ServiceException', `lambda-mock internal error running the function: ${String(thrown)}`);
        const error = presentError(serviceError, metadata(serviceError.status));
        record({ error });
        throw error;
      },
    );
    // A caller that does not await the completion (plain `handle`) leaves no unhandled rejection.
    completion.catch(() => undefined);
    return { output, $metadata, completion };
  }

  /**
   * An `Event` invoke's execution, as the service runs it after its 202: again after a function error,
   * then its outcome delivered (`deferred.background.finish`) in a transaction of its own, under the
   * invoke's request id. Abandoned by a reset (`live()`): nothing is stored then.
   */
  private async runAsynchronously(deferred: DeferredExecution, live: () => boolean): Promise<void> {
    const { plan, background } = deferred;
    const { result, attempts } = await this.executor.runRetrying(deferred, background?.attempts ?? 1, live);
    if (!background || !live()) return;
    const ctx = this.begin(plan.region, { requestId: plan.requestId });
    background.finish(ctx, result, attempts);
    this.commit(ctx);
  }

  /** A transaction on the store as it is now, and the context a handler (or the service's own later work) changes it through. */
  private begin(region: string, options: { forced?: (ctx: OperationContext) => StoredInvokeResult; requestId?: string } = {}): CommandContext {
    const ctx = new CommandContext(new Transaction(this.root, this.accountId, region), this.settleMode, this.quota, this.random, options.forced, options.requestId);
    ctx.executor = this.executor;
    return ctx;
  }

  /** Commits what `ctx` did: the store, the transitions it started, the invocations it recorded, the asynchronous invokes it asked for. */
  private commit(ctx: CommandContext): void {
    this.root = ctx.tx.commit();
    for (const name of ctx.pendingNames) this.markPending(this.accountId, ctx.region, name);
    for (const invocation of ctx.invocations) this.invocationLog.push(invocation);
    this.startServiceInvocations(ctx);
  }

  /** Starts, in the background, the asynchronous invokes a committed command's deliveries made (`lambda.idle()` waits for them). */
  private startServiceInvocations(ctx: CommandContext): void {
    for (const invocation of ctx.serviceInvocations) {
      this.executor.background.start((live) => this.invokeAsService(invocation, ctx.region, live));
    }
  }

  /**
   * A Lambda destination's invoke, in a transaction of its own with a request id of its own; then,
   * like any `Event` invoke, the function's own code runs and delivers. A function that cannot be
   * invoked (gone, say) fails the delivery silently, as the service does.
   */
  private async invokeAsService(invocation: ServiceInvocation, region: string, live: () => boolean): Promise<void> {
    // Each hop of a chain starts afresh from the event loop's queue: a long chain never grows the stack.
    await Promise.resolve();
    if (!live()) return;
    if (this.settleMode === 'instant') this.settle();
    const ctx = this.begin(region);
    try {
      invokeDestination(ctx, invocation);
    } catch (thrown) {
      if (thrown instanceof ServiceError) return;
      throw thrown;
    }
    this.commit(ctx);
    if (ctx.deferred) await this.runAsynchronously(ctx.deferred, live);
  }

  /** Resolves once every asynchronous execution started so far has run, retried and delivered (`lambda.idle()`). */
  idle(): Promise<void> {
    return this.executor.background.idle();
  }

  /** An override's answer instead of the handler's: nothing is validated, stored or settled. */
  private answerOverride(
    answer: Exclude<OverrideAnswer, { kind: 'timeout' }>,
    operation: string,
    spec: OperationSpec,
    input: Record<string, unknown> | undefined,
    record: (call: Partial<LambdaCall>) => void,
    presentError: PresentError,
  ): BackendAnswer {
    try {
      const output = overriddenOutput(answer, operation, input);
      record({ output });
      return { output, $metadata: metadata(typeof output.StatusCode === 'number' ? output.StatusCode : spec.status) };
    } catch (thrown) {
      const error = thrown instanceof ServiceError ? presentError(thrown, metadata(thrown.status)) : (thrown as Error);
      record({ error });
      throw error;
    }
  }
}
