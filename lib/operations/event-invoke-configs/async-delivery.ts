import type { AsynchronousRun } from '../../execution/executor';
import type { StoredInvokeResult } from '../../invoke/invoke-result';
import type { DestinationDeliveryRecord, FunctionState, InvocationRecord } from '../../store/records';
import { entryOf } from '../../util/name-map';
import type { OperationContext } from '../operation-handler';
import { functionArn } from '../functions/function-ref';
import type { InvocationChain } from '../invocation/invocation-chain';
import { UNQUALIFIED } from './invoke-config-ref';

/** The retries the service makes of a failed asynchronous invocation when the config does not say. */
const DEFAULT_RETRIES = 2;

/** How the service handles one asynchronous invocation: the event invoke config that applies, read when it is invoked. */
interface AsyncHandling {
  /** The most runs: the first, then up to `MaximumRetryAttempts` (default 2) retries while the function errors. */
  readonly attempts: number;
  readonly onSuccess: string | undefined;
  readonly onFailure: string | undefined;
}

/** One asynchronous invocation, as its invocation record names it. */
export interface AsyncEvent {
  readonly functionName: string;
  /** The qualifier the invoke named, if any: its config (else the function's, `$LATEST`) applies. */
  readonly qualifier: string | undefined;
  readonly executedVersion: string;
  /** The request payload, as text (`''` when there was none). */
  readonly payload: string;
  /** The chain of requests this invocation belongs to, itself included: a Lambda destination continues it. */
  readonly chain: InvocationChain;
}

/** An asynchronous invoke accepted by the service (202) whose answer is the queue's or the echo, as the service then runs it. */
export interface AsyncInvocation extends AsyncEvent {
  readonly fn: FunctionState;
  /** Whether the function cannot run at all (reserved concurrency 0): the event ages out of the queue. */
  readonly throttled: boolean;
  /** Runs the function once: its answer (the next queued result, else the payload echoed). */
  readonly run: () => StoredInvokeResult;
}

/** The config of the function, version or alias an asynchronous invoke named (an unqualified invoke: `$LATEST`'s). */
function asyncHandling(fn: FunctionState, qualifier: string | undefined): AsyncHandling {
  const config = entryOf(fn.eventInvokeConfigs, qualifier ?? UNQUALIFIED);
  return {
    attempts: 1 + (config?.MaximumRetryAttempts ?? DEFAULT_RETRIES),
    onSuccess: config?.DestinationConfig.OnSuccess.Destination,
    onFailure: config?.DestinationConfig.OnFailure.Destination,
  };
}

/** JSON text as the record carries it: parsed when it is JSON, else the text itself. */
function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The invocation record of `event`, as the service documents it: `ctx` is the moment and request of the delivery. */
function recordOf(
  ctx: OperationContext,
  event: AsyncEvent,
  condition: InvocationRecord['requestContext']['condition'],
  approximateInvokeCount: number,
  response?: Pick<InvocationRecord, 'responseContext' | 'responsePayload'>,
): InvocationRecord {
  return {
    version: '1.0',
    timestamp: ctx.now.toISOString(),
    requestContext: { requestId: ctx.requestId, functionArn: functionArn(ctx, event.functionName, event.qualifier ?? UNQUALIFIED), condition, approximateInvokeCount },
    requestPayload: event.payload === '' ? {} : jsonOrText(event.payload),
    ...response,
  };
}

/**
 * Sends the record of an asynchronous invocation that ran `count` times and ended with `result`: to
 * `OnSuccess` (`Success`), or after a function error on the last attempt to `OnFailure`
 * (`RetriesExhausted`), when the config names that destination.
 */
function deliverOutcome(ctx: OperationContext, event: AsyncEvent, handling: AsyncHandling, result: StoredInvokeResult, count: number): void {
  const failed = result.functionError !== undefined;
  const destination = failed ? handling.onFailure : handling.onSuccess;
  if (destination === undefined) return;
  deliver(
    ctx,
    event,
    failed ? 'OnFailure' : 'OnSuccess',
    destination,
    recordOf(ctx, event, failed ? 'RetriesExhausted' : 'Success', count, {
      responseContext: { statusCode: 200, executedVersion: event.executedVersion, ...(failed ? { functionError: result.functionError } : {}) },
      responsePayload: result.payload === '' ? null : jsonOrText(result.payload),
    }),
  );
}

/**
 * How the service runs an asynchronous invocation of the function's own code, which lib/backend runs
 * once the command committed: again after a function error, up to the config's attempts, then the
 * record of the last run to the destination (in a transaction of its own).
 */
export function asynchronousRun(fn: FunctionState, event: AsyncEvent): AsynchronousRun {
  const handling = asyncHandling(fn, event.qualifier);
  return { attempts: handling.attempts, finish: (ctx, result, attempts) => deliverOutcome(ctx, event, handling, result, attempts) };
}

/**
 * Runs an asynchronous invocation as the service does when the invoked function, version or alias
 * has a destination: the function runs, and after a function error runs again up to
 * `MaximumRetryAttempts` times (each run takes the next queued result); then the invocation record
 * goes to the `OnSuccess` or `OnFailure` destination. A throttled function never runs, and its event
 * goes to `OnFailure` as aged out. Deliveries are stored (`lambda.state.region(r).destinationDeliveries`);
 * a Lambda destination is also invoked asynchronously with the record, once the command committed.
 * Without a destination, nothing runs: the invoke is only recorded. (The function's own code runs
 * after the command instead: `asynchronousRun`.)
 */
export function deliverAsyncInvocation(ctx: OperationContext, invocation: AsyncInvocation): void {
  const handling = asyncHandling(invocation.fn, invocation.qualifier);
  if (handling.onSuccess === undefined && handling.onFailure === undefined) return;
  if (invocation.throttled) {
    if (handling.onFailure === undefined) return;
    deliver(ctx, invocation, 'OnFailure', handling.onFailure, recordOf(ctx, invocation, 'EventAgeExceeded', 0));
    return;
  }
  let result = invocation.run();
  let count = 1;
  while (result.functionError !== undefined && count < handling.attempts) {
    result = invocation.run();
    count += 1;
  }
  deliverOutcome(ctx, invocation, handling, result, count);
}

const FUNCTION_DESTINATION = /^arn:[^:]+:lambda:([^:]+):(\d{12}):function:([^:]+)(?::(.+))?$/;

/**
 * Stores one delivery; a function of this account and region that is the destination is then invoked
 * asynchronously with the record, continuing the event's chain (lib/operations/invocation/destination-invocation.ts).
 */
function deliver(ctx: OperationContext, event: AsyncEvent, outcome: DestinationDeliveryRecord['outcome'], destination: string, record: InvocationRecord): void {
  const deliveries = ctx.table('destinationDeliveries');
  deliveries.set(`${record.requestContext.requestId}/${outcome}`, { sequence: deliveries.size, functionName: event.functionName, outcome, destination, record });
  const target = FUNCTION_DESTINATION.exec(destination);
  if (!target || target[1] !== ctx.region || target[2] !== ctx.accountId) return;
  ctx.invokeAsynchronously({ functionArn: destination, payload: JSON.stringify(record), chain: event.chain });
}
