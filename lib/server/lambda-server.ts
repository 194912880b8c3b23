import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LambdaBackend } from '../backend/lambda-backend';
import { createBackend, lambdaControls, type LambdaControls, type MockLambdaOptions } from '../mock-lambda';
import { requestListener } from './request-listener';

/** Options of `startLambdaServer()`: where it listens, and the same store options as `mockLambda()`. */
export interface LambdaServerOptions extends Omit<MockLambdaOptions, 'client'> {
  /** Default `0`: a free port the system picks (read it from `url`). */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** The region of a request that is not signed (a signed request's region is the one it was signed for). Default `us-east-1`. */
  readonly region?: string;
}

/** A running server: its URL, the store's state and controls, and how to stop it. */
export interface LambdaServer {
  /** `http://127.0.0.1:<port>`: the `endpoint` of a `LambdaClient`, or `AWS_ENDPOINT_URL_LAMBDA`. */
  readonly url: string;
  readonly port: number;
  /** The same state, call log and controls `mockLambda()` returns (without `restore()`: call `close()`). */
  readonly lambda: LambdaControls;
  /** Stops listening and closes every connection; resolves once the server is closed. */
  close(): Promise<void>;
}

/** Connections the server still has open. */
interface Listening {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves whichever backend `backend()` returns (the spec harness swaps one in per test); the public
 * entry is `startLambdaServer()`.
 */
export async function listenLambda(
  backend: () => LambdaBackend,
  options: Pick<LambdaServerOptions, 'port' | 'host' | 'region'> = {},
): Promise<Listening> {
  const host = options.host ?? '127.0.0.1';
  // Idle keep-alive sockets are kept a minute, as load balancers in front of AWS endpoints do: a short
  // timeout closes sockets a busy client is about to reuse (ECONNRESET under a burst of requests).
  const server: Server = createServer({ keepAliveTimeout: 65_000, headersTimeout: 66_000 }, requestListener({ backend, defaultRegion: options.region ?? 'us-east-1' }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A deep accept queue: a burst of connections (a test opening a thousand at once) is queued, not refused.
    server.listen({ port: options.port ?? 0, host, backlog: 2048 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections would hold the server open; requests in flight are cut short.
        server.closeAllConnections();
      })),
  };
}

/**
 * Starts lambda-mock as a server that speaks Lambda's REST-JSON API: any process (jest workers, the
 * AWS CLI, boto3, a child process) reaches the same store. It accepts any SigV4 signature (nothing is
 * checked) and stores everything in `options.accountId`.
 *
 * @example
 * ```ts
 * const server = await startLambdaServer({ port: 4010 });
 * const client = new LambdaClient({ region: 'us-east-1', endpoint: server.url,
 *   credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
 * await client.send(new CreateFunctionCommand({ FunctionName: 'orders', Runtime: 'nodejs22.x', Handler: 'index.handler', Role, Code: { ZipFile } }));
 * expect(server.lambda.state.region('us-east-1').functions.has('orders')).toBe(true);
 * await server.close();
 * ```
 */
export async function startLambdaServer(options: LambdaServerOptions = {}): Promise<LambdaServer> {
  const backend = createBackend(options);
  const listening = await listenLambda(() => backend, options);
  return { url: listening.url, port: listening.port, lambda: lambdaControls(backend), close: listening.close };
}
