import type { LambdaClient } from '@aws-sdk/client-lambda';
import { LambdaBackend } from './backend/lambda-backend';
import type { LambdaCall } from './backend/lambda-call';
import { Interception } from './interception/install';
import type { LambdaInvocation } from './invoke/invocation';
import type { InvokeResult } from './invoke/invoke-result';
import type { ConcurrencyQuota, SettleMode } from './operations/operation-handler';
import type { LambdaState } from './store/state';

/** Options of `mockLambda()`. */
export interface MockLambdaOptions {
  /** Intercept only this client instead of every `LambdaClient`. */
  readonly client?: LambdaClient;
  /** The account everything is stored in and every ARN names. Default `123456789012`. */
  readonly accountId?: string;
  /**
   * When `Pending`/`InProgress` transitions complete:
   * - `'instant'` (default, as moto): before the next command is handled;
   * - `'on-read'` (as AWS enforces it): when the function is read (GetFunction,
   *   GetFunctionConfiguration, ListFunctions, as a waiter polls); a change or invoke before that
   *   meets the service's `ResourceConflictException`;
   * - `'manual'`: when `lambda.settle()` is called.
   */
  readonly settle?: SettleMode;
  /**
   * Enforce an account concurrency quota of this many concurrent executions (as moto's
   * `MOTO_LAMBDA_CONCURRENCY_QUOTA`); the `LAMBDA_MOCK_CONCURRENCY_QUOTA` environment variable sets
   * it too. Not enforced by default. See `setConcurrencyQuota`.
   */
  readonly concurrencyQuota?: number;
}

/** Where `setInvokeResults` queues: one region, or every region of the account when `region` is left out. */
export interface InvokeResultsTarget {
  readonly region?: string;
  readonly accountId?: string;
}

/** A command class of `@aws-sdk/client-lambda`, such as `GetFunctionCommand`. */
export type CommandClass<Input extends object = object, Output = unknown> = abstract new (input: Input) => {
  readonly input: Input;
  resolveMiddleware(...args: never[]): (...handlerArgs: never[]) => Promise<{ output: Output }>;
};

/** The object `mockLambda()` returns: the fake's state, its call log and its controls. */
export interface LambdaMock {
  /** A read-only snapshot of everything stored, per account and region. */
  readonly state: LambdaState;
  /** Every command answered, in order: name, input, output or error, region, account. */
  readonly calls: readonly LambdaCall[];
  /**
   * The calls of one command, typed by it.
   *
   * @example
   * ```ts
   * expect(lambda.commandCalls(GetFunctionCommand)[0]?.input.FunctionName).toBe('orders');
   * ```
   */
  commandCalls<Input extends object, Output>(command: CommandClass<Input, Output>): LambdaCall<Input, Output>[];
  /**
   * Queues the results the next synchronous (`RequestResponse`) invokes answer, first in first out,
   * replacing what was queued there. Without `region`, the queue serves every region of the account
   * once a region's own queue is empty. A queued result wins over the default (the request payload
   * echoed back, else `Simple Lambda happy path OK`).
   *
   * @example
   * ```ts
   * lambda.setInvokeResults(['{"ok":true}', { payload: '{"errorMessage":"boom"}', functionError: 'Unhandled' }]);
   * const first = await client.send(new InvokeCommand({ FunctionName: 'orders' }));  // Payload {"ok":true}
   * const second = await client.send(new InvokeCommand({ FunctionName: 'orders' })); // FunctionError 'Unhandled'
   * ```
   */
  setInvokeResults(results: readonly InvokeResult[], target?: InvokeResultsTarget): void;
  /**
   * Enforces an account concurrency quota (`undefined` stops enforcing it): a reservation that would
   * leave less than `minimumUnreserved` (default 100, or the whole quota when it is smaller) unreserved answers the service's
   * `InvalidParameterValueException`, and GetAccountSettings reports the quota.
   *
   * @example
   * ```ts
   * lambda.setConcurrencyQuota(150);
   * await client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'orders', ReservedConcurrentExecutions: 60 })); // refused
   * ```
   */
  setConcurrencyQuota(quota: number | undefined, options?: { readonly minimumUnreserved?: number }): void;
  /**
   * Every invocation answered (Invoke, InvokeAsync, InvokeWithResponseStream), in order; only those
   * of one function when a name is given.
   *
   * @example
   * ```ts
   * expect(lambda.invocations('orders').map((i) => JSON.parse(i.payload))).toEqual([{ id: 1 }]);
   * ```
   */
  invocations(functionName?: string): LambdaInvocation[];
  /**
   * Completes every pending transition now (for `settle: 'manual'`; harmless in other modes).
   *
   * @example
   * ```ts
   * const lambda = mockLambda({ settle: 'manual' });
   * await client.send(new CreateFunctionCommand(input)); // State: Pending
   * lambda.settle();                                      // State: Active from now on
   * ```
   */
  settle(): void;
  /**
   * Empties the store, the pending transitions and the call log; the mock stays installed.
   *
   * @example
   * ```ts
   * beforeEach(() => lambda.reset());
   * ```
   */
  reset(): void;
  /**
   * Uninstalls the mock: clients reach the network again, and `mockLambda()` may be called anew.
   *
   * @example
   * ```ts
   * afterAll(() => lambda.restore());
   * ```
   */
  restore(): void;
}

/** The unreserved concurrency the service keeps for functions without a reservation. */
const DEFAULT_MINIMUM_UNRESERVED = 100;

function quotaOf(limit: number | undefined, minimumUnreserved?: number): ConcurrencyQuota | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isInteger(limit) || limit < 0) throw new TypeError(`lambda-mock: a concurrency quota is a whole number, not ${String(limit)}`);
  // An account below 100 keeps its whole limit unreserved (the service answers `[10]` for a limit of 10, and still takes a reservation of 0).
  minimumUnreserved ??= Math.min(DEFAULT_MINIMUM_UNRESERVED, limit);
  if (!Number.isInteger(minimumUnreserved) || minimumUnreserved < 0) {
    throw new TypeError(`lambda-mock: minimumUnreserved is a whole number, not ${String(minimumUnreserved)}`);
  }
  return { limit, minimumUnreserved };
}

/** `LAMBDA_MOCK_CONCURRENCY_QUOTA`, for users coming from moto's `MOTO_LAMBDA_CONCURRENCY_QUOTA`. */
function quotaFromEnvironment(): number | undefined {
  const value = process.env.LAMBDA_MOCK_CONCURRENCY_QUOTA;
  return value === undefined || value === '' ? undefined : Number(value);
}

const INSTALLED = Symbol.for('lambda-mock.installed');
const registry = globalThis as { [INSTALLED]?: boolean };

/**
 * Installs an in-process, stateful AWS Lambda: every command sent by a `LambdaClient` (or only by
 * `options.client`) is answered by lambda-mock, and none reaches the network until `restore()`.
 *
 * @example
 * ```ts
 * const lambda = mockLambda();
 * const client = new LambdaClient({ region: 'us-east-1' });
 * await client.send(new CreateFunctionCommand({ FunctionName: 'orders', Runtime: 'nodejs22.x', Handler: 'index.handler', Role, Code: { ZipFile } }));
 * expect(lambda.state.region('us-east-1').functions.has('orders')).toBe(true);
 * lambda.restore();
 * ```
 */
export function mockLambda(options: MockLambdaOptions = {}): LambdaMock {
  if (registry[INSTALLED]) {
    throw new Error('lambda-mock is already installed: call restore() on the mock the first mockLambda() returned before installing another.');
  }
  const backend = new LambdaBackend(
    options.accountId ?? '123456789012',
    options.settle ?? 'instant',
    quotaOf(options.concurrencyQuota ?? quotaFromEnvironment()),
  );
  const interception = new Interception(backend);
  if (options.client) interception.installOn(options.client);
  else interception.installEverywhere();
  registry[INSTALLED] = true;
  let installed = true;
  return {
    get state() {
      return backend.state;
    },
    get calls() {
      return backend.calls;
    },
    commandCalls: <Input extends object, Output>(command: CommandClass<Input, Output>) =>
      backend.calls.filter((call) => call.commandName === command.name) as LambdaCall<Input, Output>[],
    setInvokeResults: (results, target = {}) => backend.setInvokeResults(results, target.region, target.accountId),
    setConcurrencyQuota: (quota, quotaOptions = {}) => backend.setConcurrencyQuota(quotaOf(quota, quotaOptions.minimumUnreserved)),
    invocations: (functionName) =>
      functionName === undefined ? [...backend.invocations] : backend.invocations.filter((i) => i.functionName === functionName),
    settle: () => backend.settle(),
    reset: () => backend.reset(),
    restore: () => {
      if (!installed) return;
      installed = false;
      interception.restore();
      registry[INSTALLED] = false;
    },
  };
}
