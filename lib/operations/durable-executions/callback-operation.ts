import { invalidParameter, ServiceError } from '../../errors/service-error';
import type { OperationContext } from '../operation-handler';
import { markUpdated, replaceOperation } from './execution-clock';
import { appendEvent } from './execution-events';
import type { DurableExecutionRecord, StoredOperation } from './execution-record';
import { findExecution, parseCallbackId, saveExecution } from './execution-ref';

/** The running callback a callback id names, and its execution. */
export interface OpenCallback {
  readonly execution: DurableExecutionRecord;
  readonly operation: StoredOperation;
}

/**
 * The callback an external system answers: it must be one this region issued, of a running
 * execution, and still waiting. A callback that timed out answers `CallbackTimeoutException`.
 */
export function openCallback(ctx: OperationContext, id: string): OpenCallback {
  const ref = parseCallbackId(id);
  const execution = ref && findExecution(ctx, ref.executionArn);
  const operation = execution?.operations.find((op) => op.Id === ref!.operationId && op.Type === 'CALLBACK');
  if (!execution || !operation) throw invalidParameter('Invalid callback ID');
  if (operation.Status === 'TIMED_OUT') throw new ServiceError('CallbackTimeoutException', 'Callback timed out');
  if (execution.status !== 'RUNNING') throw invalidParameter(`The durable execution is closed with status ${execution.status}.`);
  if (operation.Status !== 'STARTED') throw invalidParameter(`Callback has already completed with status ${operation.Status}.`);
  return { execution, operation };
}

/** Completes a callback (succeeded or failed) with its history event; the next checkpoint answers it. */
export function completeCallback(
  ctx: OperationContext,
  { execution, operation }: OpenCallback,
  outcome: { status: 'SUCCEEDED'; result: string } | { status: 'FAILED'; error: NonNullable<StoredOperation['CallbackDetails']>['Error'] },
): void {
  const at = ctx.now.getTime();
  const details = outcome.status === 'SUCCEEDED' ? { Result: outcome.result } : { Error: outcome.error ?? {} };
  const completed = replaceOperation(execution, {
    ...operation,
    Status: outcome.status,
    EndTimestamp: at,
    CallbackDetails: { ...operation.CallbackDetails, ...details },
  });
  const event = outcome.status === 'SUCCEEDED'
    ? appendEvent(execution.events, at, 'CallbackSucceeded', operation, { Result: { Payload: outcome.result } })
    : appendEvent(execution.events, at, 'CallbackFailed', operation, { Error: { Payload: outcome.error ?? {} } });
  const { [operation.Id!]: _timers, ...callbackTimers } = execution.callbackTimers;
  saveExecution(ctx, markUpdated({ ...completed, events: event, callbackTimers }, operation.Id!));
}
