import type { FunctionUrlResponse } from './function-url-types';

/** An answer the URL gives itself (an error, a preflight), as text. */
export function plainResponse(statusCode: number, body: string, headers: Record<string, string> = {}): FunctionUrlResponse {
  const rawBody = new Uint8Array(Buffer.from(body, 'utf8'));
  return { statusCode, headers, cookies: [], body, rawBody };
}

/** What a client sees when the function failed or answered something the URL cannot turn into HTTP. */
export const internalServerError = (): FunctionUrlResponse => plainResponse(502, 'Internal Server Error', { 'content-type': 'application/json' });

const FORBIDDEN = '{"Message":"Forbidden. For troubleshooting Function URL authorization issues, see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"}';

/** The service's answer to a request its auth type or resource-based policy refuses. */
export const forbidden = (): FunctionUrlResponse =>
  plainResponse(403, FORBIDDEN, { 'content-type': 'application/json', 'x-amzn-errortype': 'AccessDeniedException' });

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Header values as the function gave them (strings, numbers, booleans), names lower-cased. */
function responseHeaders(headers: unknown): Record<string, string> | undefined {
  if (headers === undefined || headers === null) return {};
  if (!isRecord(headers)) return undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
    out[name.toLowerCase()] = String(value);
  }
  return out;
}

/**
 * The HTTP response a function's answer becomes (payload format 2.0): an object with a `statusCode`
 * is the response itself (`headers`, `cookies`, `body`, `isBase64Encoded`); any other JSON is the
 * body of a `200` `application/json` response; anything that is not JSON, or a malformed response,
 * is the URL's `502`.
 */
export function responseOf(payload: string): FunctionUrlResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return internalServerError();
  }
  if (!isRecord(parsed) || parsed.statusCode === undefined) {
    return { ...plainResponse(200, payload, { 'content-type': 'application/json' }) };
  }
  const { statusCode, body, cookies, isBase64Encoded } = parsed;
  const headers = responseHeaders(parsed.headers);
  const validCookies = cookies === undefined || (Array.isArray(cookies) && cookies.every((c) => typeof c === 'string'));
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599 || !headers || !validCookies) {
    return internalServerError();
  }
  const text = body === undefined || body === null ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const bytes = isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8');
  return {
    statusCode,
    headers,
    cookies: (cookies as string[] | undefined) ?? [],
    body: bytes.toString('utf8'),
    rawBody: new Uint8Array(bytes),
  };
}
