import type { Cors } from '@aws-sdk/client-lambda';

/** The origin a CORS configuration allows for a request's `Origin`: the origin itself, `*`, or none. */
function allowedOrigin(cors: Cors, origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  const origins = cors.AllowOrigins ?? [];
  if (origins.includes(origin)) return origin;
  // With credentials a browser refuses `*`: the service echoes the origin then.
  if (origins.includes('*')) return cors.AllowCredentials === true ? origin : '*';
  return undefined;
}

const joined = (values: readonly string[] | undefined): string | undefined => (values && values.length > 0 ? values.join(',') : undefined);

/** Headers with their `undefined` values left out. */
const defined = (headers: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));

/**
 * Whether a request is a CORS preflight the URL answers itself, without invoking the function: an
 * `OPTIONS` request with `Origin` and `Access-Control-Request-Method`, to a URL with CORS configured.
 */
export const isPreflight = (cors: Cors | undefined, method: string, headers: Readonly<Record<string, string>>): boolean =>
  cors !== undefined && method === 'OPTIONS' && headers.origin !== undefined && headers['access-control-request-method'] !== undefined;

/** The preflight answer: the configured methods, headers, age and credentials for an allowed origin, else none of them. */
export function preflightHeaders(cors: Cors, headers: Readonly<Record<string, string>>): Record<string, string> {
  const origin = allowedOrigin(cors, headers.origin);
  if (origin === undefined) return {};
  return defined({
    'access-control-allow-origin': origin,
    'access-control-allow-methods': joined(cors.AllowMethods),
    'access-control-allow-headers': joined(cors.AllowHeaders),
    'access-control-max-age': cors.MaxAge !== undefined ? String(cors.MaxAge) : undefined,
    'access-control-allow-credentials': cors.AllowCredentials === true ? 'true' : undefined,
  });
}

/**
 * A function's response headers as a URL with CORS configured sends them: the function's own
 * `access-control-*` headers are replaced by the configuration's, for an allowed origin.
 */
export function withCorsHeaders(cors: Cors | undefined, origin: string | undefined, headers: Record<string, string>): Record<string, string> {
  if (cors === undefined) return headers;
  const own = Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith('access-control-')));
  const allowed = allowedOrigin(cors, origin);
  if (allowed === undefined) return own;
  return {
    ...own,
    ...defined({
      'access-control-allow-origin': allowed,
      'access-control-expose-headers': joined(cors.ExposeHeaders),
      'access-control-allow-credentials': cors.AllowCredentials === true ? 'true' : undefined,
    }),
  };
}
