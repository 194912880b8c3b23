import { invalidParameter } from '../../errors/service-error';
import type { OperationHandler } from '../operation-handler';
import { closeExecution } from './execution-clock';
import { getExecution, saveExecution } from './execution-ref';

/**
 * StopDurableExecution: a running execution becomes `STOPPED` with the error given (an empty one
 * without). Operations in progress stay `STARTED`; the execution takes no more checkpoints. Stopping
 * a stopped execution answers when it stopped.
 */
export const stopDurableExecution: OperationHandler<'StopDurableExecution'> = (input, ctx) => {
  const execution = getExecution(ctx, input.DurableExecutionArn!);
  if (execution.status === 'STOPPED') return { StopTimestamp: new Date(execution.endTimestamp!) };
  if (execution.status !== 'RUNNING') {
    throw invalidParameter(`Cannot stop execution ${execution.arn}: it is already closed with status ${execution.status}.`);
  }
  const at = ctx.now.getTime();
  saveExecution(ctx, closeExecution(execution, at, 'STOPPED', { error: input.Error ?? {} }));
  return { StopTimestamp: new Date(at) };
};
