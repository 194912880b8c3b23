import http from 'node:http';
import https from 'node:https';

type RequestFunction = typeof http.request;

/** The SDK names the service in every request's user agent: `api/lambda#<version>`. */
const isLambdaRequest = (options: unknown): boolean => {
  const headers = (options as { headers?: Record<string, unknown> } | null)?.headers;
  if (!headers || typeof headers !== 'object') return false;
  for (const name of Object.keys(headers)) {
    const lower = name.toLowerCase();
    if ((lower === 'x-amz-user-agent' || lower === 'user-agent') && String(headers[name]).includes('api/lambda#')) return true;
  }
  return false;
};

/** The error a Lambda request meets when it got past the middleware. */
export class UninterceptedLambdaRequestError extends Error {
  override readonly name = 'UninterceptedLambdaRequestError';

  constructor() {
    super(
      'lambda-mock blocked a Lambda request that reached the network: it came from a copy of @aws-sdk/client-lambda ' +
        'lambda-mock could not intercept (loaded in a separate module registry, e.g. after jest.resetModules() or inside ' +
        'jest.isolateModules(), or sent through a `send` bound before mockLambda()). Load lambda-mock in the same registry, ' +
        'or pass the client: mockLambda({ client }).',
    );
  }
}

/**
 * A last line of defence under the middleware: while installed, a Lambda SDK request that reaches
 * Node's `http`/`https` (shared by every module registry) fails instead of leaving the process.
 * Returns the function that removes the guard.
 */
export function guardNetwork(): () => void {
  const restores: (() => void)[] = [];
  for (const mod of [http, https] as { request: RequestFunction }[]) {
    const original = mod.request;
    const guarded = function request(this: unknown, ...args: unknown[]) {
      const options = typeof args[0] === 'object' && !(args[0] instanceof URL) ? args[0] : args[1];
      if (isLambdaRequest(options)) throw new UninterceptedLambdaRequestError();
      return (original as (...a: unknown[]) => ReturnType<RequestFunction>).apply(this, args);
    } as RequestFunction;
    mod.request = guarded;
    restores.push(() => {
      if (mod.request === guarded) mod.request = original;
    });
  }
  return () => restores.forEach((restore) => restore());
}
