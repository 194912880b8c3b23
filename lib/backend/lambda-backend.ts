import type { ResponseMetadata } from '@smithy/types';
import { randomUUID } from 'node:crypto';
import { ServiceError } from '../errors/service-error';
import { UnhandledCommandError } from '../errors/unhandled-command-error';
import { operationSpecs } from '../model/lambda-model.generated';
import type { OperationSpec } from '../model/model-types';
import { isPending, settleFunction } from '../operations/functions/function-lifecycle';
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
import { shapeSpecs } from '../model/lambda-model.generated';
import { validateInput } from '../validation/validate-input';
import type { LambdaCall } from './lambda-call';

/** One command to answer, whichever way it arrived (SDK middleware or HTTP). */
export interface BackendRequest {
  readonly commandName: string;
  readonly input: unknown;
  readonly region: string;
}

/** A successful answer: the handler's output (the store's own objects: copy before handing out) and its status. */
export interface BackendAnswer {
  readonly output: Record<string, unknown>;
  readonly $metadata: ResponseMetadata;
}

/** Turns a service error into the error the caller receives (the SDK's class, or an HTTP answer). */
export type PresentError = (error: ServiceError, $metadata: ResponseMetadata) => Error;

/** The context one command's handler runs in (a class: this is the hot path of every command). */
class CommandContext implements OperationContext {
  readonly pendingNames: string[] = [];
  readonly invocations: LambdaInvocation[] = [];
  readonly accountId: string;
  readonly region: string;
  readonly requestId = randomUUID();
  private clock: Date | undefined;

  constructor(
    private readonly tx: Transaction,
    readonly settleMode: SettleMode,
    readonly concurrencyQuota: ConcurrencyQuota | undefined,
  ) {
    this.accountId = tx.accountId;
    this.region = tx.regionName;
  }

  takeInvokeResult(): StoredInvokeResult | undefined {
    return this.tx.takeInvokeResult();
  }

  recordInvocation(invocation: Omit<LambdaInvocation, 'requestId' | 'region' | 'accountId'>): void {
    this.invocations.push({ ...invocation, requestId: this.requestId, region: this.region, accountId: this.accountId });
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

const specs = operationSpecs as Record<string, OperationSpec>;
const anyHandlers = handlers as Record<string, ((input: unknown, ctx: OperationContext) => Record<string, unknown>) | undefined>;

/** HTTP labels of an operation's route: the SDK refuses to send a request without them. */
const labelsOf = (spec: OperationSpec): string[] => {
  const members = spec.input ? (shapeSpecs[spec.input]?.members ?? {}) : {};
  return Object.keys(members).filter((m) => members[m]!.location === 'label');
};
const labels = new Map(Object.entries(specs).map(([op, spec]) => [op, labelsOf(spec)]));

/**
 * The fake Lambda service: the store, the call log, and the dispatch of each command to its
 * handler inside a transaction. Shared by the SDK middleware and server mode.
 */
export class LambdaBackend {
  private root: StoreRoot = emptyRoot();
  /** Functions with a transition to complete, keyed `accountId/region/name`. */
  private readonly pending = new Map<string, { accountId: string; region: string; name: string }>();
  private readonly log: LambdaCall[] = [];
  private readonly invocationLog: LambdaInvocation[] = [];
  private quota: ConcurrencyQuota | undefined;

  constructor(
    readonly accountId: string,
    readonly settleMode: SettleMode,
    concurrencyQuota?: ConcurrencyQuota,
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

  /** Empties the store, the pending transitions and the call log. */
  reset(): void {
    this.root = emptyRoot();
    this.pending.clear();
    this.log.length = 0;
    this.invocationLog.length = 0;
  }

  /** Completes every pending transition (`Pending` → `Active`, `InProgress` → `Successful`). */
  settle(): void {
    if (this.pending.size === 0) return;
    let root = this.root;
    for (const { accountId, region, name } of this.pending.values()) {
      const fn = root.regions.get(regionKey(accountId, region))?.functions.get(name);
      if (!fn || !isPending(fn)) continue;
      // putRecord freezes the settled record: settleFunction rebuilds its outer objects unfrozen.
      root = putRecord(root, accountId, region, 'functions', name, settleFunction(fn));
    }
    this.root = root;
    this.pending.clear();
  }

  /** Answers one command, or throws what the caller should receive. */
  handle(request: BackendRequest, presentError: PresentError): BackendAnswer {
    const { commandName, region } = request;
    const operation = commandName.endsWith('Command') ? commandName.slice(0, -7) : commandName;
    const spec = specs[operation];
    const handler = anyHandlers[operation];
    // A copy, logged and handed to the handler: changing the object sent afterwards changes neither.
    const input = clone(request.input) as Record<string, unknown> | undefined;
    const record = (call: Partial<LambdaCall>): void => {
      this.log.push({ commandName, operation, input, region, accountId: this.accountId, ...call });
    };
    if (!spec || !handler) {
      const error = new UnhandledCommandError(commandName, spec ? 'lambda-mock has no handler for it yet' : 'it is not a Lambda operation');
      record({ error });
      throw error;
    }
    for (const label of labels.get(operation)!) {
      if (input?.[label] == null) {
        const error = new Error(`No value provided for input HTTP label: ${label}.`);
        record({ error });
        throw error;
      }
    }
    if (this.settleMode === 'instant') this.settle();
    try {
      validateInput(spec.input, input);
      const tx = new Transaction(this.root, this.accountId, region);
      const ctx = new CommandContext(tx, this.settleMode, this.quota);
      const output = handler(input, ctx);
      this.root = tx.commit();
      for (const name of ctx.pendingNames) this.pending.set(`${this.accountId}/${region}/${name}`, { accountId: this.accountId, region, name });
      for (const invocation of ctx.invocations) this.invocationLog.push(invocation);
      const status = typeof output.StatusCode === 'number' ? output.StatusCode : spec.status;
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
}
