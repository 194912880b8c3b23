import { CreateFunctionCommand, GetFunctionCommand, LambdaClient, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mockLambda, tooManyRequests, type LambdaMock } from '../../lib';
import { createInput, REGION, storedState } from '../helpers/fixtures';
import { fastRetryClient, readSdkConfigFiles, rejectionOf, retriesOf, track, type SdkError } from './helpers';

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

const getFunction = (client: LambdaClient, options?: { abortSignal?: AbortSignal }) =>
  client.send(new GetFunctionCommand({ FunctionName: 'orders' }), options);
const nextMacrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('delays(ms)', () => {
  test('real timers: the answer waits on a timer of ms, then the fake answers', async () => {
    const timers = jest.spyOn(global, 'setTimeout');
    const client = new LambdaClient({ region: REGION, maxAttempts: 1 });
    await client.send(new CreateFunctionCommand(createInput('orders')));
    lambda.on(GetFunctionCommand).delays(30);

    // Whether it is still pending at some moment is for the fake-timer tests to show: here, the timer it waits on.
    const answer = await getFunction(client);
    expect(timers).toHaveBeenCalledWith(expect.any(Function), 30);
    expect(answer.Configuration?.FunctionName).toBe('orders');
    expect(lambda.calls.map((c) => c.commandName)).toEqual(['CreateFunctionCommand', 'GetFunctionCommand']);
  });

  test('fake timers: nothing is answered until the clock has moved ms', async () => {
    jest.useFakeTimers();
    const client = new LambdaClient({ region: REGION, maxAttempts: 1 });
    lambda.on(GetFunctionCommand).delays(1000);
    const call = track(getFunction(client));
    await jest.advanceTimersByTimeAsync(999);
    expect([call.settled, lambda.calls.length]).toEqual([false, 0]);
    await jest.advanceTimersByTimeAsync(1);
    expect(await rejectionOf(call.promise)).toBeInstanceOf(ResourceNotFoundException);
  });

  test('every answer of the rule is late, the once-answers’ and the fake’s', async () => {
    jest.useFakeTimers();
    const client = new LambdaClient({ region: REGION, maxAttempts: 1 });
    lambda.on(GetFunctionCommand).delays(300).resolvesOnce({ Configuration: { FunctionName: 'stubbed' } });
    const first = track(getFunction(client));
    await jest.advanceTimersByTimeAsync(300);
    expect((await first.promise).Configuration?.FunctionName).toBe('stubbed');
    const second = track(getFunction(client));
    await jest.advanceTimersByTimeAsync(299);
    expect(second.settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(await rejectionOf(second.promise)).toBeInstanceOf(ResourceNotFoundException);
  });

  test('each retry attempt is late again: a delayed throttle, then a delayed success, wait one timer each', async () => {
    const timers = jest.spyOn(global, 'setTimeout');
    lambda.on(GetFunctionCommand).delays(20).rejectsOnce(tooManyRequests()).resolves({ Configuration: { FunctionName: 'stubbed' } });
    const answer = await getFunction(fastRetryClient());
    expect(retriesOf(answer)).toEqual({ attempts: 2, totalRetryDelay: 0 });
    expect(timers.mock.calls.filter(([, ms]) => ms === 20)).toHaveLength(2);
  });
});

describe('a client abortSignal cancels a delayed call, as it cancels an HTTP request', () => {
  test('the call rejects with the SDK’s AbortError; the command never runs; the call is recorded with that error', async () => {
    jest.useFakeTimers();
    const client = new LambdaClient({ region: REGION }); // retries configured: an aborted call is not retried
    lambda.on(CreateFunctionCommand).delays(1000);
    const before = storedState(lambda);
    const controller = new AbortController();
    const call = track(client.send(new CreateFunctionCommand(createInput('orders')), { abortSignal: controller.signal }));
    await jest.advanceTimersByTimeAsync(100);
    const reason = new Error('the test gave up');
    controller.abort(reason);
    const error = await rejectionOf(call.promise);
    expect({ name: error.name, message: error.message, cause: error.cause }).toEqual({ name: 'AbortError', message: 'Request aborted', cause: reason });
    expect(retriesOf(error)).toEqual({ attempts: 1, totalRetryDelay: 0 });
    await jest.advanceTimersByTimeAsync(5000);
    expect(storedState(lambda)).toEqual(before);
    expect(lambda.calls.map((c) => [c.commandName, c.error])).toEqual([['CreateFunctionCommand', error]]);
  });

  test('a reason that is not an Error is the message', async () => {
    jest.useFakeTimers();
    lambda.on(GetFunctionCommand).delays(1000);
    const controller = new AbortController();
    const call = track(getFunction(new LambdaClient({ region: REGION }), { abortSignal: controller.signal }));
    await jest.advanceTimersByTimeAsync(10);
    controller.abort('user navigated away');
    const error = await rejectionOf(call.promise);
    expect([error.name, error.message, error.cause]).toEqual(['AbortError', 'user navigated away', undefined]);
  });

  test('an abort during the SDK’s own backoff ends the call there: one attempt answered', async () => {
    jest.useFakeTimers();
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    lambda.on(GetFunctionCommand).rejectsOnce(tooManyRequests());
    const controller = new AbortController();
    const call = track(getFunction(new LambdaClient({ region: REGION }), { abortSignal: controller.signal }));
    await jest.advanceTimersByTimeAsync(100); // the backoff is 500 ms
    const reason = new Error('the test gave up');
    controller.abort(reason);
    const error = await rejectionOf(call.promise);
    expect([error.name, error.message, error.cause]).toEqual(['AbortError', 'Request aborted', reason]);
    expect(lambda.calls).toHaveLength(1);
  });

  describe('the same AbortError as the real SDK aborting a request to a slow endpoint', () => {
    let server: http.Server;
    let endpoint: string;
    const received: http.ServerResponse[] = [];
    beforeAll(async () => {
      // Holds every request unanswered: the only way out is the client's abort.
      server = http.createServer((request, response) => {
        request.resume();
        received.push(response);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    const realClient = () => new LambdaClient({ region: REGION, endpoint, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    const aborted = (error: SdkError, controller: AbortController) => ({
      name: error.name,
      message: error.message,
      causeIsReason: error.cause === controller.signal.reason,
      ownKeys: Object.keys(error).sort(),
      metadata: error.$metadata,
    });

    test('aborted while waiting for the answer', async () => {
      const timers = jest.spyOn(global, 'setTimeout');
      lambda.on(GetFunctionCommand).delays(60_000);
      const mockedController = new AbortController();
      const mockedCall = getFunction(new LambdaClient({ region: REGION }), { abortSignal: mockedController.signal });
      while (!timers.mock.calls.some(([, ms]) => ms === 60_000)) await nextMacrotask();
      mockedController.abort();
      const mocked = await rejectionOf(mockedCall);
      expect(lambda.calls.map((c) => c.error)).toEqual([mocked]);

      lambda.restore();
      const realController = new AbortController();
      const realCall = getFunction(realClient(), { abortSignal: realController.signal });
      while (received.length === 0) await nextMacrotask();
      realController.abort();
      const real = await rejectionOf(realCall);
      expect(aborted(mocked, mockedController)).toEqual(aborted(real, realController));
      expect(aborted(mocked, mockedController)).toMatchObject({ name: 'AbortError', metadata: { attempts: 1, totalRetryDelay: 0 } });
    });

    test('aborted before it is sent', async () => {
      const mockedController = new AbortController();
      mockedController.abort();
      const mocked = await rejectionOf(getFunction(new LambdaClient({ region: REGION }), { abortSignal: mockedController.signal }));
      expect(lambda.calls).toEqual([]);

      lambda.restore();
      const realController = new AbortController();
      realController.abort();
      const before = received.length;
      const real = await rejectionOf(getFunction(realClient(), { abortSignal: realController.signal }));
      expect(received.length).toBe(before);
      expect(aborted(mocked, mockedController)).toEqual(aborted(real, realController));
    });
  });
});
