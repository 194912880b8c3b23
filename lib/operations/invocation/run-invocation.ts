import type { InvocationType, LogType } from '@aws-sdk/client-lambda';
import { ServiceError } from '../../errors/service-error';
import { executionLog, logTail } from '../../invoke/execution-log';
import type { StoredInvokeResult } from '../../invoke/invoke-result';
import { checkPayload, payloadBytes } from '../../invoke/request-payload';
import type { OperationContext } from '../operation-handler';
import { assertInvocable } from '../functions/function-lifecycle';
import { getFunctionState, getVersion, parseFunctionName } from '../functions/function-ref';

/** What moto's docker-free backend answers when there is no payload to echo. */
const HAPPY_PATH = 'Simple Lambda happy path OK';

/** One invocation's outcome, shared by Invoke, InvokeAsync and InvokeWithResponseStream. */
export interface InvocationOutcome {
  readonly executedVersion: string;
  /** `undefined` for `Event` and `DryRun` invokes, which run nothing synchronously. */
  readonly result: StoredInvokeResult | undefined;
  /** `LogResult`, when the request asked for the log tail. */
  readonly logResult: string | undefined;
}

/**
 * Resolves the function and version, checks the request as the service does (state, payload size,
 * JSON, throttling), takes the answer (the next queued result, else the request payload echoed)
 * and records the invocation.
 */
export function runInvocation(
  ctx: OperationContext,
  request: { FunctionName?: string; Qualifier?: string; Payload?: unknown; InvocationType?: InvocationType; LogType?: LogType },
): InvocationOutcome {
  const ref = parseFunctionName(ctx, request.FunctionName!, request.Qualifier);
  const fn = getFunctionState(ctx, ref);
  const version = getVersion(ctx, fn, ref);
  const invocationType = request.InvocationType ?? 'RequestResponse';
  const payload = checkPayload(payloadBytes(request.Payload), invocationType);
  assertInvocable(version);
  // Asynchronous invokes are queued by the service (202) and throttled later, out of the caller's sight.
  if (fn.reservedConcurrency === 0 && invocationType === 'RequestResponse') {
    throw new ServiceError('TooManyRequestsException', 'Rate Exceeded.', {
      members: { Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' },
    });
  }
  const executedVersion = version.configuration.Version ?? '$LATEST';
  const result =
    invocationType === 'RequestResponse' ? (ctx.takeInvokeResult() ?? { payload: payload === '' ? HAPPY_PATH : payload }) : undefined;
  ctx.recordInvocation({
    functionName: fn.name,
    ...(ref.qualifier !== undefined ? { qualifier: ref.qualifier } : {}),
    executedVersion,
    invocationType,
    payload,
    ...(result ? { result } : {}),
  });
  const logResult =
    result && request.LogType === 'Tail'
      ? logTail(
          executionLog({
            requestId: ctx.requestId,
            version: executedVersion,
            logs: result.logs,
            durationMs: 1.5,
            memorySizeMb: version.configuration.MemorySize ?? 128,
          }),
        )
      : undefined;
  return { executedVersion, result, logResult };
}
