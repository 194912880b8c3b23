import type { DeferredExecution } from '../execution/executor';
import type { HandlerSource } from '../execution/handler-types';
import type { ServiceInvocation } from './invocation/destination-invocation';
import type { LambdaInvocation } from '../invoke/invocation';
import type { StoredInvokeResult } from '../invoke/invoke-result';
import type { InputOf, OperationName, OutputOf } from '../model/operation-types';
import type { CollectionName, RegionCollections } from '../store/records';
import type { Table } from '../store/store';

/** When a function's `Pending`/`InProgress` transitions complete: see `MockLambdaOptions.settle`. */
export type SettleMode = 'instant' | 'on-read' | 'manual';

/** What a handler can see and do while it answers one command. */
export interface OperationContext {
  readonly accountId: string;
  readonly region: string;
  /** `aws`, `aws-cn` or `aws-us-gov`, from the region. */
  readonly partition: string;
  /** The moment the command is handled: one clock reading per command. */
  readonly now: Date;
  readonly settleMode: SettleMode;
  /** One collection of this account and region, read-write inside this command's transaction. */
  table<K extends CollectionName>(name: K): Table<RegionCollections[K]>;
  /** Records that a function has a transition to complete, its own or a provisioned concurrency allocation (see `settle`). */
  markPending(functionName: string): void;
  /** The id of this request, as `$metadata.requestId` and the invoke log report it. */
  readonly requestId: string;
  /** The account's concurrency quota, when one is enforced (`lambda.setConcurrencyQuota`). */
  readonly concurrencyQuota: ConcurrencyQuota | undefined;
  /** Takes the next result `setInvokeResults` queued for this account and region. */
  takeInvokeResult(): StoredInvokeResult | undefined;
  /** Records an invocation for `lambda.invocations()`, if the command succeeds. */
  recordInvocation(invocation: Omit<LambdaInvocation, 'requestId' | 'region' | 'accountId'>): void;
  /** A number in [0, 1) from the mock's random source (`random`/`seed` options): weighted alias routing draws from it. */
  random(): number;
  /** What of the function's own answers an invoke (a registered handler, or `'code'`), if anything: see lib/execution. */
  findHandler(functionName: string, qualifier: string | undefined, executedVersion: string): HandlerSource | undefined;
  /** Runs the function's own code once this command has committed (user code is async; a transaction is not). */
  defer(execution: DeferredExecution): void;
  /** Invokes a function asynchronously, as the service does for a Lambda destination, once this command committed. */
  invokeAsynchronously(invocation: ServiceInvocation): void;
}

/** An enforced account concurrency quota. */
export interface ConcurrencyQuota {
  /** The account's concurrent executions. */
  readonly limit: number;
  /** The unreserved concurrency a reservation may not go below (the service's default: 100). */
  readonly minimumUnreserved: number;
}

/** A handler's answer: the SDK's output type without `$metadata`, which the interception layer adds. */
export type HandlerOutput<Op extends OperationName> = Omit<OutputOf<Op>, '$metadata'>;

/**
 * Answers one operation. Typed by the SDK's own `XCommandInput`/`XCommandOutput`, so the compiler
 * rejects a handler that returns the wrong shape. It receives a private copy of the input, throws a
 * `ServiceError` to answer with an error, and any change it made to the store is then dropped.
 */
export type OperationHandler<Op extends OperationName> = (input: InputOf<Op>, ctx: OperationContext) => HandlerOutput<Op>;
