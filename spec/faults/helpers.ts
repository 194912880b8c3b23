import { LambdaClient, type LambdaClientConfig } from '@aws-sdk/client-lambda';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import type { ResponseMetadata } from '@smithy/types';
import type { LocalAnswer } from '../fixtures/local-lambda';
import { REGION } from '../helpers/fixtures';

/** An error as the SDK throws it, with the members a test reads. */
export type SdkError = Error & Record<string, unknown> & { $metadata: ResponseMetadata; $response?: { statusCode: number; headers: Record<string, string> } };

/** A client whose retries wait no backoff (the way the README tells users to keep retry tests fast). */
export const fastRetryClient = (config: Partial<LambdaClientConfig> = {}): LambdaClient =>
  new LambdaClient({ region: REGION, retryStrategy: new ConfiguredRetryStrategy(3, 0), ...config });

/** A promise and whether it has settled yet, to show that a delayed answer is still pending. */
export function track<T>(promise: Promise<T>): { readonly promise: Promise<T>; readonly settled: boolean } {
  let settled = false;
  const tracked = promise.then(
    (value) => {
      settled = true;
      return value;
    },
    (error: unknown) => {
      settled = true;
      throw error;
    },
  );
  // The tracked promise may be awaited late: its rejection is not "unhandled" meanwhile.
  tracked.catch(() => undefined);
  return {
    promise: tracked,
    get settled() {
      return settled;
    },
  };
}

/** `$metadata` as the retry layer reports it: attempts and total backoff (the request id varies). */
export const retriesOf = (subject: { $metadata: ResponseMetadata }) => ({
  attempts: subject.$metadata.attempts,
  totalRetryDelay: subject.$metadata.totalRetryDelay,
});

/** The error a promise rejects with; fails if it resolves. */
export const rejectionOf = (promise: Promise<unknown>): Promise<SdkError> =>
  promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error as SdkError,
  );

/** Members the service sends as `Message` rather than `message` (as the model spells them). */
const CAPITAL_MESSAGE = new Set(['ServiceException', 'EC2ThrottledException', 'KMSAccessDeniedException', 'ResourceNotFoundException']);

/** The HTTP answer the service gives for an error lambda-mock produced: status, error type, Retry-After, JSON body. */
export function serviceAnswerFor(error: SdkError): LocalAnswer {
  const body: Record<string, unknown> = { [CAPITAL_MESSAGE.has(error.name) ? 'Message' : 'message']: error.message };
  if (error.Type !== undefined) body.Type = error.Type;
  if (error.Reason !== undefined) body.Reason = error.Reason;
  const headers: Record<string, string> = { 'x-amzn-errortype': error.name };
  if (typeof error.retryAfterSeconds === 'string') headers['retry-after'] = error.retryAfterSeconds;
  return { status: error.$metadata.httpStatusCode!, headers, body };
}

/** Everything user code can observe of an error but its request id's value. */
export function observable(error: SdkError) {
  const ownKeys = Object.keys(error).sort();
  return {
    prototype: Object.getPrototypeOf(error) as object,
    name: error.name,
    message: error.message,
    $fault: error.$fault,
    metadata: { ...error.$metadata, requestId: typeof error.$metadata.requestId },
    ownKeys,
    members: Object.fromEntries(ownKeys.filter((k) => !['$metadata', '$fault', '$retryable', 'name', 'message'].includes(k)).map((k) => [k, error[k]])),
    status: error.$response?.statusCode,
    retryAfterHeader: error.$response?.headers['retry-after'],
  };
}

/**
 * Reads the shared AWS config files once, as a client's first command does (real file I/O, which fake
 * timers do not wait for): call it before `jest.useFakeTimers()`. Every later client finds them read.
 */
export async function readSdkConfigFiles(): Promise<void> {
  await new LambdaClient({ region: REGION }).config.maxAttempts();
}
