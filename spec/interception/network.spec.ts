import {
  CreateFunctionCommand,
  GetFunctionCommand,
  Lambda,
  LambdaClient,
  ResourceNotFoundException,
  type GetFunctionCommandOutput,
} from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaMock } from '../../lib';
import { arnOf, createInput } from '../helpers/fixtures';
import { SERVER_MESSAGE, rejectionOf, startLocalLambda, type LocalLambda } from '../fixtures/local-lambda';

// Every client here points at a local server that records what reaches it: "nothing left the
// process" is `server.requests` staying empty, and "restore() gives the network back" is it growing.
let server: LocalLambda;
let lambda: LambdaMock | undefined;

beforeEach(async () => {
  server = await startLocalLambda();
});
afterEach(async () => {
  lambda?.restore();
  lambda = undefined;
  await server.close();
});

const NOT_FOUND_BY_MOCK = `Function not found: ${arnOf('nope')}`;
const getNope = (client: LambdaClient) => rejectionOf(client.send(new GetFunctionCommand({ FunctionName: 'nope' })));

describe('while mockLambda() is installed no request leaves the process', () => {
  test('lambda-mock answers GetFunction; after restore() the same client reaches the server', async () => {
    const client = server.client();
    lambda = mockLambda();

    const error = await getNope(client);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.message).toBe(NOT_FOUND_BY_MOCK);
    await client.send(new CreateFunctionCommand(createInput('fn')));
    const got = await client.send(new GetFunctionCommand({ FunctionName: 'fn' }));
    expect(got.Configuration?.FunctionArn).toBe(arnOf('fn'));
    expect(server.requests).toEqual([]);

    lambda.restore();
    const after = await getNope(client);
    expect(after).toBeInstanceOf(ResourceNotFoundException);
    expect(after.message).toBe(SERVER_MESSAGE);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /2015-03-31/functions/nope']);
    // The request was a real, signed one: the SDK's later steps ran again.
    expect(server.requests[0]!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=a\//);
  });

  test('a cacheMiddleware client used before mockLambda() is intercepted, and reaches the server again after restore()', async () => {
    const client = server.client({ cacheMiddleware: true });
    // Its resolved GetFunction stack is now cached, without lambda-mock in it.
    expect((await getNope(client)).message).toBe(SERVER_MESSAGE);
    expect(server.requests).toHaveLength(1);

    lambda = mockLambda();
    expect((await getNope(client)).message).toBe(NOT_FOUND_BY_MOCK);
    expect((await getNope(client)).message).toBe(NOT_FOUND_BY_MOCK);
    expect(server.requests).toHaveLength(1);

    lambda.restore();
    expect((await getNope(client)).message).toBe(SERVER_MESSAGE);
    expect(server.requests).toHaveLength(2);
  });

  test('a cacheMiddleware client first used while mocked reaches the server after restore()', async () => {
    lambda = mockLambda();
    const client = server.client({ cacheMiddleware: true });
    expect((await getNope(client)).message).toBe(NOT_FOUND_BY_MOCK);
    lambda.restore();
    // The stack cached while mocked (with lambda-mock in it) must not be reused.
    expect((await getNope(client)).message).toBe(SERVER_MESSAGE);
    expect(server.requests).toHaveLength(1);
  });

  test('the aggregated Lambda client and the callback form of send() are intercepted too', async () => {
    lambda = mockLambda();
    const aggregated = new Lambda({ region: 'us-east-1', endpoint: server.endpoint, credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
    try {
      await aggregated.createFunction(createInput('agg'));
      expect((await aggregated.getFunction({ FunctionName: 'agg' })).Configuration?.FunctionName).toBe('agg');
      const viaCallback = await new Promise<GetFunctionCommandOutput | undefined>((resolve, reject) =>
        aggregated.send(new GetFunctionCommand({ FunctionName: 'agg' }), (err, data) => (err ? reject(err) : resolve(data))),
      );
      expect(viaCallback?.Configuration?.FunctionName).toBe('agg');
      expect(server.requests).toEqual([]);
    } finally {
      aggregated.destroy();
    }
  });
});

describe('which clients are intercepted', () => {
  test('clients created before mockLambda() (used or not) and after it are all intercepted', async () => {
    const usedBefore = server.client();
    await getNope(usedBefore);
    const unusedBefore = server.client();
    expect(server.requests).toHaveLength(1);

    lambda = mockLambda();
    const future = server.client();
    for (const client of [usedBefore, unusedBefore, future]) {
      expect((await getNope(client)).message).toBe(NOT_FOUND_BY_MOCK);
    }
    expect(server.requests).toHaveLength(1);
    // One store behind all of them: what one client creates, another reads.
    await future.send(new CreateFunctionCommand(createInput('shared')));
    expect((await unusedBefore.send(new GetFunctionCommand({ FunctionName: 'shared' }))).Configuration?.FunctionName).toBe('shared');
    expect(lambda.calls.map((c) => c.commandName)).toEqual([
      'GetFunctionCommand',
      'GetFunctionCommand',
      'GetFunctionCommand',
      'CreateFunctionCommand',
      'GetFunctionCommand',
    ]);
  });

  test('mockLambda({ client }) intercepts that client only', async () => {
    const target = server.client();
    const other = server.client();
    lambda = mockLambda({ client: target });
    const future = server.client();

    expect((await getNope(target)).message).toBe(NOT_FOUND_BY_MOCK);
    expect(server.requests).toHaveLength(0);
    expect((await getNope(other)).message).toBe(SERVER_MESSAGE);
    expect((await getNope(future)).message).toBe(SERVER_MESSAGE);
    expect(server.requests).toHaveLength(2);
    expect(lambda.calls).toHaveLength(1);

    lambda.restore();
    expect((await getNope(target)).message).toBe(SERVER_MESSAGE);
    expect(server.requests).toHaveLength(3);
  });

  test('mockLambda({ client }) with a cacheMiddleware client that already sent a command', async () => {
    const target = server.client({ cacheMiddleware: true });
    await getNope(target);
    lambda = mockLambda({ client: target });
    expect((await getNope(target)).message).toBe(NOT_FOUND_BY_MOCK);
    lambda.restore();
    expect((await getNope(target)).message).toBe(SERVER_MESSAGE);
    expect(server.requests).toHaveLength(2);
  });
});
