import {
  CreateFunctionCommand,
  GetFunctionCommand,
  InvokeAsyncCommand,
  InvokeCommand,
  LambdaClient,
  PutFunctionConcurrencyCommand,
  ResourceNotFoundException,
  ServiceException,
  TooManyRequestsException,
} from '@aws-sdk/client-lambda';
import { ConfiguredRetryStrategy, StandardRetryStrategy } from '@smithy/core/retry';
import type { RetryErrorInfo, RetryToken } from '@smithy/types';
import { Readable } from 'node:stream';
import { mockLambda, serviceException, tooManyRequests, type LambdaMock } from '../../lib';
import { startLocalLambda, type LocalAnswer, type LocalLambda } from '../fixtures/local-lambda';
import { arnOf, createInput, REGION } from '../helpers/fixtures';
import { fastRetryClient, readSdkConfigFiles, rejectionOf, retriesOf, track } from './helpers';

beforeAll(readSdkConfigFiles);
let lambda: LambdaMock;
beforeEach(() => {
  lambda = mockLambda();
});
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
  lambda.restore();
});

const throttleCalls = () => lambda.calls.map((call) => [call.commandName, call.error?.name ?? 'answered']);

describe('retryable answers go through the client’s own retry strategy', () => {
  test('maxAttempts: 1 — one attempt, the throttle reported with attempts 1', async () => {
    lambda.on(GetFunctionCommand).rejects(tooManyRequests());
    const error = await rejectionOf(new LambdaClient({ region: REGION, maxAttempts: 1 }).send(new GetFunctionCommand({ FunctionName: 'orders' })));
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect(retriesOf(error)).toEqual({ attempts: 1, totalRetryDelay: 0 });
    expect(lambda.calls).toHaveLength(1);
  });

  test('the default — 3 attempts with the standard backoff for throttles (500 ms, then 1000 ms at the mid jitter), under fake timers', async () => {
    jest.useFakeTimers();
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    lambda.on(GetFunctionCommand).rejects(tooManyRequests());
    const call = track(new LambdaClient({ region: REGION }).send(new GetFunctionCommand({ FunctionName: 'orders' })));

    await jest.advanceTimersByTimeAsync(1499);
    expect(call.settled).toBe(false);
    expect(lambda.calls).toHaveLength(2); // the third attempt waits for the second backoff
    await jest.advanceTimersByTimeAsync(1);
    const error = await rejectionOf(call.promise);
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect(retriesOf(error)).toEqual({ attempts: 3, totalRetryDelay: 1500 });
    expect(throttleCalls()).toEqual(Array(3).fill(['GetFunctionCommand', 'TooManyRequestsException']));
    // Each attempt is its own answer (its own request id); the client receives the last one.
    expect(new Set(lambda.calls.map((c) => (c.error as TooManyRequestsException).$metadata.requestId)).size).toBe(3);
    expect(lambda.calls[2]!.error).toBe(error);
  });

  test('rejectsOnce(throttle), then the fake answers attempt 2: the success is returned with attempts 2', async () => {
    const client = fastRetryClient();
    await client.send(new CreateFunctionCommand(createInput('orders')));
    lambda.on(InvokeCommand, { FunctionName: 'orders' }).rejectsOnce(tooManyRequests());

    const answer = await client.send(new InvokeCommand({ FunctionName: 'orders', Payload: '{"id":7}' }));
    expect(answer.Payload?.transformToString()).toBe('{"id":7}');
    expect(retriesOf(answer)).toEqual({ attempts: 2, totalRetryDelay: 0 });
    expect(throttleCalls().slice(1)).toEqual([
      ['InvokeCommand', 'TooManyRequestsException'],
      ['InvokeCommand', 'answered'],
    ]);
    // The throttled attempt never ran the function.
    expect(lambda.invocations('orders').map((i) => i.payload)).toEqual(['{"id":7}']);
  });

  test('a custom retryStrategy decides: 5 attempts, its own delays (10, 20, 30, 40 ms) summed in totalRetryDelay', async () => {
    jest.useFakeTimers();
    lambda.on(GetFunctionCommand).rejects(serviceException());
    const client = new LambdaClient({ region: REGION, retryStrategy: new ConfiguredRetryStrategy(5, (attempt) => attempt * 10) });
    const call = track(client.send(new GetFunctionCommand({ FunctionName: 'orders' })));
    await jest.advanceTimersByTimeAsync(100);
    const error = await rejectionOf(call.promise);
    expect(error).toBeInstanceOf(ServiceException);
    expect(retriesOf(error)).toEqual({ attempts: 5, totalRetryDelay: 100 });
    expect(lambda.calls).toHaveLength(5);
  });

  test('a hand-written strategy sees each error classified as the SDK classifies it', async () => {
    const seen: string[] = [];
    const strategy = {
      acquireInitialRetryToken: async (): Promise<RetryToken> => tokenOf(0),
      refreshRetryTokenForRetry: async (token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> => {
        seen.push(`${info.error?.name}:${info.errorType}`);
        if (token.getRetryCount() >= 3) throw new Error('no more retries');
        return tokenOf(token.getRetryCount() + 1);
      },
      recordSuccess: () => seen.push('success'),
    };
    lambda
      .on(GetFunctionCommand)
      .rejectsOnce(tooManyRequests())
      .rejectsOnce(serviceException())
      .rejectsOnce(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))
      .resolvesOnce({ Configuration: { FunctionName: 'orders' } });
    const answer = await new LambdaClient({ region: REGION, retryStrategy: strategy }).send(new GetFunctionCommand({ FunctionName: 'orders' }));
    expect(answer.Configuration?.FunctionName).toBe('orders');
    expect(retriesOf(answer)).toEqual({ attempts: 4, totalRetryDelay: 0 });
    expect(seen).toEqual(['TooManyRequestsException:THROTTLING', 'ServiceException:TRANSIENT', 'Error:TRANSIENT', 'success']);
  });

  test('store-produced throttling is retried too: reserved concurrency 0 answers TooManyRequestsException on every attempt', async () => {
    const client = fastRetryClient();
    await client.send(new CreateFunctionCommand(createInput('orders')));
    await client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'orders', ReservedConcurrentExecutions: 0 }));
    const error = await rejectionOf(client.send(new InvokeCommand({ FunctionName: 'orders' })));
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect(error.Reason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
    expect(retriesOf(error)).toEqual({ attempts: 3, totalRetryDelay: 0 });
    expect(throttleCalls().slice(2)).toEqual(Array(3).fill(['InvokeCommand', 'TooManyRequestsException']));
    expect(lambda.invocations()).toEqual([]);
  });

  test('what the SDK does not retry is answered once, even with retries configured', async () => {
    const error = await rejectionOf(new LambdaClient({ region: REGION }).send(new GetFunctionCommand({ FunctionName: 'missing' })));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.message).toBe(`Function not found: ${arnOf('missing')}`);
    expect(retriesOf(error)).toEqual({ attempts: 1, totalRetryDelay: 0 });
    expect(lambda.calls).toHaveLength(1);
  });

  test('Retry-After (retryAfterSeconds) lengthens the wait as the SDK reads it: 2 s instead of no backoff', async () => {
    jest.useFakeTimers();
    lambda.on(GetFunctionCommand).rejectsOnce(tooManyRequests({ retryAfterSeconds: 2 })).resolves({ Configuration: { FunctionName: 'orders' } });
    const call = track(fastRetryClient().send(new GetFunctionCommand({ FunctionName: 'orders' })));
    await jest.advanceTimersByTimeAsync(1999);
    expect(call.settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(retriesOf(await call.promise)).toEqual({ attempts: 2, totalRetryDelay: 2000 });
  });

  test('retryMode adaptive: a throttle, then the success on attempt 2', async () => {
    jest.useFakeTimers();
    lambda.on(GetFunctionCommand).rejectsOnce(tooManyRequests()).resolves({ Configuration: { FunctionName: 'orders' } });
    const call = track(new LambdaClient({ region: REGION, retryMode: 'adaptive' }).send(new GetFunctionCommand({ FunctionName: 'orders' })));
    // The adaptive rate limiter and the backoff wait on timers: let the clock run until the call ends.
    for (let step = 0; step < 100 && !call.settled; step++) await jest.advanceTimersByTimeAsync(100);
    const answer = await call.promise;
    expect(answer.$metadata.attempts).toBe(2);
    expect(lambda.calls.map((c) => c.error?.name ?? 'answered')).toEqual(['TooManyRequestsException', 'answered']);
  });

  test('a retry strategy is the client’s own: its retry capacity drains across commands as the SDK’s does', async () => {
    // 500 tokens, 14 per transient retry: the 36th retry of a client finds none left.
    const strategy = new StandardRetryStrategy({ maxAttempts: 2, baseDelay: 0, backoff: { computeNextBackoffDelay: () => 0, setDelayBase: () => undefined } });
    const client = new LambdaClient({ region: REGION, retryStrategy: strategy });
    lambda.on(GetFunctionCommand).rejects(serviceException());
    const attempts: (number | undefined)[] = [];
    for (let i = 0; i < 37; i++) attempts.push((await rejectionOf(client.send(new GetFunctionCommand({ FunctionName: 'f' })))).$metadata.attempts);
    expect(attempts.slice(0, 35)).toEqual(Array(35).fill(2));
    expect(attempts.slice(35)).toEqual([1, 1]);
  });

  test('successes refill spent retry capacity, one token each, as the SDK records them', async () => {
    const strategy = new StandardRetryStrategy({ maxAttempts: 2, baseDelay: 0, backoff: { computeNextBackoffDelay: () => 0, setDelayBase: () => undefined } });
    const client = new LambdaClient({ region: REGION, retryStrategy: strategy });
    await client.send(new CreateFunctionCommand(createInput('f')));
    expect(strategy.getCapacity()).toBe(500);
    lambda.on(GetFunctionCommand).rejectsOnce(serviceException()).rejectsOnce(serviceException());
    await rejectionOf(client.send(new GetFunctionCommand({ FunctionName: 'f' }))); // one retry, then the error: 14 tokens spent
    expect(strategy.getCapacity()).toBe(486);
    for (let i = 0; i < 3; i++) await client.send(new GetFunctionCommand({ FunctionName: 'f' }));
    expect(strategy.getCapacity()).toBe(489);
    for (let i = 0; i < 20; i++) await client.send(new GetFunctionCommand({ FunctionName: 'f' }));
    expect(strategy.getCapacity()).toBe(500); // full again, and never more
  });
});

describe('the same $metadata as the real SDK retrying the same answers over HTTP', () => {
  let server: LocalLambda;
  beforeAll(async () => {
    server = await startLocalLambda();
  });
  afterAll(async () => {
    await server.close();
  });

  const throttle: LocalAnswer = {
    status: 429,
    headers: { 'x-amzn-errortype': 'TooManyRequestsException' },
    body: { Type: 'User', message: 'Rate exceeded', Reason: 'CallerRateLimitExceeded' },
  };
  const found: LocalAnswer = { status: 200, body: { Configuration: { FunctionName: 'orders' } } };
  const strategy = () => new ConfiguredRetryStrategy(3, 5);

  /** `$metadata` retries of the real SDK for a sequence of HTTP answers. */
  async function real(answers: LocalAnswer[]): Promise<ReturnType<typeof retriesOf>> {
    lambda.restore(); // the reference requests must reach the server
    const queue = [...answers];
    server.answer = () => queue.shift()!;
    const client = server.client({ maxAttempts: undefined, retryStrategy: strategy() });
    const outcome = await client.send(new GetFunctionCommand({ FunctionName: 'orders' })).catch((e: unknown) => e as TooManyRequestsException);
    expect(queue).toEqual([]);
    return retriesOf(outcome);
  }

  test('throttled twice, then found: attempts 3, totalRetryDelay 10', async () => {
    lambda.on(GetFunctionCommand).rejectsOnce(tooManyRequests()).rejectsOnce(tooManyRequests()).resolves({ Configuration: { FunctionName: 'orders' } });
    const mocked = retriesOf(await new LambdaClient({ region: REGION, retryStrategy: strategy() }).send(new GetFunctionCommand({ FunctionName: 'orders' })));
    expect(mocked).toEqual({ attempts: 3, totalRetryDelay: 10 });
    expect(mocked).toEqual(await real([throttle, throttle, found]));
  });

  test('throttled on every attempt: the error reports attempts 3, totalRetryDelay 10', async () => {
    lambda.on(GetFunctionCommand).rejects(tooManyRequests());
    const mocked = retriesOf(await rejectionOf(new LambdaClient({ region: REGION, retryStrategy: strategy() }).send(new GetFunctionCommand({ FunctionName: 'orders' }))));
    expect(mocked).toEqual({ attempts: 3, totalRetryDelay: 10 });
    expect(mocked).toEqual(await real([throttle, throttle, throttle]));
  });
  test('a streamed body is sent once, never retried: a warning, and no retry counts in $metadata', async () => {
    const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const streamed = () => new InvokeAsyncCommand({ FunctionName: 'orders', InvokeArgs: Readable.from(['{}']) });
    lambda.on(InvokeAsyncCommand).rejects(tooManyRequests());
    const mocked = await rejectionOf(new LambdaClient({ region: REGION }).send(streamed()));
    expect(lambda.calls).toHaveLength(1);

    lambda.restore();
    server.answer = () => throttle;
    const before = server.requests.length;
    const real = await rejectionOf(server.client({ maxAttempts: 3 }).send(streamed()));
    expect(server.requests.length - before).toBe(1);
    expect({ ...mocked.$metadata, requestId: undefined }).toEqual({ ...real.$metadata, requestId: undefined });
    expect(Object.keys(mocked.$metadata)).not.toContain('attempts');
    expect(warnings.mock.calls).toEqual([
      ['An error was encountered in a non-retryable streaming request.'],
      ['An error was encountered in a non-retryable streaming request.'],
    ]);
  });
});

function tokenOf(count: number): RetryToken {
  return { getRetryCount: () => count, getRetryDelay: () => 0 };
}
