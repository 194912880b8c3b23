import type {
  AbsoluteLocation,
  InitializeHandlerOptions,
  InitializeMiddleware,
  MetadataBearer,
  Pluggable,
} from '@smithy/types';
import type { LambdaBackend } from '../backend/lambda-backend';
import { toSdkError } from '../errors/to-sdk-error';
import { UnhandledCommandError } from '../errors/unhandled-command-error';
import { clone } from '../util/clone';
import { collectStreams, hasStreams } from './collect-streams';
import type { LambdaSdk } from './lambda-sdk';

/** What the middleware needs: the backend that answers, the SDK copy whose classes to answer with, the client's region. */
export interface LambdaMockMiddlewareConfig {
  readonly backend: LambdaBackend;
  readonly sdk: LambdaSdk;
  /** The client's region provider: it throws the SDK's own `Region is missing` when none is configured. */
  readonly region: () => Promise<string>;
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
 * request is signed or sent.
 */
export const lambdaMockMiddleware =
  (config: LambdaMockMiddlewareConfig): InitializeMiddleware<object, MetadataBearer> =>
  (_next, context) =>
  async (args) => {
    // A command built without `.n(client, command)` has an empty name: fall back on its class's name.
    const command = (context as { __smithy_context?: { commandInstance?: object } }).__smithy_context?.commandInstance;
    const commandName = context.commandName || command?.constructor.name || 'UnknownCommand';
    // Every Lambda command names its client; `''` is a command built without `.n()`.
    if (context.clientName !== undefined && context.clientName !== 'LambdaClient') {
      const reason = context.clientName ? `it is a ${context.clientName} command, not a Lambda command` : 'it is not a Lambda command';
      throw new UnhandledCommandError(commandName, reason);
    }
    const region = await config.region();
    const input = hasStreams(args.input) ? await collectStreams(args.input) : args.input;
    const answer = config.backend.handle({ commandName, input, region }, (error, $metadata) =>
      toSdkError(config.sdk, error, $metadata),
    );
    return { output: { $metadata: answer.$metadata, ...clone(answer.output) }, response: undefined };
  };

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
