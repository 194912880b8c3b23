import { NoOpLogger } from '@smithy/core/client';
import { INITIAL_RETRY_TOKENS, retryMiddleware } from '@smithy/core/retry';
import { Readable } from 'node:stream';
import type { HandlerExecutionContext, Logger, MetadataBearer, Provider, RetryStrategy, RetryStrategyV2 } from '@smithy/types';

/** The retry settings of a client's resolved `config`: `maxAttempts`, and the strategy `retryMode`/`retryStrategy` gave. */
export interface ClientRetryConfig {
  readonly maxAttempts: Provider<number>;
  readonly retryStrategy: Provider<RetryStrategyV2 | RetryStrategy>;
  readonly logger?: Logger;
}

/** Per client config: the SDK's retry middleware (built once) and the strategy it resolved. */
const retryStates = new WeakMap<
  ClientRetryConfig,
  { readonly middleware: ReturnType<typeof retryMiddleware>; strategy: RetryStrategyV2 | RetryStrategy | undefined }
>();

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
  let state = retryStates.get(config);
  if (!state) retryStates.set(config, (state = { middleware: retryMiddleware(config), strategy: undefined }));
  const { middleware } = state;
  // No HTTP request exists at `initialize`: the middleware then sets no retry headers and sees no streaming body.
  const throughMiddleware = (first: Attempt<Output>) => middleware<Output>(first, context)({ input: {}, request: undefined });
  if (!atFullCapacity(state.strategy)) {
    return (async () => {
      state.strategy ??= await config.retryStrategy();
      return throughMiddleware(attempt);
    })();
  }
  // A standard strategy at full capacity: its initial token has no side effect and recording a success
  // changes nothing, so a first attempt that succeeds needs none of the middleware's work (the hot
  // path of every command). A failure goes through the middleware as its first attempt.
  return attempt().catch((firstError: unknown) => {
    let replayed = false;
    return throughMiddleware(() => {
      if (replayed) return attempt();
      replayed = true;
      return Promise.reject(firstError);
    });
  });
}

/** The SDK's standard strategy (its own class), with no retry capacity spent. */
function atFullCapacity(strategy: RetryStrategyV2 | RetryStrategy | undefined): boolean {
  const standard = strategy as { mode?: string; getCapacity?: () => number; constructor: { name: string } } | undefined;
  return (
    standard?.mode === 'standard' &&
    standard.constructor.name === 'StandardRetryStrategy' &&
    typeof standard.getCapacity === 'function' &&
    // The tokens the strategy starts with, and never holds more of.
    standard.getCapacity() >= INITIAL_RETRY_TOKENS
  );
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
