/**
 * Thrown for a command lambda-mock cannot answer: not a Lambda command, or one it has no handler for.
 * It never reaches the network instead.
 *
 * @example
 * ```ts
 * await expect(client.send(new SomeNewCommand({}))).rejects.toThrow(UnhandledCommandError);
 * ```
 */
export class UnhandledCommandError extends Error {
  override readonly name = 'UnhandledCommandError';

  constructor(readonly commandName: string, reason: string) {
    super(`lambda-mock cannot answer ${commandName}: ${reason}`);
  }
}
