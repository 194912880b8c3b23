import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { CommandClass } from '../mock-lambda';

/**
 * Any part of `T`, at any depth: what a partial expectation may name. Byte arrays and dates are
 * compared whole.
 *
 * @example
 * ```ts
 * const expected: PartialDeep<FunctionConfiguration> = { Environment: { Variables: { MODE: 'live' } } };
 * ```
 */
export type PartialDeep<T> = T extends Uint8Array | Date
  ? T
  : T extends readonly (infer Item)[]
    ? readonly PartialDeep<Item>[]
    : T extends object
      ? { readonly [K in keyof T]?: PartialDeep<T[K]> }
      : T;

/**
 * What `toHaveInvoked` asks of an invocation besides its function.
 *
 * @example
 * ```ts
 * const expected: InvokedWith = { payload: { orderId: 1 }, qualifier: 'live' };
 * ```
 */
export interface InvokedWith {
  /**
   * The request payload: equal to it as text, or to what the text parses to as JSON (so
   * `{ orderId: 1 }`, `'{"orderId":1}'` and `expect.objectContaining({ orderId: 1 })` all match).
   */
  readonly payload?: unknown;
  /** The qualifier the request named (a version or an alias); `undefined` for none. */
  readonly qualifier?: string;
}

/**
 * Where `toHaveFunction` looks: one region, or (left out) every region of every account stored.
 *
 * @example
 * ```ts
 * const where: FunctionLocation = { region: 'eu-west-1' };
 * ```
 */
export interface FunctionLocation {
  readonly region?: string;
  readonly accountId?: string;
}

/**
 * The matchers lambda-mock adds to `expect` in jest and vitest, for `expect(lambda)`.
 *
 * @example
 * ```ts
 * expect(lambda).toHaveInvoked('orders', { payload: { id: 1 } });
 * expect(lambda).toHaveInvokedTimes('orders', 1);
 * expect(lambda).toHaveFunction('orders', { Runtime: 'nodejs22.x', MemorySize: 512 });
 * expect(lambda).toHaveReceivedCommandWith(CreateFunctionCommand, { FunctionName: 'orders' });
 * ```
 */
export interface LambdaMatchers<R = unknown> {
  /** The function (by name) was invoked — with this payload and qualifier, when given — at least once. */
  toHaveInvoked(functionName: string, expected?: InvokedWith): R;
  /** The function (by name) was invoked exactly `times` times. */
  toHaveInvokedTimes(functionName: string, times: number): R;
  /** A function of this name is stored, and its `$LATEST` configuration holds `configuration` (partially, as `toMatchObject`). */
  toHaveFunction(functionName: string, configuration?: PartialDeep<FunctionConfiguration>, where?: FunctionLocation): R;
  /** The command was sent at least once with an input holding `input` (partially, as `toMatchObject`), whatever it answered. */
  toHaveReceivedCommandWith<Input extends object>(command: CommandClass<Input>, input: PartialDeep<Input>): R;
}
