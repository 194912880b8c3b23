import {
  CreateFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  PutFunctionConcurrencyCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import http from 'node:http';
import { startLambdaServer, tooManyRequests } from '../../lib';
import { createInput, errorOf } from '../helpers/fixtures';
import { clientOf, eventually, rawRequest, useServer } from './server-helpers';

describe('startLambdaServer()', () => {
  test('listens on 127.0.0.1, on a free port by default, and answers at `url`', async () => {
    const server = await startLambdaServer();
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      expect(server.port).toBeGreaterThan(0);
      const client = clientOf(server);
      await client.send(new CreateFunctionCommand(createInput('orders')));
      expect(server.lambda.state.region('us-east-1').functions.has('orders')).toBe(true);
    } finally {
      await server.close();
    }
  });

  test('on the port and host asked for', async () => {
    const probe = await startLambdaServer();
    const port = probe.port;
    await probe.close();
    const server = await startLambdaServer({ port, host: 'localhost' });
    try {
      expect(server.url).toBe(`http://localhost:${port}`);
      expect((await rawRequest(server.url, { method: 'GET', path: '/2015-03-31/functions' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  test('a port in use rejects, and a bad option throws before anything listens', async () => {
    const first = await startLambdaServer();
    try {
      await expect(startLambdaServer({ port: first.port })).rejects.toThrow(/EADDRINUSE/);
      await expect(startLambdaServer({ concurrencyQuota: -1 })).rejects.toThrow(TypeError);
    } finally {
      await first.close();
    }
  });

  test('close() ends idle keep-alive connections and frees the port; a second close() is harmless', async () => {
    const server = await startLambdaServer();
    const agent = new http.Agent({ keepAlive: true });
    const client = clientOf(server, 'us-east-1', { requestHandler: { httpAgent: agent } });
    await client.send(new CreateFunctionCommand(createInput('orders')));
    const idle = Object.values(agent.freeSockets).flat()[0]!;
    const idleClosed = new Promise((resolve) => idle.once('close', resolve));
    await server.close();
    await idleClosed;
    await server.close();
    agent.destroy();
    const again = await startLambdaServer({ port: server.port });
    expect(again.port).toBe(server.port);
    await again.close();
  });

  test('two servers are two stores', async () => {
    const [a, b] = await Promise.all([startLambdaServer(), startLambdaServer()]);
    try {
      await clientOf(a).send(new CreateFunctionCommand(createInput('only-in-a')));
      expect(a.lambda.state.region('us-east-1').functions.size).toBe(1);
      expect(b.lambda.state.region('us-east-1').functions.size).toBe(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('server.lambda: the controls mockLambda() returns, on the server\'s store', () => {
  describe('with settle: manual and a concurrency quota', () => {
    const ctx = useServer({ settle: 'manual', concurrencyQuota: 150 });

    test('transitions wait for settle(), and the quota is enforced until lifted', async () => {
      await ctx.client.send(new CreateFunctionCommand(createInput('orders')));
      const pending = await ctx.client.send(new GetFunctionConfigurationCommand({ FunctionName: 'orders' }));
      expect(pending.State).toBe('Pending');
      ctx.server.lambda.settle();
      const active = await ctx.client.send(new GetFunctionConfigurationCommand({ FunctionName: 'orders' }));
      expect(active.State).toBe('Active');

      const refused = await errorOf(ctx.client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'orders', ReservedConcurrentExecutions: 60 })));
      expect(refused.name).toBe('InvalidParameterValueException');
      ctx.server.lambda.setConcurrencyQuota(undefined);
      await ctx.client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'orders', ReservedConcurrentExecutions: 60 }));
    });
  });

  describe('defaults', () => {
    const ctx = useServer();

    beforeEach(async () => {
      await ctx.client.send(new CreateFunctionCommand(createInput('orders')));
    });

    test('calls and commandCalls record what arrived over HTTP, typed by command', async () => {
      await ctx.client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'orders', MemorySize: 256 }));
      expect(ctx.server.lambda.commandCalls(UpdateFunctionConfigurationCommand).map((c) => c.input)).toEqual([
        { FunctionName: 'orders', MemorySize: 256 },
      ]);
      expect(ctx.server.lambda.calls.map((c) => [c.commandName, c.operation, c.region, c.accountId])).toEqual([
        ['CreateFunctionCommand', 'CreateFunction', 'us-east-1', '123456789012'],
        ['UpdateFunctionConfigurationCommand', 'UpdateFunctionConfiguration', 'us-east-1', '123456789012'],
      ]);
    });

    test('setInvokeResults and invocations', async () => {
      ctx.server.lambda.setInvokeResults(['{"ok":true}']);
      const answer = await ctx.client.send(new InvokeCommand({ FunctionName: 'orders', Payload: '{"id":3}' }));
      expect(answer.Payload?.transformToString()).toBe('{"ok":true}');
      expect(ctx.server.lambda.invocations('orders').map((i) => [i.payload, i.result?.payload])).toEqual([['{"id":3}', '{"ok":true}']]);
    });

    test('on() overrides answer over HTTP too, and the SDK retries a throttle as from the service', async () => {
      ctx.server.lambda.on(GetFunctionCommand, { FunctionName: 'orders' }).rejectsOnce(tooManyRequests());
      const answer = await ctx.client.send(new GetFunctionCommand({ FunctionName: 'orders' }));
      expect(answer.$metadata.attempts).toBe(2);
      expect(ctx.server.lambda.commandCalls(GetFunctionCommand).map((c) => c.error?.name)).toEqual(['TooManyRequestsException', undefined]);
    });

    test('a delayed answer holds up only its own request', async () => {
      ctx.server.lambda.on(GetFunctionCommand, { FunctionName: 'slow' }).delays(60_000);
      const giveUp = new AbortController();
      const slow = ctx.client.send(new GetFunctionCommand({ FunctionName: 'slow' }), { abortSignal: giveUp.signal });
      expect((await ctx.client.send(new GetFunctionCommand({ FunctionName: 'orders' }))).Configuration?.FunctionName).toBe('orders');
      // The client gives up: its connection closes, and the waiting request is abandoned, never answered.
      giveUp.abort();
      expect((await errorOf(slow)).name).toBe('AbortError');
      await eventually(() => ctx.server.lambda.calls.length === 3); // once the server has seen the connection close

      expect(ctx.server.lambda.commandCalls(GetFunctionCommand).map((c) => [c.input.FunctionName, c.error?.name])).toEqual([
        ['orders', undefined],
        ['slow', 'AbortError'],
      ]);
    });

    test('reset() empties the store and the logs', async () => {
      ctx.server.lambda.reset();
      expect(ctx.server.lambda.state.regions.size).toBe(0);
      expect(ctx.server.lambda.calls).toEqual([]);
      expect(ctx.server.lambda.invocations()).toEqual([]);
    });
  });
});

describe('handlers in server mode', () => {
  test("a handler registered with setHandler answers an invoke over HTTP, error payload and all", async () => {
    const server = await startLambdaServer();
    try {
      const client = clientOf(server);
      await client.send(new CreateFunctionCommand(createInput('orders')));
      server.lambda.setHandler('orders', async (event: { id: number }, context) => ({ id: event.id, by: context.functionName }));
      const ok = await client.send(new InvokeCommand({ FunctionName: 'orders', Payload: '{"id":7}' }));
      expect(JSON.parse(Buffer.from(ok.Payload!).toString())).toEqual({ id: 7, by: 'orders' });

      server.lambda.setHandler('orders', async () => {
        throw new TypeError('bad order');
      });
      const failed = await client.send(new InvokeCommand({ FunctionName: 'orders', Payload: '{}' }));
      expect(failed.FunctionError).toBe('Unhandled');
      expect(JSON.parse(Buffer.from(failed.Payload!).toString())).toMatchObject({ errorType: 'TypeError', errorMessage: 'bad order' });
    } finally {
      await server.close();
    }
  });
});
