import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { networkGuard } from '../helpers/network-guard-core';

// The run-wide guard (spec/helpers/no-network.ts) itself: what it lets through and what it refuses.
// Nothing here is aimed off the machine: what is refused is refused before any packet leaves.
const guard = networkGuard();

/** A loopback port no server of this process ever listened on (port 1: tcpmux, nothing listens there). */
const unusedPort = async (): Promise<number> => 1;

const get = (url: string) =>
  new Promise<number>((resolve, reject) => {
    http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });

test('a server the test started on loopback is reachable while it listens', async () => {
  const server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    expect(guard.allows({ host: '127.0.0.1', port })).toBe(true);
    expect(guard.allows({ host: 'localhost', port })).toBe(true);
    expect(await get(`http://127.0.0.1:${port}/`)).toBe(200);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  // Once closed, the port stays the test's own: a request left running may still reach it, on loopback.
  expect(guard.allows({ host: '127.0.0.1', port })).toBe(true);
  expect(guard.allows({ host: '10.0.0.1', port })).toBe(false);
});

test('anything else is refused: another loopback port, any other host, any DNS name', async () => {
  expect(guard.allows({ host: 'lambda.us-east-1.amazonaws.com', port: 443 })).toBe(false);
  expect(guard.allows({ host: '10.0.0.1', port: 80 })).toBe(false);
  expect(guard.allows({ host: '::1', port: 1 })).toBe(false);
  const port = await unusedPort();
  const { result, refused } = await guard.expectingRefusals(() => get(`http://127.0.0.1:${port}/`).then(String, (e: Error) => e.message));
  expect(result).toMatch(/^spec\/helpers\/no-network: refused a socket to 127\.0\.0\.1:\d+/);
  expect(refused).toEqual([`a socket to 127.0.0.1:${port}`]);
});

test('a Lambda client with lambda-mock not installed is refused before it resolves a name', async () => {
  // No mockLambda() here: the client would go to the real endpoint. Credentials are static so that
  // nothing else (a metadata service) is asked first; the refusal comes before DNS.
  const client = new LambdaClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
  try {
    const { result, refused } = await guard.expectingRefusals(() =>
      client.send(new GetFunctionCommand({ FunctionName: 'fn' })).then(
        () => 'answered',
        (e: Error) => e.message,
      ),
    );
    expect(result).toMatch(/refused a socket to lambda\.us-east-1\.amazonaws\.com:443/);
    expect(refused).toEqual(['a socket to lambda.us-east-1.amazonaws.com:443']);
  } finally {
    client.destroy();
  }
});
