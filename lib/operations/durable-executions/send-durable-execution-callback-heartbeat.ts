import type { OperationHandler } from '../operation-handler';
import { openCallback } from './callback-operation';
import { saveExecution } from './execution-ref';

/** SendDurableExecutionCallbackHeartbeat: the callback's heartbeat timeout starts again from now. */
export const sendDurableExecutionCallbackHeartbeat: OperationHandler<'SendDurableExecutionCallbackHeartbeat'> = (input, ctx) => {
  const { execution, operation } = openCallback(ctx, input.CallbackId!);
  const timers = execution.callbackTimers[operation.Id!];
  if (timers?.heartbeatSeconds !== undefined) {
    const heartbeatAt = ctx.now.getTime() + timers.heartbeatSeconds * 1000;
    saveExecution(ctx, { ...execution, callbackTimers: { ...execution.callbackTimers, [operation.Id!]: { ...timers, heartbeatAt } } });
  }
  return {};
};
