/**
 * `lambda-mock/vitest`, for vitest's `setupFiles`: adds lambda-mock's matchers to `expect`, installs
 * the mock for the test file, returns it to its start (empty, or the snapshot `LAMBDA_MOCK_SEED_FILE`
 * names) before each test, and restores it after the file.
 *
 * @example
 * ```ts
 * // vitest.config.ts: test: { setupFiles: ['lambda-mock/vitest'] }
 * import { lambda } from 'lambda-mock/vitest';
 * test('charges the order', async () => {
 *   await chargeOrder(1);
 *   expect(lambda).toHaveInvoked('payments', { payload: { orderId: 1 } });
 * });
 * ```
 */
// Kept in the declarations: the augmentation below applies only where vitest's types are loaded.
/// <reference types="vitest" preserve="true" />
import { afterAll, beforeEach, expect } from 'vitest';
import type { LambdaMatchers } from './matchers/matcher-types';
import type { LambdaMock } from './mock-lambda';
import { installForRunner } from './runners/install-for-runner';

/**
 * The mock this test file runs against (the one `setupFiles` installed).
 *
 * @example
 * ```ts
 * import { lambda } from 'lambda-mock/vitest';
 * lambda.setInvokeResults(['{"ok":true}']);
 * ```
 */
export const lambda: LambdaMock = installForRunner({ expect, beforeEach, afterAll });

export { lambdaMatchers } from './matchers/lambda-matchers';
export type { FunctionLocation, InvokedWith, LambdaMatchers, PartialDeep } from './matchers/matcher-types';

declare module 'vitest' {
  // The type parameter must be the one vitest declares.
  interface Assertion<T = any> extends LambdaMatchers<void> {}
}
