import type { Operation } from '@aws-sdk/client-lambda';
import type { OperationHandler } from '../operation-handler';
import { paginate } from '../paginate';
import { DURABLE_PAGE, durableMaxItems } from './get-durable-execution-history';
import type { StoredOperation } from './execution-record';
import { withDates } from './execution-record';
import { executionForToken } from './execution-ref';

/**
 * The operations a replay needs: children of a completed context are left out (the context's
 * result stands for them) unless the context asked to replay its children.
 */
function replayed(operations: readonly StoredOperation[]): StoredOperation[] {
  const byId = new Map(operations.map((op) => [op.Id!, op]));
  const hidden = (op: StoredOperation): boolean => {
    for (let parent = op.ParentId && byId.get(op.ParentId); parent; parent = parent.ParentId && byId.get(parent.ParentId)) {
      const completed = parent.Status !== 'STARTED' && parent.Status !== 'PENDING' && parent.Status !== 'READY';
      if (parent.Type === 'CONTEXT' && completed && !parent.ContextDetails?.ReplayChildren) return true;
    }
    return false;
  };
  return operations.filter((op) => !hidden(op));
}

/**
 * GetDurableExecutionState: the operations of a running execution in the order they started, as
 * the durable SDK reads them to replay, paged. It takes a checkpoint token of that execution.
 */
export const getDurableExecutionState: OperationHandler<'GetDurableExecutionState'> = (input, ctx) => {
  const execution = executionForToken(ctx, input.DurableExecutionArn!, input.CheckpointToken!);
  const operations = replayed(execution.operations);
  const { page, nextMarker } = paginate(operations, input.Marker, durableMaxItems(input.MaxItems), DURABLE_PAGE.defaultMax, DURABLE_PAGE.maxPerPage);
  return { Operations: page.map((op) => withDates<Operation>(op)), ...(nextMarker ? { NextMarker: nextMarker } : {}) };
};
