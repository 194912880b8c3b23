import { NoOpLogger } from '@smithy/core/client';
import { retryMiddleware } from '@smithy/core/retry';
import { Readable } from 'node:stream';
import type { HandlerExecutionContext, Logger, MetadataBearer, Provider, RetryStrategy, RetryStrategyV2 } from '@smithy/types';

/** The retry settings of a client's resolved `config`: `maxAttempts`, and the strategy `retryMode`/`retryStrategy` gave. */
export interface ClientRetryConfig {
  readonly maxAttempts: Provider<number>;
  readonly retryStrategy: Provider<RetryStrategyV2 | RetryStrategy>;
  readonly logger?: Logger;
}

/** One attempt at a command: a separate answer of the backend. */
export type Attempt<Output extends MetadataBearer> = () => Promise<{ output: Output; response: unknown }>;

/**
 * Runs `attempt`, and again as the client's own retry strategy decides, through the SDK's own retry
 * middleware (the one every client runs at `finalizeRequest`, which lambda-mock's earlier answer
 * skips): the strategy classifies each error (throttling, transient, server error), waits its backoff
 * on the global timers (the `Retry-After` header included), honours the command's `abortSignal`, and
 * sets `$metadata.attempts` and `totalRetryDelay` on the output or the final error as the SDK does.
 * Without `config`, a single attempt.
 *
 * @example
 * ```ts
 * const { output } = await withClientRetries(() => answerOnce(request), client.config, context);
 * output.$metadata.attempts; // 2 after a throttle and a success
 * ```
 */
export function withClientRetries<Output extends MetadataBearer>(
  attempt: Attempt<Output>,
  config: ClientRetryConfig | undefined,
  context: HandlerExecutionContext,
): Promise<{ output: Output; response: unknown }> {
  if (!config) return attempt();
  // No HTTP request exists at `initialize`: the middleware then sets no retry headers and sees no streaming body.
  return retryMiddleware(config)<Output>(attempt, context)({ input: {}, request: undefined });
}

/**
 * Runs the single attempt of a request whose body is a stream, as the SDK's retry middleware treats
 * it: never retried; a failure is warned about (on the client's logger, else the console) and
 * reported without `attempts`/`totalRetryDelay` in its `$metadata`.
 *
 * @example
 * ```ts
 * await withoutRetries(() => answerOnce(request), context); // InvokeAsync with a Readable InvokeArgs
 * ```
 */
export async function withoutRetries<Output extends MetadataBearer>(
  attempt: Attempt<Output>,
  context: HandlerExecutionContext,
): Promise<{ output: Output; response: unknown }> {
  try {
    return await attempt();
  } catch (error) {
    const logger = !context.logger || context.logger instanceof NoOpLogger ? console : context.logger;
    logger.warn('An error was encountered in a non-retryable streaming request.');
    const $metadata = (error as { $metadata?: Record<string, unknown> } | null)?.$metadata;
    if ($metadata) {
      delete $metadata.attempts;
      delete $metadata.totalRetryDelay;
    }
    throw error;
  }
}

/**
 * Whether a command sends a stream as its body (InvokeAsync's `InvokeArgs` given as a `Readable` or a
 * `ReadableStream`): the SDK never retries such a request, having consumed the stream.
 *
 * @example
 * ```ts
 * sendsStreamingBody({ FunctionName: 'orders', InvokeArgs: Readable.from(['{}']) }); // true
 * ```
 */
export function sendsStreamingBody(input: unknown): boolean {
  if (input === null || typeof input !== 'object') return false;
  for (const value of Object.values(input)) {
    if (value instanceof Readable || (typeof ReadableStream !== 'undefined' && value instanceof ReadableStream)) return true;
  }
  return false;
}
