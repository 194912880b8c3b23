import type { Operation } from '@aws-sdk/client-lambda';
import type { OperationHandler } from '../operation-handler';
import { applyUpdate } from './apply-update';
import { type CheckpointAnswer, type DurableExecutionRecord, withDates } from './execution-record';
import { executionForToken, findExecution, invalidToken, nextCheckpointToken, saveExecution } from './execution-ref';

const answerOf = (answer: CheckpointAnswer) => ({
  ...(answer.checkpointToken !== undefined ? { CheckpointToken: answer.checkpointToken } : {}),
  NewExecutionState: { Operations: answer.operations.map((op) => withDates<Operation>(op)) },
});

/** A retry of the last checkpoint (same token, same `ClientToken`) gets the answer that checkpoint got. */
function retriedAnswer(record: DurableExecutionRecord | undefined, token: string, clientToken: string | undefined): CheckpointAnswer | undefined {
  const last = record?.lastCheckpoint;
  return last && clientToken !== undefined && last.inboundToken === token && last.clientToken === clientToken ? last : undefined;
}

/**
 * CheckpointDurableExecution: applies the function's operation updates in order (atomically: one
 * refused update refuses them all), consumes the checkpoint token and issues the next one (none
 * once the updates closed the execution), and answers every operation the updates changed plus
 * those the service changed since the last checkpoint (callbacks answered, waits elapsed).
 */
export const checkpointDurableExecution: OperationHandler<'CheckpointDurableExecution'> = (input, ctx) => {
  const token = input.CheckpointToken!;
  const retried = retriedAnswer(findExecution(ctx, input.DurableExecutionArn!), token, input.ClientToken);
  if (retried) return answerOf(retried);
  let record = executionForToken(ctx, input.DurableExecutionArn!, token);
  if (token !== record.checkpointToken) throw invalidToken();
  const changed = new Set(record.updatedOperationIds);
  const at = ctx.now.getTime();
  for (const update of input.Updates ?? []) {
    const applied = applyUpdate(record, update, at);
    record = applied.record;
    changed.add(applied.operationId);
  }
  const next: Partial<ReturnType<typeof nextCheckpointToken>> = record.status === 'RUNNING' ? nextCheckpointToken(record) : {};
  const answer: CheckpointAnswer = {
    inboundToken: token,
    clientToken: input.ClientToken ?? '',
    ...(next.checkpointToken !== undefined ? { checkpointToken: next.checkpointToken } : {}),
    operations: record.operations.filter((op) => changed.has(op.Id!)),
  };
  saveExecution(ctx, {
    ...record,
    ...next,
    updatedOperationIds: [],
    ...(input.ClientToken !== undefined ? { lastCheckpoint: answer } : {}),
  });
  return answerOf(answer);
};
