import { readFileSync } from 'node:fs';
import { lambdaMatchers } from '../matchers/lambda-matchers';
import { mockLambda, type LambdaMock } from '../mock-lambda';
import type { LambdaSnapshot } from '../snapshot/snapshot';

/**
 * The environment variable naming a snapshot file every test file's mock starts from (written by a `globalSetup`).
 *
 * @example
 * ```ts
 * process.env[SEED_FILE_VARIABLE] = '/tmp/lambda-seed.json'; // in a globalSetup, before the workers start
 * ```
 */
export const SEED_FILE_VARIABLE = 'LAMBDA_MOCK_SEED_FILE';

/**
 * What lambda-mock needs of a test runner: its `expect` and two hooks (jest's and vitest's fit).
 *
 * @example
 * ```ts
 * const hooks: TestRunnerHooks = { expect, beforeEach, afterAll };
 * ```
 */
export interface TestRunnerHooks {
  readonly expect: { extend(matchers: typeof lambdaMatchers): void };
  beforeEach(hook: () => void): void;
  afterAll(hook: () => void): void;
}

function seedFromFile(file: string): LambdaSnapshot {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LambdaSnapshot;
  } catch (error) {
    throw new Error(`lambda-mock: cannot read the snapshot ${SEED_FILE_VARIABLE} names (${file}): ${(error as Error).message}`);
  }
}

/**
 * What `lambda-mock/jest` and `lambda-mock/vitest` do when loaded: add the matchers, install the mock
 * (from the snapshot `LAMBDA_MOCK_SEED_FILE` names, if any), return it to that start before each test,
 * and restore it after the test file.
 *
 * @example
 * ```ts
 * export const lambda = installForRunner({ expect, beforeEach, afterAll });
 * ```
 */
export function installForRunner(runner: TestRunnerHooks): LambdaMock {
  runner.expect.extend(lambdaMatchers);
  const seedFile = process.env[SEED_FILE_VARIABLE];
  const lambda = mockLambda(seedFile ? { seed: seedFromFile(seedFile) } : {});
  runner.beforeEach(() => lambda.reset());
  runner.afterAll(() => lambda.restore());
  return lambda;
}
