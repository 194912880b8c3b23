import type { ThrottleReason } from '@aws-sdk/client-lambda';
import { ServiceError, type ErrorType } from '../errors/service-error';

/** What a fault knows of the call it answers. */
export interface FaultContext {
  /** The operation, e.g. `Invoke` or `GetFunction`. */
  readonly operation: string;
}

/**
 * A service error to answer with, for `rejects()`/`rejectsOnce()`: built anew for every answer, so
 * each one has its own request id and `$metadata`, and becomes the SDK's own exception class.
 *
 * @example
 * ```ts
 * lambda.on(InvokeCommand).rejectsOnce(tooManyRequests({ retryAfterSeconds: 1 }));
 * ```
 */
export class ServiceFault {
  /** @internal Use `tooManyRequests()`, `serviceException()` & co., or pass an SDK exception to `rejects()`. */
  constructor(
    /** The service's error code, e.g. `TooManyRequestsException`. */
    readonly code: string,
    private readonly build: (context: FaultContext) => ServiceError,
  ) {}

  /** The service error this fault answers in one call. */
  toServiceError(context: FaultContext): ServiceError {
    return this.build(context);
  }
}

/**
 * A function that runs past its timeout. The service reports it as it reports every unhandled
 * function error: the Invoke call succeeds (200) with `FunctionError: 'Unhandled'` and the
 * runtime's `Sandbox.Timedout` payload, so a `rejects(functionTimeout())` call resolves, as it would
 * against AWS. Only for `InvokeCommand`.
 *
 * @example
 * ```ts
 * lambda.on(InvokeCommand, { FunctionName: 'orders' }).rejectsOnce(functionTimeout());
 * ```
 */
export class FunctionTimeoutFault {
  /** @internal Use `functionTimeout()`. */
  constructor(
    /** The timeout reported, in seconds; `undefined`: the function's configured `Timeout`. */
    readonly seconds: number | undefined,
  ) {}
}

/**
 * A fault `rejects()`/`rejectsOnce()` accept besides an `Error`.
 *
 * @example
 * ```ts
 * const faults: LambdaFault[] = [tooManyRequests(), serviceException(), functionTimeout(30)];
 * ```
 */
export type LambdaFault = ServiceFault | FunctionTimeoutFault;

/**
 * Options every convenience fault takes.
 *
 * @example
 * ```ts
 * serviceException({ message: 'We encountered an internal error. Please try again.' });
 * ```
 */
export interface FaultOptions {
  /** The error message, instead of the service's usual one. */
  readonly message?: string;
}

/**
 * Options of `tooManyRequests()`.
 *
 * @example
 * ```ts
 * tooManyRequests({ reason: 'FunctionInvocationRateLimitExceeded', retryAfterSeconds: 1 });
 * ```
 */
export interface TooManyRequestsOptions extends FaultOptions {
  /**
   * The throttle's `Reason`. Default: `ConcurrentInvocationLimitExceeded` for Invoke, InvokeAsync and
   * InvokeWithResponseStream, `CallerRateLimitExceeded` (the API request rate) for other operations.
   */
  readonly reason?: ThrottleReason;
  /**
   * Sent as the `Retry-After` header and the `retryAfterSeconds` member: the SDK's retry strategy
   * waits at least this long (up to 5 s more than its own backoff) before the next attempt.
   */
  readonly retryAfterSeconds?: number;
}

const INVOKE_OPERATIONS = new Set(['Invoke', 'InvokeAsync', 'InvokeWithResponseStream']);

const messageOf = (options: FaultOptions | undefined, fallback: string): string => {
  const message = options?.message;
  if (message === undefined) return fallback;
  if (typeof message !== 'string') throw new TypeError(`lambda-mock: a fault's message is a string, not ${typeof message}`);
  return message;
};

const fixedFault = (code: string, type: ErrorType, message: string): ServiceFault =>
  new ServiceFault(code, () => new ServiceError(code, message, { type }));

/**
 * `TooManyRequestsException` (429) as Lambda throttles: `Rate Exceeded.` with `Reason`
 * `ConcurrentInvocationLimitExceeded` for an invoke, `Rate exceeded` with `CallerRateLimitExceeded`
 * for any other API; `retryAfterSeconds` adds the `Retry-After` header. The SDK retries it.
 *
 * @example
 * ```ts
 * lambda.on(InvokeCommand).rejectsOnce(tooManyRequests({ reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' }));
 * ```
 */
export function tooManyRequests(options: TooManyRequestsOptions = {}): ServiceFault {
  const { reason, retryAfterSeconds } = options;
  if (retryAfterSeconds !== undefined && (typeof retryAfterSeconds !== 'number' || !Number.isFinite(retryAfterSeconds) || retryAfterSeconds < 0)) {
    throw new TypeError(`lambda-mock: retryAfterSeconds is a number of seconds, not ${String(retryAfterSeconds)}`);
  }
  const message = options.message === undefined ? undefined : messageOf(options, '');
  return new ServiceFault('TooManyRequestsException', ({ operation }) => {
    const invoking = INVOKE_OPERATIONS.has(operation);
    const members: Record<string, unknown> = { Reason: reason ?? (invoking ? 'ConcurrentInvocationLimitExceeded' : 'CallerRateLimitExceeded') };
    // A header member: the SDK reads it as a string, and its retry strategy reads the header.
    if (retryAfterSeconds !== undefined) members.retryAfterSeconds = String(retryAfterSeconds);
    return new ServiceError('TooManyRequestsException', message ?? (invoking ? 'Rate Exceeded.' : 'Rate exceeded'), { members });
  });
}

/**
 * `ServiceException` (500): Lambda's internal error. The SDK retries it as a transient error.
 *
 * @example
 * ```ts
 * lambda.on(GetFunctionCommand).rejects(serviceException());
 * ```
 */
export const serviceException = (options?: FaultOptions): ServiceFault =>
  fixedFault('ServiceException', 'Service', messageOf(options, 'An error occurred and the request cannot be processed.'));

/**
 * `ResourceNotReadyException` (502): the function is inactive and its VPC connection is not back yet.
 * The SDK retries it (a 502).
 *
 * @example
 * ```ts
 * lambda.on(InvokeCommand).rejectsOnce(resourceNotReady());
 * ```
 */
export const resourceNotReady = (options?: FaultOptions): ServiceFault =>
  fixedFault(
    'ResourceNotReadyException',
    'User',
    messageOf(options, 'The function is inactive and its VPC connection is no longer available. Wait for the VPC connection to reestablish and try again.'),
  );

/**
 * `EC2ThrottledException` (502): EC2 throttled Lambda while it set up the function's network
 * interfaces. The SDK retries it as a throttle.
 *
 * @example
 * ```ts
 * lambda.on(InvokeCommand).rejectsOnce(ec2Throttled());
 * ```
 */
export const ec2Throttled = (options?: FaultOptions): ServiceFault =>
  fixedFault('EC2ThrottledException', 'User', messageOf(options, 'Lambda was throttled while using the Lambda Execution Role to set up for the Lambda function.'));

/**
 * `KMSAccessDeniedException` (502): Lambda could not decrypt the function's environment variables.
 * As for every 502, the SDK retries it.
 *
 * @example
 * ```ts
 * lambda.on(InvokeCommand, { FunctionName: 'orders' }).rejects(kmsAccessDenied());
 * ```
 */
export const kmsAccessDenied = (options?: FaultOptions): ServiceFault =>
  fixedFault(
    'KMSAccessDeniedException',
    'User',
    messageOf(
      options,
      "Lambda was unable to decrypt the environment variables because KMS access was denied. Please check the function's KMS key settings. " +
        'KMS Exception: AccessDeniedExceptionKMS Message: The ciphertext refers to a customer master key that does not exist, ' +
        'does not exist in this region, or you are not allowed to access.',
    ),
  );

/**
 * A function timeout, for `InvokeCommand`: the call resolves with `StatusCode: 200`,
 * `FunctionError: 'Unhandled'` and the payload
 * `{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: <id> Error: Task timed out after 3.00 seconds"}`
 * (the function's configured `Timeout` unless `seconds` is given), as the service answers it. The
 * function must exist, the invocation is recorded, and the results queue is left alone.
 *
 * @example
 * ```ts
 * lambda.on(InvokeCommand, { FunctionName: 'orders' }).rejectsOnce(functionTimeout());
 * const { FunctionError } = await client.send(new InvokeCommand({ FunctionName: 'orders' })); // 'Unhandled'
 * ```
 */
export function functionTimeout(seconds?: number): FunctionTimeoutFault {
  if (seconds !== undefined && (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0)) {
    throw new TypeError(`lambda-mock: a function timeout is a positive number of seconds, not ${String(seconds)}`);
  }
  return new FunctionTimeoutFault(seconds);
}

/** The usual message of an error code a convenience fault answers, for an SDK exception built without one. */
export function defaultMessage(code: string, context: FaultContext): string | undefined {
  const fault = CONVENIENCE[code];
  return fault?.().toServiceError(context).message;
}

const CONVENIENCE: Record<string, (() => ServiceFault) | undefined> = {
  TooManyRequestsException: () => tooManyRequests(),
  ServiceException: () => serviceException(),
  ResourceNotReadyException: () => resourceNotReady(),
  EC2ThrottledException: () => ec2Throttled(),
  KMSAccessDeniedException: () => kmsAccessDenied(),
};
