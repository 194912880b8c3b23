/**
 * One command lambda-mock answered, as `lambda.calls` lists it.
 *
 * @example
 * ```ts
 * const [call] = lambda.commandCalls(CreateFunctionCommand);
 * expect(call?.input.FunctionName).toBe('orders');
 * ```
 */
export interface LambdaCall<Input = unknown, Output = unknown> {
  /** The command's class name, e.g. `GetFunctionCommand`. */
  readonly commandName: string;
  /** The operation, e.g. `GetFunction`. */
  readonly operation: string;
  /** A copy of the input as it was sent. */
  readonly input: Input;
  /** The answer, when the command succeeded. */
  readonly output?: Output;
  /** The error the client received, when it failed. */
  readonly error?: Error;
  readonly region: string;
  readonly accountId: string;
}
