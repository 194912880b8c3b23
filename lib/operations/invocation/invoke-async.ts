import type { OperationHandler } from '../operation-handler';
import { runInvocation } from './run-invocation';

/** InvokeAsync (deprecated, still in the SDK): an `Event` invoke answering `Status: 202`. */
export const invokeAsync: OperationHandler<'InvokeAsync'> = (input, ctx) => {
  runInvocation(ctx, { FunctionName: input.FunctionName, Payload: input.InvokeArgs, InvocationType: 'Event' });
  return { Status: 202 };
};
