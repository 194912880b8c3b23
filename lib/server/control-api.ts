import { List as IList, Map as IMap } from 'immutable';
import type { InvokeResult } from '../invoke/invoke-result';
import type { LambdaControls } from '../mock-lambda';
import type { LambdaSnapshot } from '../snapshot/snapshot';
import type { LambdaState } from '../store/state';
import type { HttpAnswer } from './http-answer';
import { jsonText } from './json-text';

/** moto's default account, which its `/moto-api/static/lambda-simple/response` falls back on. */
const MOTO_DEFAULT_ACCOUNT = '123456789012';

const json = (status: number, value: unknown): HttpAnswer => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: jsonText(value),
});

class BadControlRequest extends Error {}

/** The store as plain JSON: `accountId/region` → collection → key → record; queues as arrays. */
export function stateDocument(state: LambdaState, accountId: string): Record<string, unknown> {
  const plain = (value: unknown): unknown =>
    IMap.isMap(value) ? Object.fromEntries(value as IMap<string, unknown>) : IList.isList(value) ? (value as IList<unknown>).toArray() : value;
  const regions: Record<string, unknown> = {};
  for (const [key, region] of state.regions) {
    regions[key] = Object.fromEntries(Object.entries(region).map(([name, value]) => [name, plain(value)]));
  }
  const accounts = new Set([accountId, ...[...state.regions.values()].map((r) => r.accountId)]);
  const accountInvokeResults = Object.fromEntries(
    [...accounts].map((account) => [account, state.accountInvokeResults(account).toArray()]).filter(([, queue]) => queue!.length > 0),
  );
  return { accountId, regions, accountInvokeResults };
}

function parseJson(body: Buffer): Record<string, unknown> {
  if (body.byteLength === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new BadControlRequest(`the body is not JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new BadControlRequest('the body is not a JSON object');
  return parsed as Record<string, unknown>;
}

const optionalString = (value: unknown, name: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new BadControlRequest(`${name} is a string`);
  return value;
};

function resultsOf(value: unknown): InvokeResult[] {
  if (!Array.isArray(value)) throw new BadControlRequest('results is an array');
  return value as InvokeResult[];
}

/** The paths this API answers, for the router to tell them from Lambda's. */
export const isControlPath = (path: string): boolean => path.startsWith('/moto-api/') || path.startsWith('/lambda-mock/');

/**
 * Answers the endpoints that are not Lambda's: moto's (so moto server users switch without changing
 * their tests) and lambda-mock's own, through which any process inspects and drives the store.
 *
 * - `POST /moto-api/reset`: empties everything (`{"status":"ok"}`).
 * - `POST /moto-api/static/lambda-simple/response` `{"results": [...], "region"?, "account_id"?}`:
 *   appends to the region's invoke-results queue, as moto does (201).
 * - `GET /lambda-mock/state` (the store as keyed JSON), `GET /lambda-mock/invocations[?function=name]`,
 *   `GET /lambda-mock/calls`, `GET /lambda-mock/snapshot` and `PUT /lambda-mock/snapshot` (as `lambda.snapshot()`/`load()`).
 * - `POST /lambda-mock/reset`, `POST /lambda-mock/settle`, `POST /lambda-mock/idle` (answers once every
 *   asynchronous invocation has run and delivered, as `lambda.idle()`; 500 if lambda-mock failed in one),
 *   `PUT /lambda-mock/invoke-results` `{"results", "region"?, "accountId"?}` (replaces, as `setInvokeResults`),
 *   `PUT /lambda-mock/concurrency-quota` `{"quota": number | null, "minimumUnreserved"?}`.
 */
export async function controlAnswer(
  method: string,
  path: string,
  query: URLSearchParams,
  body: Buffer,
  lambda: LambdaControls,
  accountId: string,
): Promise<HttpAnswer | undefined> {
  try {
    const route = `${method} ${path}`;
    switch (route) {
      case 'POST /moto-api/reset':
      case 'POST /lambda-mock/reset':
        lambda.reset();
        return json(200, { status: 'ok' });
      case 'POST /moto-api/static/lambda-simple/response': {
        const request = parseJson(body);
        const results = resultsOf(request.results).map(String);
        const region = optionalString(request.region, 'region') ?? 'us-east-1';
        const account = optionalString(request.account_id, 'account_id') ?? MOTO_DEFAULT_ACCOUNT;
        const queued = lambda.state.region(region, account).invokeResults.toArray();
        lambda.setInvokeResults([...queued, ...results], { region, accountId: account });
        return { status: 201, headers: {}, body: '' };
      }
      case 'PUT /lambda-mock/invoke-results': {
        const request = parseJson(body);
        lambda.setInvokeResults(resultsOf(request.results), {
          region: optionalString(request.region, 'region'),
          accountId: optionalString(request.accountId, 'accountId'),
        });
        return json(200, { status: 'ok' });
      }
      case 'PUT /lambda-mock/concurrency-quota': {
        const request = parseJson(body);
        const quota = request.quota === null || request.quota === undefined ? undefined : (request.quota as number);
        const minimumUnreserved = request.minimumUnreserved as number | undefined;
        lambda.setConcurrencyQuota(quota, minimumUnreserved === undefined ? {} : { minimumUnreserved });
        return json(200, { status: 'ok' });
      }
      case 'POST /lambda-mock/settle':
        lambda.settle();
        return json(200, { status: 'ok' });
      case 'POST /lambda-mock/idle':
        try {
          await lambda.idle();
        } catch (failure) {
          return json(500, { message: failure instanceof Error ? failure.message : String(failure) });
        }
        return json(200, { status: 'ok' });
      case 'GET /lambda-mock/state':
        return json(200, stateDocument(lambda.state, accountId));
      case 'GET /lambda-mock/snapshot':
        return json(200, lambda.snapshot());
      case 'PUT /lambda-mock/snapshot':
        lambda.load(parseJson(body) as unknown as LambdaSnapshot);
        return json(200, { status: 'ok' });
      case 'GET /lambda-mock/invocations':
        return json(200, lambda.invocations(query.get('function') ?? undefined));
      case 'GET /lambda-mock/calls':
        return json(
          200,
          lambda.calls.map(({ error, ...call }) => (error ? { ...call, error: { name: error.name, message: error.message } } : call)),
        );
      default:
        return undefined;
    }
  } catch (error) {
    // A bad request to these endpoints (or a quota/result `TypeError`) is the caller's mistake: 400, with why.
    if (error instanceof BadControlRequest || error instanceof TypeError) return json(400, { message: error.message });
    throw error;
  }
}
