import type {
  AbsoluteLocation,
  InitializeHandlerOptions,
  InitializeMiddleware,
  MetadataBearer,
  Pluggable,
} from '@smithy/types';
import type { BackendRequest, LambdaBackend } from '../backend/lambda-backend';
import { abortError, sleep, type AbortSignalLike } from '../faults/delay';
import { toSdkError } from '../errors/to-sdk-error';
import { UnhandledCommandError } from '../errors/unhandled-command-error';
import { clone } from '../util/clone';
import { collectStreams, hasStreams } from './collect-streams';
import type { LambdaSdk } from './lambda-sdk';
import { sendsStreamingBody, withClientRetries, withoutRetries, type ClientRetryConfig } from './retry';

/** What the middleware needs: the backend that answers, the SDK copy whose classes to answer with, the client's region. */
export interface LambdaMockMiddlewareConfig {
  readonly backend: LambdaBackend;
  readonly sdk: LambdaSdk;
  /** The client's region provider: it throws the SDK's own `Region is missing` when none is configured. */
  readonly region: () => Promise<string>;
  /** The client's resolved config, whose own retry strategy retries retryable answers; without it, one attempt. */
  readonly retry?: ClientRetryConfig;
}

/** Where the middleware sits: `initialize`, after the user's own initialize middleware, before credentials or network. */
export const lambdaMockMiddlewareOptions: InitializeHandlerOptions & AbsoluteLocation & { name: string } = {
  step: 'initialize',
  priority: 'low',
  name: 'lambdaMockMiddleware',
  tags: ['LAMBDA_MOCK'],
};

/**
 * Answers every command from the backend and never calls `next`: no credentials are resolved, no
 * request is signed or sent. Each attempt is a separate answer, retried by the client's own retry
 * strategy as the SDK retries the service's answers.
 */
export const lambdaMockMiddleware =
  (config: LambdaMockMiddlewareConfig): InitializeMiddleware<object, MetadataBearer> =>
  (_next, context) =>
  async (args) => {
    // A command built without `.n(client, command)` has an empty name: fall back on its class's name.
    const smithyContext = (context as { __smithy_context?: { commandInstance?: object; abortSignal?: AbortSignalLike } }).__smithy_context;
    const command = smithyContext?.commandInstance;
    const commandName = context.commandName || command?.constructor.name || 'UnknownCommand';
    // Every Lambda command names its client; `''` is a command built without `.n()`.
    if (context.clientName !== undefined && context.clientName !== 'LambdaClient') {
      const reason = context.clientName ? `it is a ${context.clientName} command, not a Lambda command` : 'it is not a Lambda command';
      throw new UnhandledCommandError(commandName, reason);
    }
    const region = await config.region();
    const streaming = hasStreams(args.input);
    const input = streaming ? await collectStreams(args.input) : args.input;
    const request: BackendRequest = { commandName, input, region };
    const attempt = () => answerOnce(config, request, smithyContext?.abortSignal);
    // What the SDK refuses to send (a missing HTTP label) fails before its retry middleware.
    if (config.backend.failsBeforeSending(request)) return attempt();
    if (streaming && sendsStreamingBody(args.input)) return withoutRetries(attempt, context);
    return withClientRetries(attempt, config.retry, context);
  };

/** One attempt: an override's delay (cancelled by the abort signal, as an HTTP request is), then the backend's answer. */
async function answerOnce(
  config: LambdaMockMiddlewareConfig,
  request: BackendRequest,
  abortSignal: AbortSignalLike | undefined,
): Promise<{ output: MetadataBearer; response: undefined }> {
  // As the SDK's HTTP handler does, an aborted call is not sent (nor answered, nor logged).
  if (abortSignal?.aborted) throw abortError(abortSignal);
  const override = config.backend.overrideFor(request);
  if (override !== undefined && override.delayMs > 0) {
    try {
      await sleep(override.delayMs, abortSignal);
    } catch (aborted) {
      config.backend.recordAbandoned(request, aborted as Error);
      throw aborted;
    }
  }
  const handled = config.backend.handle(request, (error, $metadata) => toSdkError(config.sdk, error, $metadata), override);
  // The function's own code (lib/execution) answers after the command: only then is there something to await.
  const answer = handled.completion ? await handled.completion : handled;
  return { output: { $metadata: answer.$metadata, ...clone(answer.output) }, response: undefined };
}

/**
 * The middleware as a plugin, for `client.middlewareStack.use(getLambdaMockPlugin(config))`.
 *
 * @example
 * ```ts
 * client.middlewareStack.use(getLambdaMockPlugin({ backend, sdk, region: () => client.config.region() }));
 * ```
 */
export const getLambdaMockPlugin = (config: LambdaMockMiddlewareConfig): Pluggable<object, MetadataBearer> => ({
  applyToStack: (stack) => stack.add(lambdaMockMiddleware(config), lambdaMockMiddlewareOptions),
});
