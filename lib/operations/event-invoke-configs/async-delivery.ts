import type { StoredInvokeResult } from '../../invoke/invoke-result';
import type { DestinationDeliveryRecord, FunctionState, InvocationRecord } from '../../store/records';
import { entryOf } from '../../util/name-map';
import type { OperationContext } from '../operation-handler';
import { functionArn, isAliasName } from '../functions/function-ref';
import { UNQUALIFIED } from './invoke-config-ref';

/** The retries the service makes of a failed asynchronous invocation when the config does not say. */
const DEFAULT_RETRIES = 2;

/** An asynchronous invoke accepted by the service (202), as the service then runs it. */
export interface AsyncInvocation {
  readonly fn: FunctionState;
  /** The qualifier the invoke named, if any: its config (else the function's, `$LATEST`) applies. */
  readonly qualifier: string | undefined;
  readonly executedVersion: string;
  /** The request payload, as text (`''` when there was none). */
  readonly payload: string;
  /** Whether the function cannot run at all (reserved concurrency 0): the event ages out of the queue. */
  readonly throttled: boolean;
  /** Runs the function once: its answer (the next queued result, else the payload echoed). */
  readonly run: () => StoredInvokeResult;
}

/** JSON text as the record carries it: parsed when it is JSON, else the text itself. */
function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Runs an asynchronous invocation as the service does when the invoked function, version or alias
 * has a destination: the function runs, and after a function error runs again up to
 * `MaximumRetryAttempts` times (each run takes the next queued result); then the invocation record
 * goes to the `OnSuccess` or `OnFailure` destination. A throttled function never runs, and its event
 * goes to `OnFailure` as aged out. Deliveries are stored (`lambda.state.region(r).destinationDeliveries`);
 * a Lambda destination is also invoked asynchronously with the record, as `lambda.invocations()` shows.
 * Without a destination, nothing runs: the invoke is only recorded.
 */
export function deliverAsyncInvocation(ctx: OperationContext, invocation: AsyncInvocation): void {
  const { fn, qualifier, executedVersion, payload } = invocation;
  const key = qualifier ?? UNQUALIFIED;
  const config = entryOf(fn.eventInvokeConfigs, key);
  const onSuccess = config?.DestinationConfig.OnSuccess.Destination;
  const onFailure = config?.DestinationConfig.OnFailure.Destination;
  if (onSuccess === undefined && onFailure === undefined) return;
  const requestContext = { requestId: ctx.requestId, functionArn: functionArn(ctx, fn.name, key) };
  const base = { version: '1.0' as const, timestamp: ctx.now.toISOString() };
  const requestPayload = payload === '' ? {} : jsonOrText(payload);
  if (invocation.throttled) {
    if (onFailure !== undefined) {
      deliver(ctx, fn.name, 'OnFailure', onFailure, { ...base, requestContext: { ...requestContext, condition: 'EventAgeExceeded', approximateInvokeCount: 0 }, requestPayload });
    }
    return;
  }
  const attempts = 1 + (config?.MaximumRetryAttempts ?? DEFAULT_RETRIES);
  let result = invocation.run();
  let count = 1;
  while (result.functionError !== undefined && count < attempts) {
    result = invocation.run();
    count += 1;
  }
  const failed = result.functionError !== undefined;
  const destination = failed ? onFailure : onSuccess;
  if (destination === undefined) return;
  deliver(ctx, fn.name, failed ? 'OnFailure' : 'OnSuccess', destination, {
    ...base,
    requestContext: { ...requestContext, condition: failed ? 'RetriesExhausted' : 'Success', approximateInvokeCount: count },
    requestPayload,
    responseContext: { statusCode: 200, executedVersion, ...(failed ? { functionError: result.functionError } : {}) },
    responsePayload: result.payload === '' ? null : jsonOrText(result.payload),
  });
}

const FUNCTION_DESTINATION = /^arn:[^:]+:lambda:([^:]+):(\d{12}):function:([^:]+)(?::(.+))?$/;

/** Stores one delivery; a function of this account and region that is the destination is invoked with the record. */
function deliver(ctx: OperationContext, functionName: string, outcome: DestinationDeliveryRecord['outcome'], destination: string, record: InvocationRecord): void {
  const deliveries = ctx.table('destinationDeliveries');
  deliveries.set(`${record.requestContext.requestId}/${outcome}`, { sequence: deliveries.size, functionName, outcome, destination, record });
  const target = FUNCTION_DESTINATION.exec(destination);
  if (!target || target[1] !== ctx.region || target[2] !== ctx.accountId) return;
  const destinationFunction = ctx.table('functions').get(target[3]!);
  const qualifier = target[4];
  const executedVersion = qualifier === undefined || !isAliasName(qualifier) ? (qualifier ?? '$LATEST') : entryOf(destinationFunction?.aliases, qualifier)?.FunctionVersion;
  if (!destinationFunction || executedVersion === undefined) return;
  ctx.recordInvocation({
    functionName: destinationFunction.name,
    ...(qualifier !== undefined ? { qualifier } : {}),
    executedVersion,
    invocationType: 'Event',
    payload: JSON.stringify(record),
  });
}
