/**
 * The `context` a Node.js Lambda handler receives, as the Node.js runtime builds it.
 *
 * @example
 * ```ts
 * lambda.setHandler('orders', async (event, context: LambdaContext) => context.awsRequestId);
 * ```
 */
export interface LambdaContext {
  readonly functionName: string;
  readonly functionVersion: string;
  /** The ARN the caller invoked: with the qualifier when the request named one. */
  readonly invokedFunctionArn: string;
  /** As the runtime gives it: a string (`'128'`). */
  readonly memoryLimitInMB: string;
  readonly awsRequestId: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  /** Milliseconds left before the function's `Timeout`. */
  getRemainingTimeInMillis(): number;
  /** Kept for compatibility: lambda-mock answers as soon as the handler does, whatever it is set to. */
  callbackWaitsForEmptyEventLoop: boolean;
  /** The runtime's legacy completion methods. */
  succeed(result?: unknown): void;
  fail(error?: unknown): void;
  done(error?: unknown, result?: unknown): void;
}

/**
 * The callback of a callback-style handler: `callback(error)` fails the invocation, `callback(null, result)` answers `result`.
 *
 * @example
 * ```ts
 * const handler = (event: unknown, context: LambdaContext, callback: LambdaCallback) => callback(null, { ok: true });
 * ```
 */
export type LambdaCallback = (error?: unknown, result?: unknown) => void;

/**
 * A Node.js Lambda handler: async (`(event, context) => Promise<result>`) or callback style
 * (`(event, context, callback) => void`). Its event is the request payload, parsed.
 *
 * @example
 * ```ts
 * const handler: LambdaHandler = async (event) => ({ received: event });
 * ```
 */
// Handlers are the user's own functions, of any shape: the event and result are theirs to type.
export type LambdaHandler<Event = unknown, Result = unknown> = (
  event: Event,
  context: LambdaContext,
  callback: LambdaCallback,
) => Result | Promise<Result> | void;

/**
 * What `lambda.setHandler` registers for a function: a handler of your own, or `'code'` to run the
 * function's own uploaded zip (Node.js runtimes).
 *
 * @example
 * ```ts
 * lambda.setHandler('orders', 'code');
 * ```
 */
export type HandlerSource = LambdaHandler<never> | 'code';

/**
 * Options of `lambda.setHandler`.
 *
 * @example
 * ```ts
 * lambda.setHandler('orders', async () => 'v1', { qualifier: '1' });
 * ```
 */
export interface SetHandlerOptions {
  /** Only invokes naming this qualifier (an alias or version) or running this version. */
  readonly qualifier?: string;
}

/**
 * When lambda-mock runs functions' own code: `'queue'` (default) answers from the results queue and
 * echoes; `'code'` runs the uploaded zip of every `nodejs*` function (registered handlers win either way).
 *
 * @example
 * ```ts
 * const lambda = mockLambda({ execute: 'code' });
 * ```
 */
export type ExecuteMode = 'queue' | 'code';
