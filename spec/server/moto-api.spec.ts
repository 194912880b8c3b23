import { CreateFunctionCommand, InvokeCommand, PutFunctionConcurrencyCommand, PutFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
import { connectLambdaServer } from '../../lib';
import { ACCOUNT, createInput, errorOf } from '../helpers/fixtures';
import { clientOf, rawRequest, useServer } from './server-helpers';

const post = (url: string, path: string, body?: unknown) =>
  rawRequest(url, { method: 'POST', path, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

describe('server mode: moto\'s endpoints, so moto users switch without changing their tests', () => {
  const ctx = useServer();
  const invoke = async (name = 'orders', client = ctx.client) =>
    (await client.send(new InvokeCommand({ FunctionName: name }))).Payload?.transformToString();

  beforeEach(async () => {
    await ctx.client.send(new CreateFunctionCommand(createInput('orders')));
  });

  test('POST /moto-api/reset empties the store, the queues and the logs', async () => {
    ctx.server.lambda.setInvokeResults(['queued']);
    const answer = await post(ctx.server.url, '/moto-api/reset');
    expect({ status: answer.status, body: answer.json() }).toEqual({ status: 200, body: { status: 'ok' } });
    expect(ctx.server.lambda.state.regions.size).toBe(0);
    expect(ctx.server.lambda.calls).toEqual([]);
  });

  test('POST /moto-api/static/lambda-simple/response answers 201 and queues the results in order, as moto does', async () => {
    const answer = await post(ctx.server.url, '/moto-api/static/lambda-simple/response', { results: ['test', 'test 2'], region: 'us-east-1' });
    expect({ status: answer.status, body: answer.body.toString() }).toEqual({ status: 201, body: '' });
    expect([await invoke(), await invoke(), await invoke()]).toEqual(['test', 'test 2', 'Simple Lambda happy path OK']);
  });

  test('a second POST adds to the queue, as moto appends', async () => {
    await post(ctx.server.url, '/moto-api/static/lambda-simple/response', { results: ['first'] });
    await post(ctx.server.url, '/moto-api/static/lambda-simple/response', { results: ['second'] });
    expect([await invoke(), await invoke()]).toEqual(['first', 'second']);
  });

  test('the region defaults to us-east-1 and the account to moto\'s 123456789012; other regions keep their own queue', async () => {
    const west = clientOf(ctx.server, 'eu-west-1');
    await west.send(new CreateFunctionCommand(createInput('orders')));
    await post(ctx.server.url, '/moto-api/static/lambda-simple/response', { results: ['for the west'], region: 'eu-west-1', account_id: ACCOUNT });
    await post(ctx.server.url, '/moto-api/static/lambda-simple/response', { results: ['for the east'] });
    expect(await invoke('orders', west)).toBe('for the west');
    expect(await invoke()).toBe('for the east');
  });

  test.each([
    ['not JSON', 'results: [', 'the body is not JSON'],
    ['without results', '{"region":"us-east-1"}', 'results is an array'],
    ['with a region that is not a string', '{"results":[],"region":1}', 'region is a string'],
  ])('a body %s answers 400 and changes nothing', async (_, body, reason) => {
    const answer = await rawRequest(ctx.server.url, { method: 'POST', path: '/moto-api/static/lambda-simple/response', body });
    expect(answer.status).toBe(400);
    expect(String(answer.json().message)).toContain(reason);
    expect(ctx.server.lambda.state.region('us-east-1').invokeResults.size).toBe(0);
  });
});

describe('server mode: lambda-mock\'s own endpoints, for any process', () => {
  const ctx = useServer();

  beforeEach(async () => {
    await ctx.client.send(new CreateFunctionCommand(createInput('orders')));
    await ctx.client.send(new InvokeCommand({ FunctionName: 'orders', Payload: '{"id":1}' }));
  });

  test('GET /lambda-mock/state: the store as keyed JSON', async () => {
    const answer = await rawRequest(ctx.server.url, { method: 'GET', path: '/lambda-mock/state' });
    expect(answer.status).toBe(200);
    const state = answer.json() as { accountId: string; regions: Record<string, { functions: Record<string, any>; invokeResults: unknown[] }> };
    expect(state.accountId).toBe(ACCOUNT);
    expect(Object.keys(state.regions)).toEqual([`${ACCOUNT}/us-east-1`]);
    const region = state.regions[`${ACCOUNT}/us-east-1`]!;
    expect(Object.keys(region.functions)).toEqual(['orders']);
    expect(region.functions.orders.latest.configuration).toMatchObject({ FunctionName: 'orders', State: 'Active' });
    expect(region.invokeResults).toEqual([]);
  });

  test('GET /lambda-mock/invocations and /lambda-mock/calls', async () => {
    const invocations = await rawRequest(ctx.server.url, { method: 'GET', path: '/lambda-mock/invocations?function=orders' });
    expect(invocations.json()).toEqual([expect.objectContaining({ functionName: 'orders', payload: '{"id":1}', executedVersion: '$LATEST' })]);
    await errorOf(ctx.client.send(new InvokeCommand({ FunctionName: 'missing' })));
    const calls = (await rawRequest(ctx.server.url, { method: 'GET', path: '/lambda-mock/calls' })).json() as unknown as Record<string, unknown>[];
    expect(calls.map((c) => [c.commandName, (c.error as { name?: string } | undefined)?.name])).toEqual([
      ['CreateFunctionCommand', undefined],
      ['InvokeCommand', undefined],
      ['InvokeCommand', 'ResourceNotFoundException'],
    ]);
  });

  test('an unknown lambda-mock or moto path answers 404', async () => {
    const answer = await rawRequest(ctx.server.url, { method: 'GET', path: '/lambda-mock/nothing' });
    expect({ status: answer.status, body: answer.json() }).toEqual({ status: 404, body: { message: 'No endpoint GET /lambda-mock/nothing' } });
  });

  describe('connectLambdaServer(): the same controls, from another process', () => {
    test('reads the URL from AWS_ENDPOINT_URL_LAMBDA by default, and needs one', () => {
      const saved = process.env.AWS_ENDPOINT_URL_LAMBDA;
      try {
        process.env.AWS_ENDPOINT_URL_LAMBDA = `${ctx.server.url}/`;
        expect(connectLambdaServer().url).toBe(ctx.server.url);
        delete process.env.AWS_ENDPOINT_URL_LAMBDA;
        expect(() => connectLambdaServer()).toThrow(TypeError);
      } finally {
        if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_LAMBDA;
        else process.env.AWS_ENDPOINT_URL_LAMBDA = saved;
      }
    });

    test('state, invocations, setInvokeResults, settle, snapshot, load and reset', async () => {
      const remote = connectLambdaServer(ctx.server.url);
      expect(Object.keys((await remote.state()).regions)).toEqual([`${ACCOUNT}/us-east-1`]);
      expect((await remote.invocations('orders')).map((i) => i.payload)).toEqual(['{"id":1}']);
      expect(await remote.invocations('other')).toEqual([]);

      await remote.setInvokeResults(['"one"', { payload: new TextEncoder().encode('"two"'), functionError: 'Handled' }]);
      const first = await ctx.client.send(new InvokeCommand({ FunctionName: 'orders' }));
      const second = await ctx.client.send(new InvokeCommand({ FunctionName: 'orders' }));
      expect([first.Payload?.transformToString(), second.Payload?.transformToString(), second.FunctionError]).toEqual(['"one"', '"two"', 'Handled']);

      const snapshot = await remote.snapshot();
      await remote.reset();
      expect((await remote.state()).regions).toEqual({});
      expect(await remote.invocations()).toEqual([]);
      await remote.load(snapshot);
      expect(ctx.server.lambda.state.region('us-east-1').functions.has('orders')).toBe(true);
      await remote.settle();
    });

    test('idle waits until an Event invoke running a handler has retried and delivered its record', async () => {
      const remote = connectLambdaServer(ctx.server.url);
      const failed = `arn:aws:sqs:us-east-1:${ACCOUNT}:failed`;
      let runs = 0;
      ctx.server.lambda.setHandler('orders', async () => {
        runs += 1;
        // Slower than the Event invoke's 202: without idle() the deliveries are not there yet.
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('declined');
      });
      await ctx.client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'orders', MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: failed } } }));
      expect((await ctx.client.send(new InvokeCommand({ FunctionName: 'orders', InvocationType: 'Event', Payload: '{}' }))).StatusCode).toBe(202);
      expect(ctx.server.lambda.state.region('us-east-1').destinationDeliveries.size).toBe(0);
      await remote.idle();
      expect(runs).toBe(2);
      const deliveries = [...ctx.server.lambda.state.region('us-east-1').destinationDeliveries.values()];
      expect(deliveries.map((d) => [d.outcome, d.destination, d.record.requestContext.condition])).toEqual([['OnFailure', failed, 'RetriesExhausted']]);
    });

    test('setConcurrencyQuota enforces the account quota, and undefined lifts it', async () => {
      const remote = connectLambdaServer(ctx.server.url);
      await remote.setConcurrencyQuota(150);
      const refused = await errorOf(ctx.client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'orders', ReservedConcurrentExecutions: 60 })));
      expect(refused.name).toBe('InvalidParameterValueException');
      await remote.setConcurrencyQuota(undefined);
      await ctx.client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'orders', ReservedConcurrentExecutions: 60 }));
    });

    test('a refused control request throws with the server\'s reason', async () => {
      const remote = connectLambdaServer(ctx.server.url);
      await expect(remote.setConcurrencyQuota(-1)).rejects.toThrow(
        'lambda-mock server answered 400 to PUT /lambda-mock/concurrency-quota: {"message":"lambda-mock: a concurrency quota is a whole number, not -1"}',
      );
    });
  });
});
