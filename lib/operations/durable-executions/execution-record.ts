import type { DurableConfig, ErrorObject, Event, ExecutionStatus, Operation } from '@aws-sdk/client-lambda';

/**
 * An answer type as the store keeps it: every `Date` becomes milliseconds since the epoch, so that
 * a record holds only frozen plain data (a frozen `Date` can still be changed with `setTime`).
 */
export type Stored<T> = T extends Date
  ? number
  : T extends readonly (infer U)[]
    ? readonly Stored<U>[]
    : T extends object
      ? { readonly [K in keyof T]: Stored<T[K]> }
      : T;

/** One durable operation (step, wait, callback, context, chained invoke, or the execution itself). */
export type StoredOperation = Stored<Operation>;

/** One history event. */
export type StoredEvent = Stored<Event>;

/** The deadlines of a started callback, by which the service times it out. */
export interface CallbackTimers {
  /** When the callback times out (its `TimeoutSeconds` after it started), if it has a timeout. */
  readonly timeoutAt?: number;
  /** Its `HeartbeatTimeoutSeconds`, if any: each heartbeat moves `heartbeatAt` that far ahead. */
  readonly heartbeatSeconds?: number;
  readonly heartbeatAt?: number;
}

/** The answer a checkpoint gave, kept so that a retry with the same `ClientToken` gets it again. */
export interface CheckpointAnswer {
  readonly inboundToken: string;
  readonly clientToken: string;
  readonly checkpointToken?: string;
  readonly operations: readonly StoredOperation[];
}

/**
 * A durable execution: what one invocation of a durable function started. It is `RUNNING` until the
 * function's result, a checkpoint of the `EXECUTION` operation, `StopDurableExecution` or its
 * timeout closes it.
 *
 * @example
 * ```ts
 * const execution = lambda.state.region('us-east-1').durableExecutions.get(DurableExecutionArn!);
 * expect(execution?.status).toBe('RUNNING');
 * const token = execution?.checkpointToken; // what the function's invocation event carries
 * ```
 */
export interface DurableExecutionRecord {
  readonly arn: string;
  /** `DurableExecutionName` as given to Invoke, or the id generated for it. */
  readonly name: string;
  /** The execution's id: the last part of its ARN and the id of its `EXECUTION` operation. */
  readonly id: string;
  readonly functionName: string;
  /** The version that runs it: `$LATEST` or a number. */
  readonly version: string;
  readonly status: ExecutionStatus;
  readonly inputPayload: string;
  readonly result?: string;
  readonly error?: ErrorObject;
  readonly startTimestamp: number;
  readonly endTimestamp?: number;
  /** The function's durable settings when the execution started (with the service's defaults). */
  readonly durableConfig: Readonly<DurableConfig>;
  /** Operations in the order they started (the `EXECUTION` operation first). */
  readonly operations: readonly StoredOperation[];
  readonly events: readonly StoredEvent[];
  /** The token the next checkpoint must carry; none once the execution is closed. */
  readonly checkpointToken?: string;
  /** How many checkpoint tokens the execution has issued. */
  readonly tokenSequence: number;
  /** Operations the service changed (a callback answered, a wait elapsed) since the last checkpoint answer. */
  readonly updatedOperationIds: readonly string[];
  /** Timers of started callbacks, by operation id. */
  readonly callbackTimers: Readonly<Record<string, CallbackTimers>>;
  readonly lastCheckpoint?: CheckpointAnswer;
}

const isTimestampKey = (key: string): boolean => key.endsWith('Timestamp');

/** An answer built from stored data: every `…Timestamp` member becomes a `Date` again. */
export function withDates<T>(stored: Stored<T>): T {
  return convert(stored) as T;
}

function convert(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convert);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    out[key] = isTimestampKey(key) && typeof member === 'number' ? new Date(member) : convert(member);
  }
  return out;
}
