import type { OperationHandler } from '../operation-handler';
import { completeCallback, openCallback } from './callback-operation';

/** SendDurableExecutionCallbackFailure: the callback fails with the error given. */
export const sendDurableExecutionCallbackFailure: OperationHandler<'SendDurableExecutionCallbackFailure'> = (input, ctx) => {
  completeCallback(ctx, openCallback(ctx, input.CallbackId!), { status: 'FAILED', error: input.Error ?? {} });
  return {};
};
