import type { EventType, OperationAction, OperationType, OperationUpdate } from '@aws-sdk/client-lambda';
import { invalidParameter } from '../../errors/service-error';
import { closeExecution, replaceOperation } from './execution-clock';
import { appendEvent, eventError, eventPayload } from './execution-events';
import type { DurableExecutionRecord, StoredOperation } from './execution-record';
import { callbackId } from './execution-ref';

/** The actions the service accepts for each operation type. */
const ACTIONS: Readonly<Record<OperationType, readonly OperationAction[]>> = {
  EXECUTION: ['SUCCEED', 'FAIL'],
  STEP: ['START', 'SUCCEED', 'FAIL', 'RETRY'],
  WAIT: ['START', 'CANCEL'],
  CALLBACK: ['START', 'CANCEL'],
  CONTEXT: ['START', 'SUCCEED', 'FAIL'],
  CHAINED_INVOKE: ['START', 'CANCEL'],
};

type Update = Readonly<OperationUpdate>;

/** The operation fields an update names (its id, parent, name and sub-type). */
const identity = (update: Update): Pick<StoredOperation, 'Id' | 'ParentId' | 'Name' | 'SubType'> => ({
  Id: update.Id,
  ...(update.ParentId !== undefined ? { ParentId: update.ParentId } : {}),
  ...(update.Name !== undefined ? { Name: update.Name } : {}),
  ...(update.SubType !== undefined ? { SubType: update.SubType } : {}),
});

/** The record with an operation added at the end (operations are kept in the order they started). */
const addOperation = (record: DurableExecutionRecord, op: StoredOperation): DurableExecutionRecord => ({
  ...record,
  operations: [...record.operations, op],
});

/** A history event to write: its type and its details. */
type EventOf = readonly [EventType, object];

/** `{ Result }` of an operation's details, when the update carries a payload. */
const resultOf = (payload: string | undefined): { Result?: string } => (payload === undefined ? {} : { Result: payload });

/** The record with an operation put (replaced if it exists, else added) and an event about it. */
function put(record: DurableExecutionRecord, exists: boolean, op: StoredOperation, at: number, event?: EventOf): DurableExecutionRecord {
  const next = exists ? replaceOperation(record, op) : addOperation(record, op);
  return event ? { ...next, events: appendEvent(next.events, at, event[0], op, event[1]) } : next;
}

function requireNew(current: StoredOperation | undefined, type: OperationType): void {
  if (current) throw invalidParameter(`Cannot start a ${type} that already exist.`);
}

function requireStarted(current: StoredOperation | undefined, type: OperationType): asserts current is StoredOperation {
  if (current?.Status !== 'STARTED') throw invalidParameter(`Cannot cancel a ${type} that does not exist or has already completed.`);
}

function applyExecution(record: DurableExecutionRecord, update: Update, at: number): DurableExecutionRecord {
  if (update.Action === 'SUCCEED') {
    if (update.Error !== undefined) throw invalidParameter('Cannot provide an Error for SUCCEED action.');
    return closeExecution(record, at, 'SUCCEEDED', { result: update.Payload ?? '' });
  }
  if (update.Payload !== undefined) throw invalidParameter('Cannot provide a Payload for FAIL action.');
  return closeExecution(record, at, 'FAILED', { error: update.Error ?? {} });
}

function applyStep(record: DurableExecutionRecord, update: Update, current: StoredOperation | undefined, at: number): DurableExecutionRecord {
  const base: StoredOperation = current ?? { ...identity(update), Type: 'STEP', StartTimestamp: at, Status: 'STARTED', StepDetails: { Attempt: 1 } };
  const attempt = base.StepDetails?.Attempt ?? 1;
  const exists = current !== undefined;
  switch (update.Action) {
    case 'START': {
      if (current && current.Status !== 'READY') throw invalidParameter('Invalid current STEP state to start.');
      const op: StoredOperation = { ...base, Status: 'STARTED', StepDetails: { Attempt: current ? attempt + 1 : 1 } };
      return put(record, exists, op, at, ['StepStarted', {}]);
    }
    case 'SUCCEED':
    case 'FAIL': {
      if (current && current.Status !== 'STARTED' && current.Status !== 'READY') throw invalidParameter('Invalid current STEP state to close.');
      if (update.Action === 'FAIL' && update.Payload !== undefined) throw invalidParameter('Cannot provide a Payload for FAIL action.');
      if (update.Action === 'SUCCEED' && update.Error !== undefined) throw invalidParameter('Cannot provide an Error for SUCCEED action.');
      const succeeded = update.Action === 'SUCCEED';
      const op: StoredOperation = {
        ...base,
        Status: succeeded ? 'SUCCEEDED' : 'FAILED',
        EndTimestamp: at,
        StepDetails: { Attempt: attempt, ...(succeeded ? resultOf(update.Payload) : { Error: update.Error ?? {} }) },
      };
      const retry = { CurrentAttempt: attempt };
      return put(record, exists, op, at, succeeded
        ? ['StepSucceeded', { Result: eventPayload(update.Payload), RetryDetails: retry }]
        : ['StepFailed', { Error: eventError(update.Error ?? {}), RetryDetails: retry }]);
    }
    default: {
      if (current && current.Status !== 'STARTED' && current.Status !== 'READY') throw invalidParameter('Invalid current STEP state to re-attempt.');
      const delay = update.StepOptions?.NextAttemptDelaySeconds;
      if (delay === undefined) throw invalidParameter('Invalid StepOptions for the given action.');
      if (update.Error !== undefined && update.Payload !== undefined) throw invalidParameter('Cannot provide both error and payload to RETRY a STEP.');
      const op: StoredOperation = {
        ...base,
        Status: 'PENDING',
        StepDetails: {
          Attempt: attempt,
          NextAttemptTimestamp: at + delay * 1000,
          ...resultOf(update.Payload),
          ...(update.Error !== undefined ? { Error: update.Error } : {}),
        },
      };
      // A retry after an error is a failed attempt; one with a payload (a condition polled again) is not.
      const failed: EventOf | undefined = update.Error === undefined ? undefined : ['StepFailed', {
        Error: eventError(update.Error),
        RetryDetails: { CurrentAttempt: attempt, NextAttemptDelaySeconds: delay },
      }];
      return put(record, exists, op, at, failed);
    }
  }
}

function applyWait(record: DurableExecutionRecord, update: Update, current: StoredOperation | undefined, at: number): DurableExecutionRecord {
  if (update.Action === 'START') {
    requireNew(current, 'WAIT');
    const seconds = update.WaitOptions?.WaitSeconds;
    if (seconds === undefined) throw invalidParameter('Invalid WaitOptions for the given action.');
    const end = at + seconds * 1000;
    const op: StoredOperation = { ...identity(update), Type: 'WAIT', StartTimestamp: at, Status: 'STARTED', WaitDetails: { ScheduledEndTimestamp: end } };
    return put(record, false, op, at, ['WaitStarted', { Duration: seconds, ScheduledEndTimestamp: end }]);
  }
  requireStarted(current, 'WAIT');
  return put(record, true, { ...current, Status: 'CANCELLED', EndTimestamp: at }, at, ['WaitCancelled', update.Error ? { Error: eventError(update.Error) } : {}]);
}

function applyCallback(record: DurableExecutionRecord, update: Update, current: StoredOperation | undefined, at: number): DurableExecutionRecord {
  if (update.Action === 'START') {
    requireNew(current, 'CALLBACK');
    const id = callbackId(record.arn, update.Id!);
    const timeout = update.CallbackOptions?.TimeoutSeconds ?? 0;
    const heartbeat = update.CallbackOptions?.HeartbeatTimeoutSeconds ?? 0;
    const op: StoredOperation = { ...identity(update), Type: 'CALLBACK', StartTimestamp: at, Status: 'STARTED', CallbackDetails: { CallbackId: id } };
    const next = put(record, false, op, at, ['CallbackStarted', {
      CallbackId: id,
      ...(heartbeat > 0 ? { HeartbeatTimeout: heartbeat } : {}),
      ...(timeout > 0 ? { Timeout: timeout } : {}),
    }]);
    const timers = {
      ...(timeout > 0 ? { timeoutAt: at + timeout * 1000 } : {}),
      ...(heartbeat > 0 ? { heartbeatSeconds: heartbeat, heartbeatAt: at + heartbeat * 1000 } : {}),
    };
    return { ...next, callbackTimers: { ...next.callbackTimers, [update.Id!]: timers } };
  }
  requireStarted(current, 'CALLBACK');
  return put(record, true, { ...current, Status: 'CANCELLED', EndTimestamp: at }, at);
}

function applyContext(record: DurableExecutionRecord, update: Update, current: StoredOperation | undefined, at: number): DurableExecutionRecord {
  if (update.Action === 'START') {
    requireNew(current, 'CONTEXT');
    const replay = update.ContextOptions?.ReplayChildren;
    const op: StoredOperation = {
      ...identity(update),
      Type: 'CONTEXT',
      StartTimestamp: at,
      Status: 'STARTED',
      ...(replay !== undefined ? { ContextDetails: { ReplayChildren: replay } } : {}),
    };
    return put(record, false, op, at, ['ContextStarted', {}]);
  }
  if (current && current.Status !== 'STARTED') throw invalidParameter('Invalid current CONTEXT state to close.');
  const base: StoredOperation = current ?? { ...identity(update), Type: 'CONTEXT', StartTimestamp: at, Status: 'STARTED' };
  const succeeded = update.Action === 'SUCCEED';
  const op: StoredOperation = {
    ...base,
    Status: succeeded ? 'SUCCEEDED' : 'FAILED',
    EndTimestamp: at,
    ContextDetails: { ...base.ContextDetails, ...(succeeded ? resultOf(update.Payload) : { Error: update.Error ?? {} }) },
  };
  return put(record, current !== undefined, op, at, succeeded
    ? ['ContextSucceeded', { Result: eventPayload(update.Payload) }]
    : ['ContextFailed', { Error: eventError(update.Error ?? {}) }]);
}

function applyChainedInvoke(record: DurableExecutionRecord, update: Update, current: StoredOperation | undefined, at: number): DurableExecutionRecord {
  if (update.Action === 'START') {
    requireNew(current, 'CHAINED_INVOKE');
    const options = update.ChainedInvokeOptions;
    if (options?.FunctionName === undefined) throw invalidParameter('Invalid ChainedInvokeOptions for the given action.');
    const op: StoredOperation = { ...identity(update), Type: 'CHAINED_INVOKE', StartTimestamp: at, Status: 'STARTED' };
    return put(record, false, op, at, ['ChainedInvokeStarted', {
      FunctionName: options.FunctionName,
      ...(options.TenantId !== undefined ? { TenantId: options.TenantId } : {}),
      Input: eventPayload(update.Payload),
    }]);
  }
  requireStarted(current, 'CHAINED_INVOKE');
  return put(record, true, { ...current, Status: 'STOPPED', EndTimestamp: at }, at, ['ChainedInvokeStopped', { Error: eventError(update.Error ?? {}) }]);
}

/**
 * Applies one checkpointed operation update, as the service does: the action must suit the
 * operation type and the operation's current status, and each transition writes the operation and
 * the history event it causes. Returns the record and the id of the operation the update changed.
 */
export function applyUpdate(record: DurableExecutionRecord, update: Update, at: number): { record: DurableExecutionRecord; operationId: string } {
  const type = update.Type!;
  if (!ACTIONS[type]?.includes(update.Action!)) throw invalidParameter('Invalid action for the given operation type.');
  if (record.status !== 'RUNNING') throw invalidParameter('Cannot update operations of a closed execution.');
  if (type === 'EXECUTION') return { record: applyExecution(record, update, at), operationId: record.id };
  const current = record.operations.find((op) => op.Id === update.Id);
  if (current && current.Type !== type) throw invalidParameter(`Operation ${update.Id} is of type ${current.Type}, not ${type}.`);
  const apply = { STEP: applyStep, WAIT: applyWait, CALLBACK: applyCallback, CONTEXT: applyContext, CHAINED_INVOKE: applyChainedInvoke }[type];
  return { record: apply(record, update, current, at), operationId: update.Id! };
}
