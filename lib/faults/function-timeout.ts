import type { StoredInvokeResult } from '../invoke/invoke-result';
import { getFunctionState, getVersion, parseFunctionName } from '../operations/functions/function-ref';
import type { OperationContext } from '../operations/operation-handler';

/** A function's `Timeout` when none is configured. */
const DEFAULT_TIMEOUT_SECONDS = 3;

/**
 * What an invocation that ran past its timeout returns, as the service reports it: the runtime's
 * `Sandbox.Timedout` payload naming the request id, `FunctionError: 'Unhandled'`, and the timeout
 * line in the log. `seconds` defaults to the invoked version's configured `Timeout`. It is taken while
 * the Invoke handler runs, once the function has been found.
 *
 * @example
 * ```ts
 * timedOutResult(ctx, { FunctionName: 'orders' }, undefined).payload;
 * // '{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: … Error: Task timed out after 3.00 seconds"}'
 * ```
 */
export function timedOutResult(
  ctx: OperationContext,
  input: { readonly FunctionName?: string; readonly Qualifier?: string },
  seconds: number | undefined,
): StoredInvokeResult {
  const timeout = (seconds ?? configuredTimeout(ctx, input)).toFixed(2);
  return {
    payload: JSON.stringify({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${ctx.requestId} Error: Task timed out after ${timeout} seconds`,
    }),
    functionError: 'Unhandled',
    logs: `${ctx.now.toISOString()} ${ctx.requestId} Task timed out after ${timeout} seconds`,
  };
}

function configuredTimeout(ctx: OperationContext, input: { readonly FunctionName?: string; readonly Qualifier?: string }): number {
  const ref = parseFunctionName(ctx, input.FunctionName ?? '', input.Qualifier);
  const fn = getFunctionState(ctx, ref);
  let version = fn.latest;
  try {
    version = getVersion(ctx, fn, ref);
  } catch {
    // A qualifier getVersion does not resolve (an alias): the Invoke handler found it, so only the timeout read falls back.
  }
  return version.configuration.Timeout ?? DEFAULT_TIMEOUT_SECONDS;
}
