/**
 * What a matcher uses of its `this`: the part jest's and vitest's matcher contexts share, so that one
 * implementation serves both (`expect.extend(lambdaMatchers)` in either runner).
 *
 * @example
 * ```ts
 * function toBeNamed(this: MatcherContext, received: unknown, name: string): MatcherResult {
 *   const pass = this.equals((received as { name?: string }).name, name);
 *   return { pass, message: () => this.utils.matcherHint('toBeNamed') };
 * }
 * ```
 */
export interface MatcherContext {
  readonly isNot?: boolean;
  readonly promise?: string;
  equals(received: unknown, expected: unknown): boolean;
  readonly utils: MatcherUtils;
}

/**
 * The printing helpers both runners give a matcher (`this.utils`).
 *
 * @example
 * ```ts
 * const text = `Expected: ${utils.printExpected(1)}\nReceived: ${utils.printReceived(2)}`;
 * ```
 */
export interface MatcherUtils {
  matcherHint(
    matcherName: string,
    received?: string,
    expected?: string,
    options?: { readonly isNot?: boolean; readonly promise?: string; readonly secondArgument?: string },
  ): string;
  printExpected(value: unknown): string;
  printReceived(value: unknown): string;
  /** A `- Expected` / `+ Received` diff, or nothing when the values print the same. */
  diff(expected: unknown, received: unknown): string | null | undefined;
}

/**
 * What a matcher answers, in both runners.
 *
 * @example
 * ```ts
 * const result: MatcherResult = { pass: false, message: () => 'expected an invocation' };
 * ```
 */
export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}
