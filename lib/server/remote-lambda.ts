import type { LambdaInvocation } from '../invoke/invocation';
import type { InvokeResult, StoredInvokeResult } from '../invoke/invoke-result';
import type { InvokeResultsTarget } from '../mock-lambda';
import type { LambdaSnapshot } from '../snapshot/snapshot';

/** The store of a lambda-mock server as JSON (`GET /lambda-mock/state`). */
export interface LambdaStateDocument {
  /** The server's account. */
  readonly accountId: string;
  /** `accountId/region` → collection (`functions` …) → key → record; `invokeResults` as an array. */
  readonly regions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Invoke results queued for every region of an account, by account. */
  readonly accountInvokeResults: Readonly<Record<string, readonly StoredInvokeResult[]>>;
}

/** A lambda-mock server's controls, from any process (a jest worker, a child process), over HTTP. */
export interface RemoteLambda {
  readonly url: string;
  /** Everything the server stores. */
  state(): Promise<LambdaStateDocument>;
  /** Every invocation answered (only those of one function when a name is given). */
  invocations(functionName?: string): Promise<LambdaInvocation[]>;
  /** As `lambda.setInvokeResults`: replaces the queue of one region, or of every region of the account. */
  setInvokeResults(results: readonly InvokeResult[], target?: InvokeResultsTarget): Promise<void>;
  /** As `lambda.setConcurrencyQuota` (`undefined` stops enforcing one). */
  setConcurrencyQuota(quota: number | undefined, options?: { readonly minimumUnreserved?: number }): Promise<void>;
  /** As `lambda.snapshot()`. */
  snapshot(): Promise<LambdaSnapshot>;
  /** As `lambda.load(snapshot)`. */
  load(snapshot: LambdaSnapshot): Promise<void>;
  /** As `lambda.settle()`. */
  settle(): Promise<void>;
  /** As `lambda.idle()`: resolves once every asynchronous invocation has run, retried and delivered. */
  idle(): Promise<void>;
  /** As `lambda.reset()` (and moto's `POST /moto-api/reset`). */
  reset(): Promise<void>;
}

const asText = (result: InvokeResult): InvokeResult =>
  typeof result === 'string' || typeof result.payload === 'string' ? result : { ...result, payload: Buffer.from(result.payload).toString('utf8') };

/**
 * Connects to a lambda-mock server (by default the one `AWS_ENDPOINT_URL_LAMBDA` names, as the jest
 * global set-up sets it) to read its state and drive it from another process.
 *
 * @example
 * ```ts
 * const lambda = connectLambdaServer();
 * beforeEach(() => lambda.reset());
 * test('charges', async () => {
 *   await lambda.setInvokeResults(['{"status":"charged"}']);
 *   // … code under test invokes `payments` through its own LambdaClient …
 *   expect(await lambda.invocations('payments')).toHaveLength(1);
 * });
 * ```
 */
export function connectLambdaServer(url: string | undefined = process.env.AWS_ENDPOINT_URL_LAMBDA): RemoteLambda {
  if (!url) throw new TypeError('lambda-mock: connectLambdaServer() needs the server URL, or AWS_ENDPOINT_URL_LAMBDA set (the jest global set-up sets it)');
  const base = url.replace(/\/+$/, '');
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${base}${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`lambda-mock server answered ${response.status} to ${method} ${path}: ${text}`);
    return (text === '' ? undefined : JSON.parse(text)) as T;
  };
  return {
    url: base,
    state: () => call('GET', '/lambda-mock/state'),
    invocations: (functionName) =>
      call('GET', `/lambda-mock/invocations${functionName === undefined ? '' : `?function=${encodeURIComponent(functionName)}`}`),
    setInvokeResults: async (results, target = {}) => {
      await call('PUT', '/lambda-mock/invoke-results', { results: results.map(asText), ...target });
    },
    setConcurrencyQuota: async (quota, options = {}) => {
      await call('PUT', '/lambda-mock/concurrency-quota', { quota: quota ?? null, ...options });
    },
    snapshot: () => call('GET', '/lambda-mock/snapshot'),
    load: async (snapshot) => {
      await call('PUT', '/lambda-mock/snapshot', snapshot);
    },
    settle: async () => {
      await call('POST', '/lambda-mock/settle');
    },
    idle: async () => {
      await call('POST', '/lambda-mock/idle');
    },
    reset: async () => {
      await call('POST', '/lambda-mock/reset');
    },
  };
}
