import type { OperationHandler } from '../operation-handler';
import { runInvocation } from './run-invocation';

/** InvokeAsync (deprecated, still in the SDK): an `Event` invoke answering `Status: 202`. */
export const invokeAsync: OperationHandler<'InvokeAsync'> = (input, ctx) => {
  // The function's own code, if it has some, runs after the command: the caller has its 202 at once.
  runInvocation(ctx, { FunctionName: input.FunctionName, Payload: input.InvokeArgs, InvocationType: 'Event' });
  return { Status: 202 };
};
