import type { FunctionUrlAuthType } from '@aws-sdk/client-lambda';
import type { FunctionUrlCaller } from './function-url-types';

/** An HTTP request to a function URL, its headers lower-cased and joined. */
export interface UrlHttpRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array | undefined;
  readonly sourceIp: string;
}

/** Header names lower-cased; a header sent several times is one comma-separated value, as the event carries it. */
export function normalizedHeaders(headers: Readonly<Record<string, string | readonly string[]>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const key = name.toLowerCase();
    const joined = typeof value === 'string' ? value : value.join(',');
    out[key] = out[key] === undefined ? joined : `${out[key]},${joined}`;
  }
  return out;
}

const TEXTUAL = /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded)|[^;]*\+(json|xml))/i;

/** The body as the event carries it: text as it is, bytes base64-encoded unless their content type is textual. */
function eventBody(body: string | Uint8Array | undefined, contentType: string | undefined): { body?: string; isBase64Encoded: boolean } {
  if (body === undefined) return { isBase64Encoded: false };
  if (typeof body === 'string') return { body, isBase64Encoded: false };
  if (contentType !== undefined && TEXTUAL.test(contentType)) return { body: Buffer.from(body).toString('utf8'), isBase64Encoded: false };
  return { body: Buffer.from(body).toString('base64'), isBase64Encoded: true };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** `12/Mar/2020:19:03:58 +0000`, as `requestContext.time` is written. */
const requestTime = (date: Date): string =>
  `${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;

/** What the event says of the function and its caller. */
export interface UrlEventContext {
  readonly ownerAccountId: string;
  readonly authType: FunctionUrlAuthType;
  readonly caller: FunctionUrlCaller | undefined;
  readonly requestId: string;
  readonly now: Date;
}

/**
 * The event a function URL sends its function: the API Gateway payload format version 2.0, with the
 * placeholders URLs use (`routeKey` and `stage` `$default`), cookies apart from the headers, and
 * the caller's identity under `authorizer.iam` for an `AWS_IAM` URL.
 */
export function urlEvent(request: UrlHttpRequest, context: UrlEventContext): Record<string, unknown> {
  const { url } = request;
  const domainPrefix = url.hostname.split('.')[0]!;
  const { cookie, ...rest } = request.headers;
  const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-port': '443', 'x-forwarded-for': request.sourceIp, ...rest, host: url.hostname };
  const rawQueryString = url.search.startsWith('?') ? url.search.slice(1) : url.search;
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = query[key] === undefined ? value : `${query[key]},${value}`;
  const caller = context.caller;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString,
    ...(cookie !== undefined ? { cookies: cookie.split(';').map((c) => c.trim()).filter((c) => c !== '') } : {}),
    headers,
    ...(rawQueryString !== '' ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: context.authType === 'NONE' ? 'anonymous' : context.ownerAccountId,
      apiId: domainPrefix,
      ...(context.authType === 'AWS_IAM' && caller
        ? {
            authorizer: {
              iam: {
                accessKey: caller.accessKey,
                accountId: caller.accountId ?? context.ownerAccountId,
                callerId: caller.callerId ?? null,
                cognitoIdentity: null,
                principalOrgId: caller.principalOrgId ?? null,
                userArn: caller.userArn ?? null,
                userId: caller.userId ?? null,
              },
            },
          }
        : {}),
      domainName: url.hostname,
      domainPrefix,
      http: { method: request.method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: request.sourceIp, userAgent: request.headers['user-agent'] ?? '' },
      requestId: context.requestId,
      routeKey: '$default',
      stage: '$default',
      time: requestTime(context.now),
      timeEpoch: context.now.getTime(),
    },
    ...eventBody(request.body, request.headers['content-type']),
  };
}
