import type { LambdaClient } from '@aws-sdk/client-lambda';
import { LambdaBackend } from './backend/lambda-backend';
import type { LambdaCall } from './backend/lambda-call';
import { Interception } from './interception/install';
import type { SettleMode } from './operations/operation-handler';
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
  const backend = new LambdaBackend(options.accountId ?? '123456789012', options.settle ?? 'instant');
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
