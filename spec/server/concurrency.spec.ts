import { CreateFunctionCommand, InvokeCommand, TagResourceCommand } from '@aws-sdk/client-lambda';
import http from 'node:http';
import { arnOf, createInput } from '../helpers/fixtures';
import { clientOf, useServer } from './server-helpers';

const COUNT = 1_000;

describe('server mode under 1,000 concurrent requests', () => {
  const ctx = useServer();
  // One socket per request: all of them are in flight at once, none waits in the client's queue.
  const agent = new http.Agent({ keepAlive: true, maxSockets: COUNT });
  afterAll(() => agent.destroy());
  const client = () => clientOf(ctx.server, 'us-east-1', { requestHandler: { httpAgent: agent } });

  test('creates, tags and invokes in parallel, each answered once, and the store stays consistent', async () => {
    const lambda = client();
    const names = Array.from({ length: COUNT }, (_, i) => `fn-${i}`);

    // 1,000 creates at once: every one stored, none twice.
    const created = await Promise.all(names.map((name) => lambda.send(new CreateFunctionCommand(createInput(name)))));
    expect(new Set(created.map((c) => c.FunctionName)).size).toBe(COUNT);
    expect(ctx.server.lambda.state.region('us-east-1').functions.size).toBe(COUNT);

    // Half tag their own function, half invoke function 0: 1,000 requests in flight on one store.
    ctx.server.lambda.setInvokeResults(Array.from({ length: COUNT / 2 }, (_, i) => `{"result":${i}}`));
    const tagged = names.slice(0, COUNT / 2);
    const [, invoked] = await Promise.all([
      Promise.all(tagged.map((name, i) => lambda.send(new TagResourceCommand({ Resource: arnOf(name), Tags: { index: String(i) } })))),
      Promise.all(Array.from({ length: COUNT / 2 }, (_, i) => lambda.send(new InvokeCommand({ FunctionName: 'fn-0', Payload: `{"call":${i}}` })))),
    ]);

    // Every queued result answered exactly once, and the queue is empty.
    const payloads = invoked.map((answer) => answer.Payload!.transformToString());
    expect(new Set(payloads)).toEqual(new Set(Array.from({ length: COUNT / 2 }, (_, i) => `{"result":${i}}`)));
    expect(ctx.server.lambda.state.region('us-east-1').invokeResults.size).toBe(0);
    // Each invocation is logged once, with its own request id, and matches what its caller was answered.
    const invocations = ctx.server.lambda.invocations('fn-0');
    expect(new Set(invocations.map((i) => i.requestId)).size).toBe(COUNT / 2);
    const byRequest = new Map(invocations.map((i) => [i.requestId, i.result?.payload]));
    expect(invoked.every((answer, i) => byRequest.get(answer.$metadata.requestId!) === payloads[i])).toBe(true);
    // Every tag landed on its own function.
    const functions = ctx.server.lambda.state.region('us-east-1').functions;
    expect(tagged.every((name, i) => functions.get(name)?.tags.index === String(i))).toBe(true);
    expect(ctx.server.lambda.calls).toHaveLength(2 * COUNT);
    expect(ctx.server.lambda.calls.every((call) => call.error === undefined)).toBe(true);
  }, 30_000); // 2,000 signed requests: room for a loaded machine
});
