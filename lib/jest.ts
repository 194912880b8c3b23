/**
 * `lambda-mock/jest`, for jest's `setupFilesAfterEnv`: adds lambda-mock's matchers to `expect`,
 * installs the mock for the test file, returns it to its start (empty, or the snapshot
 * `LAMBDA_MOCK_SEED_FILE` names) before each test, and restores it after the file.
 *
 * @example
 * ```ts
 * // jest.config.js: setupFilesAfterEnv: ['lambda-mock/jest']
 * import { lambda } from 'lambda-mock/jest';
 * test('charges the order', async () => {
 *   await chargeOrder(1);
 *   expect(lambda).toHaveInvoked('payments', { payload: { orderId: 1 } });
 * });
 * ```
 */
import { afterAll, beforeEach, expect } from '@jest/globals';
import type { LambdaMatchers } from './matchers/matcher-types';
import type { LambdaMock } from './mock-lambda';
import { installForRunner } from './runners/install-for-runner';

/**
 * The mock this test file runs against (the one `setupFilesAfterEnv` installed).
 *
 * @example
 * ```ts
 * import { lambda } from 'lambda-mock/jest';
 * lambda.setInvokeResults(['{"ok":true}']);
 * ```
 */
export const lambda: LambdaMock = installForRunner({ expect, beforeEach, afterAll });

export { lambdaMatchers } from './matchers/lambda-matchers';
export type { FunctionLocation, InvokedWith, LambdaMatchers, PartialDeep } from './matchers/matcher-types';

declare global {
  namespace jest {
    // The type parameters must be those @types/jest declares.
    interface Matchers<R, T = {}> extends LambdaMatchers<R> {}
  }
}

declare module 'expect' {
  // `expect` (what `@jest/globals` types) declares jest's matchers here.
  interface Matchers<R extends void | Promise<void>, T = unknown> extends LambdaMatchers<R> {}
}
