import type { ResponseMetadata } from '@smithy/types';
import { randomUUID } from 'node:crypto';
import { ServiceError } from '../errors/service-error';
import { UnhandledCommandError } from '../errors/unhandled-command-error';
import { operationSpecs } from '../model/lambda-model.generated';
import type { OperationSpec } from '../model/model-types';
import { isPending, settleFunction } from '../operations/functions/function-lifecycle';
import type { OperationContext, SettleMode } from '../operations/operation-handler';
import { handlers } from '../operations/registry';
import type { LambdaState } from '../store/state';
import type { CollectionName, RegionCollections } from '../store/records';
import { emptyRoot, regionKey, Transaction, viewOf, type StoreRoot, type Table } from '../store/store';
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
  readonly accountId: string;
  readonly region: string;
  private clock: Date | undefined;

  constructor(
    private readonly tx: Transaction,
    readonly settleMode: SettleMode,
  ) {
    this.accountId = tx.accountId;
    this.region = tx.regionName;
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

const metadata = (httpStatusCode: number): ResponseMetadata => ({
  httpStatusCode,
  requestId: randomUUID(),
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

  constructor(
    readonly accountId: string,
    readonly settleMode: SettleMode,
  ) {}

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
  }

  /** Completes every pending transition (`Pending` → `Active`, `InProgress` → `Successful`). */
  settle(): void {
    if (this.pending.size === 0) return;
    let root = this.root;
    for (const { accountId, region, name } of this.pending.values()) {
      const regionStore = root.regions.get(regionKey(accountId, region));
      const fn = regionStore?.functions.get(name);
      if (!regionStore || !fn || !isPending(fn)) continue;
      root = { ...root, regions: root.regions.set(regionKey(accountId, region), { ...regionStore, functions: regionStore.functions.set(name, settleFunction(fn)) }) };
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
    const record = (call: Partial<LambdaCall>): void => {
      this.log.push({ commandName, operation, input: call.input ?? request.input, region, accountId: this.accountId, ...call });
    };
    if (!spec || !handler) {
      const error = new UnhandledCommandError(commandName, spec ? 'lambda-mock has no handler for it yet' : 'it is not a Lambda operation');
      record({ error });
      throw error;
    }
    const input = clone(request.input) as Record<string, unknown> | undefined;
    for (const label of labels.get(operation)!) {
      if (input?.[label] == null) {
        const error = new Error(`No value provided for input HTTP label: ${label}.`);
        record({ input, error });
        throw error;
      }
    }
    if (this.settleMode === 'instant') this.settle();
    try {
      validateInput(spec.input, input);
      const tx = new Transaction(this.root, this.accountId, region);
      const ctx = new CommandContext(tx, this.settleMode);
      const output = handler(input, ctx);
      this.root = tx.commit();
      for (const name of ctx.pendingNames) this.pending.set(`${this.accountId}/${region}/${name}`, { accountId: this.accountId, region, name });
      const status = typeof output.StatusCode === 'number' ? output.StatusCode : spec.status;
      record({ input, output });
      return { output, $metadata: metadata(status) };
    } catch (thrown) {
      const serviceError =
        thrown instanceof ServiceError
          ? thrown
          : new ServiceError('ServiceException', `lambda-mock internal error in ${operation}: ${String(thrown)}`);
      const error = presentError(serviceError, metadata(serviceError.status));
      record({ input, error });
      throw error;
    }
  }
}
