import type { FunctionUrlConfig } from '@aws-sdk/client-lambda';
import { randomUUID } from 'node:crypto';
import type { LambdaBackend } from '../backend/lambda-backend';
import { ServiceError } from '../errors/service-error';
import type { FunctionState } from '../store/records';
import { partitionOf } from '../util/aws';
import { entryOf } from '../util/name-map';
import type { FunctionUrlRequest, FunctionUrlResponse } from './function-url-types';
import { callerOfAuthorization, urlAllows } from './url-access';
import { isPreflight, preflightHeaders, withCorsHeaders } from './url-cors';
import { normalizedHeaders, urlEvent } from './url-event';
import { forbidden, internalServerError, plainResponse, responseOf } from './url-response';

const URL_HOST = /^([a-z0-9]+)\.lambda-url\.([a-z0-9-]+)\.on\.aws$/;

/** A function URL config found in the store: where it is and what it runs. */
interface FoundUrl {
  readonly region: string;
  readonly fn: FunctionState;
  /** `$LATEST` or the alias the URL is on. */
  readonly key: string;
  readonly config: Readonly<FunctionUrlConfig>;
}

/** The URL config whose address a request goes to, in the mock's account. */
function findUrl(backend: LambdaBackend, url: URL): FoundUrl {
  const host = URL_HOST.exec(url.hostname);
  if (!host || url.protocol !== 'https:') throw new TypeError(`lambda-mock: ${url.href} is not a function URL (https://<id>.lambda-url.<region>.on.aws/)`);
  const region = host[2]!;
  const address = `https://${url.hostname}/`;
  for (const fn of backend.state.region(region).functions.values()) {
    for (const [key, config] of Object.entries(fn.urlConfigs ?? {})) {
      if (config.FunctionUrl === address) return { region, fn, key, config };
    }
  }
  throw new TypeError(`lambda-mock: no function URL answers at ${address} (CreateFunctionUrlConfig makes one)`);
}

/** What the URL answers when the invoke itself fails: throttled, too large, or any other failure of the service. */
function failureResponse(error: ServiceError): FunctionUrlResponse {
  if (error.code === 'TooManyRequestsException') return plainResponse(429, '{"Message":"Too Many Requests"}', { 'content-type': 'application/json' });
  if (error.code === 'RequestEntityTooLargeException') return plainResponse(413, '{"Message":"Request Entity Too Large"}', { 'content-type': 'application/json' });
  return internalServerError();
}

/**
 * A request to a function URL, answered in process as the URL would answer it: CORS preflights by
 * the URL itself, the auth type and resource-based policy checked (`403` else), then the function
 * invoked (as `Invoke` is: the next queued result, else the event echoed) with the payload-format-2.0
 * event, and its answer turned into the HTTP response. The invocation is in `lambda.invocations()`,
 * not in `lambda.calls` (a URL request is no API call).
 */
export async function invokeFunctionUrl(backend: LambdaBackend, address: string, request: FunctionUrlRequest = {}): Promise<FunctionUrlResponse> {
  const url = new URL(address);
  const { region, fn, key, config } = findUrl(backend, url);
  const method = (request.method ?? 'GET').toUpperCase();
  const headers = normalizedHeaders(request.headers);
  if (isPreflight(config.Cors, method, headers)) return plainResponse(200, '', preflightHeaders(config.Cors!, headers));
  const caller = request.iam ?? callerOfAuthorization(headers.authorization);
  if (!urlAllows(config.AuthType!, entryOf(fn.policies, key), caller, { accountId: backend.accountId, partition: partitionOf(region) })) return forbidden();
  const event = urlEvent(
    { method, url, headers, body: request.body, sourceIp: request.sourceIp ?? '127.0.0.1' },
    { ownerAccountId: backend.accountId, authType: config.AuthType!, caller, requestId: randomUUID(), now: new Date() },
  );
  const input = { FunctionName: fn.name, ...(key === '$LATEST' ? {} : { Qualifier: key }), Payload: JSON.stringify(event) };
  let output: Record<string, unknown>;
  try {
    ({ output } = await backend.handleAsync({ commandName: 'InvokeCommand', input, region, logged: false }, (error) => error));
  } catch (error) {
    if (error instanceof ServiceError) return failureResponse(error);
    throw error;
  }
  const response = output.FunctionError !== undefined ? internalServerError() : responseOf(Buffer.from(output.Payload as Uint8Array).toString('utf8'));
  return { ...response, headers: withCorsHeaders(config.Cors, headers.origin, response.headers) };
}
