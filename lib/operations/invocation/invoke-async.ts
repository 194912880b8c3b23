import type { OperationHandler } from '../operation-handler';
import { runInvocation } from './run-invocation';

/** InvokeAsync (deprecated, still in the SDK): an `Event` invoke answering `Status: 202`. */
export const invokeAsync: OperationHandler<'InvokeAsync'> = (input, ctx) => {
  const { execution } = runInvocation(ctx, { FunctionName: input.FunctionName, Payload: input.InvokeArgs, InvocationType: 'Event' });
  // The function's own code runs after the command; the caller has its 202 at once.
  if (execution) ctx.defer({ plan: execution });
  return { Status: 202 };
};
