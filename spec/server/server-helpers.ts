import { LambdaClient } from '@aws-sdk/client-lambda';
import http from 'node:http';
import { startLambdaServer, type LambdaServer, type LambdaServerOptions } from '../../lib/server/lambda-server';

/** Credentials to sign with: the server checks none. */
export const DUMMY_CREDENTIALS = { accessKeyId: 'AKIDLAMBDAMOCK', secretAccessKey: 'lambda-mock' };

/** A real `LambdaClient` pointed at a server, as a user configures one. */
export const clientOf = (server: { url: string }, region = 'us-east-1', extra: Partial<ConstructorParameters<typeof LambdaClient>[0]> = {}) =>
  new LambdaClient({ region, endpoint: server.url, credentials: DUMMY_CREDENTIALS, ...extra });

/** Starts a server before each test of the `describe` and closes it after. */
export function useServer(options: LambdaServerOptions = {}): { readonly server: LambdaServer; readonly client: LambdaClient } {
  let current: { server: LambdaServer; client: LambdaClient } | undefined;
  beforeEach(async () => {
    const server = await startLambdaServer(options);
    current = { server, client: clientOf(server) };
  });
  afterEach(async () => {
    current?.client.destroy();
    await current?.server.close();
    current = undefined;
  });
  return {
    get server() {
      return current!.server;
    },
    get client() {
      return current!.client;
    },
  };
}

/** A raw HTTP answer. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
  /** The body as JSON (fails the test if it is not). */
  json(): Record<string, unknown>;
}

/** One HTTP request on its own connection, written by hand: what no SDK would send. */
export function rawRequest(
  url: string,
  request: { method: string; path: string; headers?: http.OutgoingHttpHeaders; body?: string | Buffer },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${request.path}`, { method: request.method, headers: request.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

/** A SigV4 `Authorization` header naming `region` (the signature itself is never checked). */
export const signedFor = (region: string): string =>
  `AWS4-HMAC-SHA256 Credential=AKIDLAMBDAMOCK/20250101/${region}/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;

/** Waits, turn of the event loop after turn (no clock), until `condition` holds; fails after `turns`. */
export async function eventually(condition: () => boolean, turns = 10_000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`the condition did not hold after ${turns} turns of the event loop`);
}
