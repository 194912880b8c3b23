import type { ErrorObject, ExecutionStatus } from '@aws-sdk/client-lambda';
import { appendEvent, eventError } from './execution-events';
import type { DurableExecutionRecord, StoredOperation } from './execution-record';

const DAY_MS = 86_400_000;

/** The record with one operation replaced (by id). */
export function replaceOperation(record: DurableExecutionRecord, next: StoredOperation): DurableExecutionRecord {
  return { ...record, operations: record.operations.map((op) => (op.Id === next.Id ? next : op)) };
}

/** The record with an operation marked as changed by the service, for the next checkpoint answer. */
export const markUpdated = (record: DurableExecutionRecord, id: string): DurableExecutionRecord =>
  record.updatedOperationIds.includes(id) ? record : { ...record, updatedOperationIds: [...record.updatedOperationIds, id] };

/**
 * Closes a running execution: its status, end, result or error, the `EXECUTION` operation's status,
 * and the closing history event. A closed execution takes no more checkpoints: it has no token.
 */
export function closeExecution(
  record: DurableExecutionRecord,
  at: number,
  status: Exclude<ExecutionStatus, 'RUNNING'>,
  outcome: { result?: string; error?: ErrorObject },
): DurableExecutionRecord {
  const execution = record.operations.find((op) => op.Type === 'EXECUTION')!;
  const closed = replaceOperation(record, { ...execution, Status: status, EndTimestamp: at });
  const { checkpointToken: _token, ...rest } = closed;
  const eventType = ({ SUCCEEDED: 'ExecutionSucceeded', FAILED: 'ExecutionFailed', TIMED_OUT: 'ExecutionTimedOut', STOPPED: 'ExecutionStopped' } as const)[status];
  const details = status === 'SUCCEEDED' ? { Result: outcome.result === undefined ? {} : { Payload: outcome.result } } : { Error: eventError(outcome.error) };
  return {
    ...rest,
    status,
    endTimestamp: at,
    ...(outcome.result !== undefined ? { result: outcome.result } : {}),
    ...(outcome.error !== undefined ? { error: outcome.error } : {}),
    events: appendEvent(record.events, at, eventType, { Id: execution.Id, Name: record.name }, details),
  };
}

/** A timer that came due: when, and what it does to the record. */
interface DueTimer {
  readonly at: number;
  apply(record: DurableExecutionRecord): DurableExecutionRecord;
}

/** The timers of a running execution that are due by `limit`: waits ending, step retries ready, callbacks timing out. */
function dueTimers(record: DurableExecutionRecord, limit: number): DueTimer[] {
  const due: DueTimer[] = [];
  for (const op of record.operations) {
    if (op.Type === 'WAIT' && op.Status === 'STARTED') {
      const end = op.WaitDetails?.ScheduledEndTimestamp;
      if (end !== undefined && end <= limit) due.push({ at: end, apply: (r) => completeWait(r, op.Id!, end) });
    } else if (op.Type === 'STEP' && op.Status === 'PENDING') {
      const next = op.StepDetails?.NextAttemptTimestamp;
      if (next !== undefined && next <= limit) due.push({ at: next, apply: (r) => readyStep(r, op.Id!) });
    } else if (op.Type === 'CALLBACK' && op.Status === 'STARTED') {
      const timers = record.callbackTimers[op.Id!];
      const deadlines = [timers?.timeoutAt, timers?.heartbeatAt].filter((t): t is number => t !== undefined);
      const at = deadlines.length > 0 ? Math.min(...deadlines) : undefined;
      if (at !== undefined && at <= limit) {
        const reason = at === timers?.timeoutAt ? 'Callback timed out.' : 'Callback timed out: no heartbeat was received in time.';
        due.push({ at, apply: (r) => timeOutCallback(r, op.Id!, at, reason) });
      }
    }
  }
  return due.sort((a, b) => a.at - b.at);
}

function completeWait(record: DurableExecutionRecord, id: string, at: number): DurableExecutionRecord {
  const op = record.operations.find((o) => o.Id === id)!;
  const next = replaceOperation(record, { ...op, Status: 'SUCCEEDED', EndTimestamp: at });
  const Duration = Math.round((at - op.StartTimestamp!) / 1000);
  return markUpdated({ ...next, events: appendEvent(record.events, at, 'WaitSucceeded', op, { Duration }) }, id);
}

function readyStep(record: DurableExecutionRecord, id: string): DurableExecutionRecord {
  const op = record.operations.find((o) => o.Id === id)!;
  const { NextAttemptTimestamp: _next, ...details } = op.StepDetails ?? {};
  return markUpdated(replaceOperation(record, { ...op, Status: 'READY', StepDetails: details }), id);
}

function timeOutCallback(record: DurableExecutionRecord, id: string, at: number, message: string): DurableExecutionRecord {
  const op = record.operations.find((o) => o.Id === id)!;
  const error: ErrorObject = { ErrorType: 'CallbackTimeout', ErrorMessage: message };
  const next = replaceOperation(record, { ...op, Status: 'TIMED_OUT', EndTimestamp: at, CallbackDetails: { ...op.CallbackDetails, Error: error } });
  return markUpdated({ ...next, events: appendEvent(record.events, at, 'CallbackTimedOut', op, { Error: eventError(error) }) }, id);
}

/**
 * The execution as it is at `now`: what came due since it was last seen has happened, in order
 * (waits end, retries become `READY`, callbacks time out), and past its `ExecutionTimeout` it is
 * `TIMED_OUT`. Nothing runs in the background: the service's clock is read whenever the execution is.
 */
export function advanceExecution(record: DurableExecutionRecord, now: number): DurableExecutionRecord {
  if (record.status !== 'RUNNING') return record;
  const timeout = record.durableConfig.ExecutionTimeout;
  const deadline = timeout === undefined ? Number.POSITIVE_INFINITY : record.startTimestamp + timeout * 1000;
  let next = record;
  for (const timer of dueTimers(record, Math.min(now, deadline))) next = timer.apply(next);
  if (now >= deadline) {
    next = closeExecution(next, deadline, 'TIMED_OUT', { error: { ErrorType: 'ExecutionTimeout', ErrorMessage: `Execution timed out after ${timeout} seconds.` } });
  }
  return next;
}

/** Whether a closed execution is past its retention period, after which the service no longer knows it. */
export const isExpired = (record: DurableExecutionRecord, now: number): boolean =>
  record.endTimestamp !== undefined && now >= record.endTimestamp + (record.durableConfig.RetentionPeriodInDays ?? 14) * DAY_MS;
