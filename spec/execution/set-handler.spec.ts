import {
  CreateAliasCommand,
  InvokeCommand,
  InvokeWithResponseStreamCommand,
  PublishVersionCommand,
  type InvokeWithResponseStreamResponseEvent,
} from '@aws-sdk/client-lambda';
import type { LambdaCallback, LambdaContext } from '../../lib';
import { arnOf, useMockLambda } from '../helpers/fixtures';
import { invokeText, logOf } from './execution-helpers';

describe('lambda.setHandler runs your own handler in process', () => {
  const mock = useMockLambda();

  it('answers with what the handler returns, given the payload as the event', async () => {
    await mock.create('orders');
    mock.lambda.setHandler('orders', async (event: { id: number }) => ({ received: event.id }));
    const out = await invokeText(mock.client, { FunctionName: 'orders', Payload: '{"id":3}' });
    expect(out).toMatchObject({ StatusCode: 200, ExecutedVersion: '$LATEST', text: '{"received":3}' });
    expect(out.FunctionError).toBeUndefined();
    expect(mock.lambda.invocations('orders')).toEqual([
      expect.objectContaining({ payload: '{"id":3}', invocationType: 'RequestResponse', result: { payload: '{"received":3}' } }),
    ]);
  });

  it('gives the context object the Node.js runtime gives', async () => {
    await mock.create('ctx', { MemorySize: 256, Timeout: 30 });
    let seen: LambdaContext | undefined;
    let remaining = 0;
    mock.lambda.setHandler('ctx', async (_event: unknown, context: LambdaContext) => {
      seen = context;
      remaining = context.getRemainingTimeInMillis();
      return null;
    });
    const out = await invokeText(mock.client, { FunctionName: 'ctx', Qualifier: '$LATEST' });
    expect(seen).toMatchObject({
      functionName: 'ctx',
      functionVersion: '$LATEST',
      invokedFunctionArn: arnOf('ctx', '$LATEST'),
      memoryLimitInMB: '256',
      awsRequestId: out.$metadata.requestId,
      logGroupName: '/aws/lambda/ctx',
      logStreamName: expect.stringMatching(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/),
      callbackWaitsForEmptyEventLoop: true,
    });
    expect(remaining).toBeGreaterThan(0);
    expect(remaining).toBeLessThanOrEqual(30_000);
  });

  it('reports a thrown error as FunctionError Unhandled with the runtime payload, and console output in the Tail log', async () => {
    await mock.create('fails');
    mock.lambda.setHandler('fails', async () => {
      console.log('charging', { id: 1 });
      console.error('about to fail');
      throw new RangeError('card declined');
    });
    const out = await invokeText(mock.client, { FunctionName: 'fails', LogType: 'Tail' });
    expect(out.FunctionError).toBe('Unhandled');
    const payload = JSON.parse(out.text);
    expect(payload).toEqual({ errorType: 'RangeError', errorMessage: 'card declined', trace: expect.any(Array) });
    expect(payload.trace[0]).toBe('RangeError: card declined');
    const requestId = out.$metadata.requestId!;
    const log = logOf(out).split('\n');
    expect(log[0]).toBe(`START RequestId: ${requestId} Version: $LATEST`);
    expect(log[1]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\t${requestId}\\tINFO\\tcharging { id: 1 }$`));
    expect(log[2]).toMatch(new RegExp(`\\t${requestId}\\tERROR\\tabout to fail$`));
    expect(log[3]).toMatch(new RegExp(`\\t${requestId}\\tERROR\\tInvoke Error \\t\\{"errorType":"RangeError","errorMessage":"card declined","stack":\\["RangeError: card declined"`));
    expect(log[4]).toBe(`END RequestId: ${requestId}`);
    expect(log[5]).toMatch(new RegExp(`^REPORT RequestId: ${requestId}\\tDuration: [\\d.]+ ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\t`));
  });

  it('reports a thrown non-error by its type', async () => {
    await mock.create('throws-text');
    mock.lambda.setHandler('throws-text', async () => {
      throw 'plain text';
    });
    expect(JSON.parse((await invokeText(mock.client, { FunctionName: 'throws-text' })).text)).toEqual({ errorType: 'string', errorMessage: 'plain text', trace: [] });
  });

  it('serializes return values as the runtime does: undefined as null, strings as JSON strings', async () => {
    await mock.create('values');
    const results: unknown[] = [undefined, 'ok', 42, [1, { a: true }]];
    mock.lambda.setHandler('values', async () => results.shift());
    const texts = [];
    for (let i = 0; i < 4; i++) texts.push((await invokeText(mock.client, { FunctionName: 'values' })).text);
    expect(texts).toEqual(['null', '"ok"', '42', '[1,{"a":true}]']);
  });

  it('answers Function.ResponseSizeTooLarge for a result over 6,291,556 bytes', async () => {
    await mock.create('big');
    mock.lambda.setHandler('big', async () => 'a'.repeat(6_291_556));
    const out = await invokeText(mock.client, { FunctionName: 'big' });
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe('Unhandled');
    expect(JSON.parse(out.text)).toEqual({
      errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
      errorType: 'Function.ResponseSizeTooLarge',
    });
  });

  it('sets Environment.Variables and the runtime variables in process.env for the call only, even when it fails', async () => {
    await mock.create('env', { Environment: { Variables: { TABLE: 'orders-test', HOME: '/tmp/lambda-home' } } });
    const home = process.env.HOME;
    let seen: Record<string, string | undefined> = {};
    mock.lambda.setHandler('env', async () => {
      seen = { TABLE: process.env.TABLE, HOME: process.env.HOME, AWS_REGION: process.env.AWS_REGION, version: process.env.AWS_LAMBDA_FUNCTION_VERSION };
      throw new Error('after reading');
    });
    await invokeText(mock.client, { FunctionName: 'env' });
    expect(seen).toEqual({ TABLE: 'orders-test', HOME: '/tmp/lambda-home', AWS_REGION: 'us-east-1', version: '$LATEST' });
    expect(process.env.TABLE).toBeUndefined();
    expect(process.env.HOME).toBe(home);
  });

  it('runs a callback-style handler, success and error', async () => {
    await mock.create('cb');
    mock.lambda.setHandler('cb', (event: { fail?: boolean }, _context: LambdaContext, callback: LambdaCallback) => {
      setImmediate(() => (event.fail ? callback(new Error('via callback')) : callback(null, { ok: true })));
    });
    expect((await invokeText(mock.client, { FunctionName: 'cb' })).text).toBe('{"ok":true}');
    const failed = await invokeText(mock.client, { FunctionName: 'cb', Payload: '{"fail":true}' });
    expect(failed.FunctionError).toBe('Unhandled');
    expect(JSON.parse(failed.text)).toMatchObject({ errorType: 'Error', errorMessage: 'via callback' });
  });

  it('enforces the function Timeout, answering Sandbox.Timedout', async () => {
    await mock.create('slow', { Timeout: 1 });
    mock.lambda.setHandler('slow', () => new Promise(() => {}));
    const out = await invokeText(mock.client, { FunctionName: 'slow' });
    expect(out.FunctionError).toBe('Unhandled');
    expect(JSON.parse(out.text)).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${out.$metadata.requestId} Error: Task timed out after 1.00 seconds`,
    });
  });

  it('routes by qualifier: a handler for an alias or version wins over the whole function’s', async () => {
    await mock.create('routed');
    await mock.client.send(new PublishVersionCommand({ FunctionName: 'routed' }));
    await mock.client.send(new CreateAliasCommand({ FunctionName: 'routed', Name: 'live', FunctionVersion: '1' }));
    mock.lambda.setHandler('routed', async () => 'any');
    mock.lambda.setHandler('routed', async () => 'live', { qualifier: 'live' });
    mock.lambda.setHandler('routed', async (_e: unknown, context: LambdaContext) => `v1 ${context.invokedFunctionArn}`, { qualifier: '1' });
    expect((await invokeText(mock.client, { FunctionName: 'routed' })).text).toBe('"any"');
    expect((await invokeText(mock.client, { FunctionName: 'routed', Qualifier: 'live' })).text).toBe('"live"');
    expect((await invokeText(mock.client, { FunctionName: 'routed', Qualifier: '1' })).text).toBe(`"v1 ${arnOf('routed', '1')}"`);
  });

  it('takes precedence after queued results and before the echo; reset() removes it', async () => {
    await mock.create('order');
    mock.lambda.setHandler('order', async () => 'handler');
    mock.lambda.setInvokeResults(['"queued"']);
    const answers = [];
    for (let i = 0; i < 2; i++) answers.push((await invokeText(mock.client, { FunctionName: 'order', Payload: '{"echo":1}' })).text);
    mock.lambda.reset();
    await mock.create('order');
    answers.push((await invokeText(mock.client, { FunctionName: 'order', Payload: '{"echo":1}' })).text);
    expect(answers).toEqual(['"queued"', '"handler"', '{"echo":1}']);
  });

  it('still refuses an invoke of a function that does not exist', async () => {
    mock.lambda.setHandler('ghost', async () => 'never');
    await expect(mock.client.send(new InvokeCommand({ FunctionName: 'ghost' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('runs the handler of an Event invoke after answering 202 at once', async () => {
    await mock.create('events');
    let release!: () => void;
    const ran = new Promise<unknown>((resolve) => {
      mock.lambda.setHandler('events', async (event: unknown) => {
        await new Promise<void>((r) => (release = r));
        resolve(event);
      });
    });
    const out = await mock.client.send(new InvokeCommand({ FunctionName: 'events', InvocationType: 'Event', Payload: '{"n":1}' }));
    expect(out.StatusCode).toBe(202);
    expect(mock.lambda.invocations('events')).toEqual([expect.objectContaining({ invocationType: 'Event', payload: '{"n":1}' })]);
    release();
    await expect(ran).resolves.toEqual({ n: 1 });
  });

  it('streams the handler result through InvokeWithResponseStream', async () => {
    await mock.create('stream');
    mock.lambda.setHandler('stream', async () => ({ streamed: true }));
    const out = await mock.client.send(new InvokeWithResponseStreamCommand({ FunctionName: 'stream' }));
    const events: InvokeWithResponseStreamResponseEvent[] = [];
    for await (const event of out.EventStream!) events.push(event);
    const chunks = events.flatMap((e) => (e.PayloadChunk?.Payload ? [Buffer.from(e.PayloadChunk.Payload)] : []));
    expect(Buffer.concat(chunks).toString('utf8')).toBe('{"streamed":true}');
    expect(events.at(-1)).toEqual({ InvokeComplete: {} });
  });

  it('refuses a handler that is not a function', () => {
    expect(() => mock.lambda.setHandler('orders', 42 as never)).toThrow(
      new TypeError("lambda-mock: setHandler takes a handler function, or 'code' to run the function's own zip"),
    );
  });
});
