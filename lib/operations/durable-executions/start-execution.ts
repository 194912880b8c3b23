import type { DurableConfig, ErrorObject, InvocationType } from '@aws-sdk/client-lambda';
import { randomUUID } from 'node:crypto';
import { ServiceError } from '../../errors/service-error';
import type { StoredInvokeResult } from '../../invoke/invoke-result';
import type { OperationContext } from '../operation-handler';
import { closeExecution } from './execution-clock';
import { appendEvent, eventError } from './execution-events';
import type { DurableExecutionRecord } from './execution-record';
import { executionArn, findExecution, nextCheckpointToken, saveExecution } from './execution-ref';

/** What an invoke of a durable function needs to start its execution. */
export interface DurableInvocationRequest {
  readonly functionName: string;
  readonly durableConfig: Readonly<DurableConfig>;
  /** The version that runs: `$LATEST` or a number (an alias is already resolved). */
  readonly executedVersion: string;
  readonly invocationType: InvocationType;
  /** The request payload, as text. */
  readonly payload: string;
  readonly executionName: string | undefined;
}

/** The execution an invoke started (or found by name), and what the invoke answers. */
export interface DurableInvocation {
  readonly durableExecutionArn: string;
  /** What a synchronous invoke answers; `undefined` for `Event` invokes. */
  readonly result: StoredInvokeResult | undefined;
}

/** The `Status` of a durable handler's response, as the durable execution SDK returns it to Lambda. */
const HANDLER_STATUSES = new Set(['SUCCEEDED', 'FAILED', 'PENDING']);

type HandlerOutcome =
  | { readonly status: 'SUCCEEDED'; readonly result: string }
  | { readonly status: 'FAILED'; readonly error: ErrorObject }
  | { readonly status: 'PENDING' };

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** A function error's payload (`{ errorMessage, errorType, stackTrace }`) as an `ErrorObject`. */
function errorOf(payload: string): ErrorObject {
  const body = parse(payload) as { errorMessage?: unknown; errorType?: unknown; stackTrace?: unknown } | undefined;
  if (body === null || typeof body !== 'object') return { ErrorMessage: payload };
  return {
    ...(typeof body.errorType === 'string' ? { ErrorType: body.errorType } : {}),
    ...(typeof body.errorMessage === 'string' ? { ErrorMessage: body.errorMessage } : {}),
    ...(Array.isArray(body.stackTrace) ? { StackTrace: body.stackTrace.map(String) } : {}),
  };
}

/**
 * Reads what the function answered. A durable handler answers `{"Status":"SUCCEEDED","Result":…}`,
 * `{"Status":"FAILED","Error":{…}}` or `{"Status":"PENDING"}` (suspended: the execution goes on); any
 * other payload is taken as the handler's return value, which the durable SDK would have wrapped.
 */
function outcomeOf(answer: StoredInvokeResult): HandlerOutcome {
  if (answer.functionError) return { status: 'FAILED', error: errorOf(answer.payload) };
  const body = parse(answer.payload) as { Status?: unknown; Result?: unknown; Error?: ErrorObject } | undefined;
  if (body === null || typeof body !== 'object' || !HANDLER_STATUSES.has(body.Status as string)) {
    return { status: 'SUCCEEDED', result: answer.payload };
  }
  if (body.Status === 'PENDING') return { status: 'PENDING' };
  if (body.Status === 'FAILED') return { status: 'FAILED', error: body.Error ?? {} };
  const result = body.Result === undefined ? '' : typeof body.Result === 'string' ? body.Result : JSON.stringify(body.Result);
  return { status: 'SUCCEEDED', result };
}

/**
 * What a synchronous invoke answers for an execution: its result, its error as a function error, or
 * `null` while it runs (the service would hold the call until it closes; lambda-mock cannot wait).
 */
function answerOf(execution: DurableExecutionRecord): StoredInvokeResult {
  if (execution.status === 'SUCCEEDED') return { payload: execution.result ?? '' };
  if (execution.status === 'RUNNING') return { payload: 'null' };
  const error = execution.error ?? {};
  return { payload: JSON.stringify({ errorType: error.ErrorType, errorMessage: error.ErrorMessage }), functionError: 'Unhandled' };
}

/** An execution of this function already started under this name, if any. */
function namedExecution(ctx: OperationContext, functionName: string, name: string): DurableExecutionRecord | undefined {
  for (const candidate of ctx.table('durableExecutions').values()) {
    if (candidate.functionName === functionName && candidate.name === name) return findExecution(ctx, candidate.arn);
  }
  return undefined;
}

/** A new `RUNNING` execution: its `EXECUTION` operation started, its `ExecutionStarted` event, its first token. */
function newExecution(ctx: OperationContext, request: DurableInvocationRequest): DurableExecutionRecord {
  const id = randomUUID();
  const name = request.executionName ?? randomUUID();
  const now = ctx.now.getTime();
  const record: DurableExecutionRecord = {
    arn: executionArn(ctx, request.functionName, request.executedVersion, name, id),
    name,
    id,
    functionName: request.functionName,
    version: request.executedVersion,
    status: 'RUNNING',
    inputPayload: request.payload,
    startTimestamp: now,
    durableConfig: request.durableConfig,
    operations: [{ Id: id, Type: 'EXECUTION', StartTimestamp: now, Status: 'STARTED', ExecutionDetails: { InputPayload: request.payload } }],
    events: appendEvent([], now, 'ExecutionStarted', { Id: id, Name: name }, {
      Input: { Payload: request.payload },
      ExecutionTimeout: request.durableConfig.ExecutionTimeout ?? 0,
    }),
    tokenSequence: 0,
    updatedOperationIds: [],
    callbackTimers: {},
  };
  return { ...record, ...nextCheckpointToken(record) };
}

/** The execution after one synchronous invocation of the function answered `answer`. */
function afterInvocation(ctx: OperationContext, record: DurableExecutionRecord, answer: StoredInvokeResult): DurableExecutionRecord {
  const now = ctx.now.getTime();
  const outcome = outcomeOf(answer);
  const failed = outcome.status === 'FAILED' ? { Error: eventError(outcome.error) } : {};
  const completed: DurableExecutionRecord = {
    ...record,
    events: appendEvent(record.events, now, 'InvocationCompleted', {}, { StartTimestamp: now, EndTimestamp: now, RequestId: ctx.requestId, ...failed }),
  };
  if (outcome.status === 'PENDING') return completed;
  return outcome.status === 'SUCCEEDED'
    ? closeExecution(completed, now, 'SUCCEEDED', { result: outcome.result })
    : closeExecution(completed, now, 'FAILED', { error: outcome.error });
}

/**
 * Starts the durable execution an invoke of a durable function asks for. With an execution name
 * already used for this function, the same payload finds that execution again (nothing runs) and
 * another payload is refused (`DurableExecutionAlreadyStartedException`). A synchronous invoke runs
 * the function once: the next queued result (else the payload echoed) is its handler's response,
 * which closes the execution or leaves it `RUNNING` (`{"Status":"PENDING"}`). An `Event` invoke
 * leaves it `RUNNING` for the test to drive, checkpointing as the durable SDK would.
 */
export function startDurableInvocation(ctx: OperationContext, request: DurableInvocationRequest): DurableInvocation | undefined {
  if (request.invocationType === 'DryRun') return undefined;
  const existing = request.executionName === undefined ? undefined : namedExecution(ctx, request.functionName, request.executionName);
  if (existing) {
    if (existing.inputPayload !== request.payload) {
      throw new ServiceError('DurableExecutionAlreadyStartedException', `Execution already started: ${existing.arn}`);
    }
    return { durableExecutionArn: existing.arn, result: request.invocationType === 'RequestResponse' ? answerOf(existing) : undefined };
  }
  let execution = newExecution(ctx, request);
  let result: StoredInvokeResult | undefined;
  if (request.invocationType === 'RequestResponse') {
    const answer = ctx.takeInvokeResult() ?? { payload: request.payload };
    execution = afterInvocation(ctx, execution, answer);
    // A function error is answered as the function gave it; otherwise what the execution made of the answer.
    result = answer.functionError ? answer : { ...answerOf(execution), ...(answer.logs !== undefined ? { logs: answer.logs } : {}) };
  }
  saveExecution(ctx, execution);
  return { durableExecutionArn: execution.arn, result };
}
