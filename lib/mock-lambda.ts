import type { LambdaClient } from '@aws-sdk/client-lambda';
import { LambdaBackend } from './backend/lambda-backend';
import { Executor } from './execution/executor';
import type { ExecuteMode, HandlerSource, SetHandlerOptions } from './execution/handler-types';
import type { LambdaCall } from './backend/lambda-call';
import { RuleBehaviour, type CommandBehaviour, type InputPattern, type OverrideOptions } from './faults/command-behaviour';
import { Interception } from './interception/install';
import type { LambdaInvocation } from './invoke/invocation';
import type { InvokeResult } from './invoke/invoke-result';
import type { ConcurrencyQuota, SettleMode } from './operations/operation-handler';
import { rootOf, snapshotOf, type LambdaSnapshot } from './snapshot/snapshot';
import type { LambdaState } from './store/state';
import { clone } from './util/clone';
import type { FunctionUrlRequest, FunctionUrlResponse } from './urls/function-url-types';
import { invokeFunctionUrl } from './urls/invoke-url';
import { seededRandom } from './util/seeded-random';

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
   * Event source mapping states and provisioned concurrency allocations (`IN_PROGRESS` → `READY`)
   * follow the same mode; with `'on-read'` reading the mapping or the config completes it.
   */
  readonly settle?: SettleMode;
  /**
   * Enforce an account concurrency quota of this many concurrent executions (as moto's
   * `MOTO_LAMBDA_CONCURRENCY_QUOTA`); the `LAMBDA_MOCK_CONCURRENCY_QUOTA` environment variable sets
   * it too. Not enforced by default. See `setConcurrencyQuota`.
   */
  readonly concurrencyQuota?: number;
  /**
   * The random source weighted aliases route with (a function answering numbers in [0, 1), such as a
   * seeded generator of your own). Default `Math.random`. See also `randomSeed`.
   */
  readonly random?: () => number;
  /**
   * Seeds lambda-mock's own deterministic random source instead of `Math.random`, so that which version
   * a weighted alias runs is the same on every run. Not together with `random`.
   */
  readonly randomSeed?: number;
  /**
   * A snapshot (`lambda.snapshot()`, or that JSON read back from a file): the state the mock starts
   * from, and returns to on every `reset()`.
   */
  readonly seed?: LambdaSnapshot;
  /**
   * `'code'`: every invoke of a `nodejs*` zip function runs its own uploaded code in this process
   * (its `Handler`, CommonJS or ES module, with its layers, environment variables, context and
   * timeout). Default `'queue'`: the results queue, else the payload echoed. Either way a queued
   * result wins, then a handler `setHandler` registered.
   */
  readonly execute?: ExecuteMode;
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
   * Overrides how the commands of one class are answered — all of them, those whose input contains
   * `input`, or (`{ strict: true }`) those whose input equals it — typed by the command. The store is
   * never changed by an override; every answer is recorded in `calls`; `reset()` clears them. A
   * retryable error (throttling, 5xx) goes through the client's own retry strategy, each attempt
   * being a new call. The newest matching `on()` with an answer left decides; then the fake answers.
   *
   * @example
   * ```ts
   * lambda.on(InvokeCommand, { FunctionName: 'orders' }).rejectsOnce(tooManyRequests());
   * const out = await client.send(new InvokeCommand({ FunctionName: 'orders' })); // retried: the fake answers attempt 2
   * out.$metadata.attempts; // 2
   * ```
   */
  on<Input extends object, Output>(
    command: CommandClass<Input, Output>,
    input?: InputPattern<Input>,
    options?: OverrideOptions,
  ): CommandBehaviour<Output>;
  /**
   * Removes every `on()` override (`reset()` does too, along with the store).
   *
   * @example
   * ```ts
   * afterEach(() => lambda.clearOverrides());
   * ```
   */
  clearOverrides(): void;
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
   * Runs your own handler for the invokes of one function (of one qualifier — alias or version —
   * when given), in this process, with a real Lambda `context`; `'code'` runs the function's own
   * uploaded zip instead (Node.js runtimes). A thrown error answers `FunctionError: 'Unhandled'`
   * as the Node.js runtime reports it; `console` output is the `LogType: 'Tail'` log. Queued results
   * still win; `reset()` removes the registrations.
   *
   * @example
   * ```ts
   * lambda.setHandler('orders', async (event: { id: number }, context) => ({ id: event.id, by: context.functionName }));
   * const out = await client.send(new InvokeCommand({ FunctionName: 'orders', Payload: '{"id":1}' })); // {"id":1,"by":"orders"}
   * ```
   */
  setHandler(functionName: string, handler: HandlerSource, options?: SetHandlerOptions): void;
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
   * Sends an HTTP request to a function URL (`CreateFunctionUrlConfig`'s `FunctionUrl`, with any path
   * and query string) and answers what the URL would: CORS preflights answered by the URL, `403` when
   * the auth type or resource-based policy refuses the caller (an `AWS_IAM` URL needs `iam`, the
   * signer's identity; a `NONE` URL needs a policy granting everyone `lambda:InvokeFunctionUrl` and
   * `lambda:InvokeFunction`), else the function's answer to the payload-format-2.0 event, taken as
   * `Invoke` takes it (the next queued result, else the event echoed).
   *
   * @example
   * ```ts
   * const { FunctionUrl } = await client.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'orders', AuthType: 'AWS_IAM' }));
   * lambda.setInvokeResults(['{"statusCode":201,"body":"created"}']);
   * const response = await lambda.invokeUrl(`${FunctionUrl}orders?id=1`, { method: 'POST', body: '{}', iam: { accessKey: 'AKIAEXAMPLE' } });
   * expect(response).toMatchObject({ statusCode: 201, body: 'created' });
   * ```
   */
  invokeUrl(url: string, request?: FunctionUrlRequest): Promise<FunctionUrlResponse>;
  /**
   * Completes every pending transition now, provisioned concurrency allocations included (for
   * `settle: 'manual'`; harmless in other modes).
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
   * Resolves once every asynchronous invocation started so far — an `Event` invoke or `InvokeAsync`
   * running a handler or the function's own code, and the invokes of Lambda destinations — has
   * finished as the service runs it: its retries after a function error, its record sent to the
   * `OnSuccess`/`OnFailure` destination, and a destination function's run in turn. (Retries run at
   * once, not minutes apart.) Rejects if lambda-mock itself failed in one of them.
   *
   * @example
   * ```ts
   * lambda.setHandler('orders', async () => { throw new Error('declined'); });
   * await client.send(new InvokeCommand({ FunctionName: 'orders', InvocationType: 'Event', Payload: '{}' })); // 202 at once
   * await lambda.idle();                                   // the handler ran 3 times
   * const [delivery] = lambda.state.region('us-east-1').destinationDeliveries.values();
   * delivery?.record.requestContext.condition;             // 'RetriesExhausted'
   * ```
   */
  idle(): Promise<void>;
  /**
   * Returns the store to where it started — empty, or the `seed` snapshot — empties the call log and
   * removes every `on()` override; the mock stays installed.
   *
   * @example
   * ```ts
   * beforeEach(() => lambda.reset());
   * ```
   */
  reset(): void;
  /**
   * Everything stored, as plain JSON-safe data (zip bytes included): every account, region and
   * collection, and the invoke-result queues. Write it to a file, seed a later mock with it.
   *
   * @example
   * ```ts
   * fs.writeFileSync('lambda.json', JSON.stringify(lambda.snapshot()));
   * const later = mockLambda({ seed: JSON.parse(fs.readFileSync('lambda.json', 'utf8')) });
   * ```
   */
  snapshot(): LambdaSnapshot;
  /**
   * Replaces everything stored with a snapshot, exactly as it was taken (the call log stays). Throws a
   * `TypeError` for anything that is not a lambda-mock snapshot.
   *
   * @example
   * ```ts
   * const before = lambda.snapshot();
   * await deploy(client);
   * lambda.load(before); // as if deploy() never ran
   * ```
   */
  load(snapshot: LambdaSnapshot): void;
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

/** The random source the options ask for: theirs, a seeded one, or `Math.random`. */
function randomOf(options: MockLambdaOptions): () => number {
  if (options.random !== undefined && options.randomSeed !== undefined) {
    throw new TypeError('lambda-mock: pass either random or randomSeed, not both');
  }
  if (options.random !== undefined) {
    if (typeof options.random !== 'function') throw new TypeError('lambda-mock: random is a function answering numbers in [0, 1)');
    return options.random;
  }
  if (options.randomSeed !== undefined) {
    if (!Number.isInteger(options.randomSeed)) throw new TypeError(`lambda-mock: randomSeed is a whole number, not ${String(options.randomSeed)}`);
    return seededRandom(options.randomSeed);
  }
  return Math.random;
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
  const backend = createBackend(options);
  const interception = new Interception(backend);
  if (options.client) interception.installOn(options.client);
  else interception.installEverywhere();
  registry[INSTALLED] = true;
  let installed = true;
  return Object.assign(lambdaControls(backend), {
    restore: () => {
      if (!installed) return;
      installed = false;
      interception.restore();
      backend.executor.dispose();
      registry[INSTALLED] = false;
    },
  });
}

/** The controls of a `LambdaMock` other than `restore()`: what server mode offers too. */
export type LambdaControls = Omit<LambdaMock, 'restore'>;

/**
 * The backend `options` describe (shared by `mockLambda()` and server mode; throws `TypeError` for a bad quota).
 *
 * @example
 * ```ts
 * const backend = createBackend({ accountId: '210987654321', settle: 'on-read' });
 * ```
 */
export function createBackend(options: Omit<MockLambdaOptions, 'client'> = {}): LambdaBackend {
  const backend = new LambdaBackend(
    options.accountId ?? '123456789012',
    options.settle ?? 'instant',
    quotaOf(options.concurrencyQuota ?? quotaFromEnvironment()),
    randomOf(options),
    new Executor(options.execute ?? 'queue'),
  );
  if (options.seed !== undefined) backend.seed(rootOf(options.seed));
  return backend;
}

/**
 * The state, call log and controls of one backend, as `mockLambda()` and server mode hand them out.
 *
 * @example
 * ```ts
 * const lambda = lambdaControls(createBackend({ settle: 'manual' }));
 * lambda.setInvokeResults(['{"ok":true}']);
 * ```
 */
export function lambdaControls(backend: LambdaBackend): LambdaControls {
  return {
    get state() {
      return backend.state;
    },
    get calls() {
      return backend.calls;
    },
    commandCalls: <Input extends object, Output>(command: CommandClass<Input, Output>) =>
      backend.calls.filter((call) => call.commandName === command.name) as LambdaCall<Input, Output>[],
    on: <Input extends object, Output>(command: CommandClass<Input, Output>, input?: InputPattern<Input>, options: OverrideOptions = {}) => {
      if (typeof command !== 'function' || !command.name) throw new TypeError('lambda-mock: on() takes a command class, such as InvokeCommand');
      if (input !== undefined && (input === null || typeof input !== 'object')) throw new TypeError('lambda-mock: on() matches an input object');
      const rule = backend.overrides.rule(command.name, input === undefined ? undefined : clone(input), options.strict === true);
      return new RuleBehaviour<Output>(backend.overrides, rule);
    },
    clearOverrides: () => backend.overrides.clear(),
    setInvokeResults: (results, target = {}) => backend.setInvokeResults(results, target.region, target.accountId),
    setHandler: (functionName, handler, handlerOptions = {}) => backend.executor.handlers.set(functionName, handler, handlerOptions.qualifier),
    setConcurrencyQuota: (quota, quotaOptions = {}) => backend.setConcurrencyQuota(quotaOf(quota, quotaOptions.minimumUnreserved)),
    invocations: (functionName) =>
      functionName === undefined ? [...backend.invocations] : backend.invocations.filter((i) => i.functionName === functionName),
    invokeUrl: (url, request) => invokeFunctionUrl(backend, url, request),
    settle: () => backend.settle(),
    idle: () => backend.idle(),
    reset: () => backend.reset(),
    snapshot: () => snapshotOf(backend.store),
    load: (snapshot) => backend.load(rootOf(snapshot)),
  };
}
