import type { OperationHandler } from '../operation-handler';
import { completeCallback, openCallback } from './callback-operation';

/** The result as text: the SDK sends a string or bytes (validation has refused anything else). */
const text = (result: unknown): string =>
  result === undefined ? '' : typeof result === 'string' ? result : Buffer.from(result as Uint8Array).toString('utf8');

/**
 * SendDurableExecutionCallbackSuccess: the callback succeeds with the result given. Lambda would
 * then invoke the function again to resume it; lambda-mock does not run code, so the test resumes
 * it (the next checkpoint answers the callback's result).
 */
export const sendDurableExecutionCallbackSuccess: OperationHandler<'SendDurableExecutionCallbackSuccess'> = (input, ctx) => {
  completeCallback(ctx, openCallback(ctx, input.CallbackId!), { status: 'SUCCEEDED', result: text(input.Result) });
  return {};
};
