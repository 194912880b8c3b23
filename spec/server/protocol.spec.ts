import {
  CreateFunctionCommand,
  GetFunctionCommand,
  InvokeCommand,
  LambdaServiceException,
  ListFunctionsCommand,
  PutFunctionConcurrencyCommand,
  ResourceNotFoundException,
  TooManyRequestsException,
} from '@aws-sdk/client-lambda';
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { mockLambda } from '../../lib';
import { allOperationSpecs } from '../../lib/model/extra-operations';
import { handlers } from '../../lib/operations/registry';
import { createInput, errorOf, newClient, sha256Base64, zipOf } from '../helpers/fixtures';
import { clientOf, rawRequest, signedFor, useServer } from './server-helpers';

const INVOKE_PATH = (name: string) => `/2015-03-31/functions/${name}/invocations`;

describe('server mode speaks Lambda REST-JSON', () => {
  const ctx = useServer();
  const create = (name: string, region = 'us-east-1') => clientOf(ctx.server, region).send(new CreateFunctionCommand(createInput(name)));

  describe('Invoke: headers in, headers and a raw payload out', () => {
    beforeEach(async () => {
      await create('orders');
    });

    test('the payload travels raw both ways, and X-Amz-Executed-Version names the version', async () => {
      const answer = await rawRequest(ctx.server.url, { method: 'POST', path: INVOKE_PATH('orders'), body: '{"id":7}' });
      expect(answer.status).toBe(200);
      expect(answer.body.toString('utf8')).toBe('{"id":7}');
      expect(answer.headers['x-amz-executed-version']).toBe('$LATEST');
      expect(answer.headers['x-amz-function-error']).toBeUndefined();
      expect(answer.headers['x-amz-log-result']).toBeUndefined();
      const [invocation] = ctx.server.lambda.invocations('orders');
      expect(invocation).toMatchObject({ payload: '{"id":7}', invocationType: 'RequestResponse' });
      expect(answer.headers['x-amzn-requestid']).toBe(invocation!.requestId);
    });

    test('X-Amz-Log-Type: Tail answers X-Amz-Log-Result; a function error answers X-Amz-Function-Error, status 200', async () => {
      ctx.server.lambda.setInvokeResults([{ payload: '{"errorMessage":"declined"}', functionError: 'Handled', logs: 'declined by issuer' }]);
      const answer = await rawRequest(ctx.server.url, {
        method: 'POST',
        path: INVOKE_PATH('orders'),
        headers: { 'X-Amz-Log-Type': 'Tail' },
        body: '{}',
      });
      expect(answer.status).toBe(200);
      expect(answer.headers['x-amz-function-error']).toBe('Handled');
      expect(answer.body.toString('utf8')).toBe('{"errorMessage":"declined"}');
      expect(Buffer.from(String(answer.headers['x-amz-log-result']), 'base64').toString('utf8')).toContain('\ndeclined by issuer\nEND RequestId: ');
    });

    test.each([
      ['Event', 202],
      ['DryRun', 204],
    ])('X-Amz-Invocation-Type: %s answers %i with an empty body', async (type, status) => {
      const answer = await rawRequest(ctx.server.url, {
        method: 'POST',
        path: INVOKE_PATH('orders'),
        headers: { 'X-Amz-Invocation-Type': type },
        body: '{"id":1}',
      });
      expect({ status: answer.status, body: answer.body.toString('utf8') }).toEqual({ status, body: '' });
      expect(ctx.server.lambda.invocations().map((i) => i.invocationType)).toEqual([type]);
    });

    test('X-Amz-Client-Context and a qualifier in the query reach the handler as the SDK input members', async () => {
      const context = Buffer.from('{"custom":{"a":1}}').toString('base64');
      await rawRequest(ctx.server.url, {
        method: 'POST',
        path: `${INVOKE_PATH('orders')}?Qualifier=%24LATEST`,
        headers: { 'X-Amz-Client-Context': context },
      });
      expect(ctx.server.lambda.calls.at(-1)).toMatchObject({
        commandName: 'InvokeCommand',
        input: { FunctionName: 'orders', Qualifier: '$LATEST', ClientContext: context },
      });
    });

    test('the SDK reads them into InvokeCommandOutput', async () => {
      ctx.server.lambda.setInvokeResults([{ payload: '"boom"', functionError: 'Unhandled' }]);
      const answer = await ctx.client.send(new InvokeCommand({ FunctionName: 'orders', LogType: 'Tail' }));
      expect({ status: answer.StatusCode, error: answer.FunctionError, version: answer.ExecutedVersion, payload: answer.Payload?.transformToString() })
        .toEqual({ status: 200, error: 'Unhandled', version: '$LATEST', payload: '"boom"' });
      expect(Buffer.from(answer.LogResult!, 'base64').toString('utf8')).toMatch(/^START RequestId: /);
    });
  });

  test('InvokeWithResponseStream answers an application/vnd.amazon.eventstream body: PayloadChunk, then InvokeComplete', async () => {
    await create('streamer');
    const answer = await rawRequest(ctx.server.url, {
      method: 'POST',
      path: '/2021-11-15/functions/streamer/response-streaming-invocations',
      headers: { 'X-Amz-Log-Type': 'Tail' },
      body: '{"n":1}',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['x-amz-executed-version']).toBe('$LATEST');
    const codec = new EventStreamCodec(toUtf8, fromUtf8);
    const messages: { type: unknown; contentType: unknown; body: string }[] = [];
    for (let offset = 0; offset < answer.body.byteLength; ) {
      const length = answer.body.readUInt32BE(offset);
      const { headers, body } = codec.decode(answer.body.subarray(offset, offset + length));
      messages.push({ type: headers[':event-type']?.value, contentType: headers[':content-type']?.value, body: toUtf8(body) });
      offset += length;
    }
    expect(messages.slice(0, 1)).toEqual([{ type: 'PayloadChunk', contentType: 'application/octet-stream', body: '{"n":1}' }]);
    expect(messages[1]).toMatchObject({ type: 'InvokeComplete', contentType: 'application/json' });
    expect(Object.keys(JSON.parse(messages[1]!.body))).toEqual(['LogResult']);
    expect(messages).toHaveLength(2);
  });

  describe('the JSON body', () => {
    test('a blob member arrives base64-encoded and is stored as the bytes it encodes', async () => {
      const zip = zipOf('exports.handler = async () => 42;');
      const body = JSON.stringify({ ...createInput('raw'), Code: { ZipFile: Buffer.from(zip).toString('base64') } });
      const answer = await rawRequest(ctx.server.url, { method: 'POST', path: '/2015-03-31/functions', body });
      expect(answer.status).toBe(201);
      expect(answer.headers['content-type']).toBe('application/json');
      expect(answer.json()).toMatchObject({ FunctionName: 'raw', CodeSha256: sha256Base64(zip), State: 'Pending' });
    });

    test('members the model does not declare are dropped before the handler sees the input', async () => {
      const body = JSON.stringify({ ...createInput('tidy'), Code: { ZipFile: Buffer.from(zipOf()).toString('base64') }, Bogus: 1 });
      await rawRequest(ctx.server.url, { method: 'POST', path: '/2015-03-31/functions', body });
      expect(Object.keys(ctx.server.lambda.calls[0]!.input as object)).not.toContain('Bogus');
    });

    test('query parameters arrive typed: MaxItems is a number, and paginates', async () => {
      await create('a');
      await create('b');
      const first = await rawRequest(ctx.server.url, { method: 'GET', path: '/2015-03-31/functions/?MaxItems=1' });
      expect(first.status).toBe(200);
      const page = first.json() as { Functions: { FunctionName: string }[]; NextMarker: string };
      expect(page.Functions.map((f) => f.FunctionName)).toEqual(['a']);
      expect(ctx.server.lambda.calls.at(-1)?.input).toEqual({ MaxItems: 1 });
      const second = await ctx.client.send(new ListFunctionsCommand({ Marker: page.NextMarker }));
      expect(second.Functions?.map((f) => f.FunctionName)).toEqual(['b']);
    });
  });

  describe('errors: status, x-amzn-errortype and the service\'s body', () => {
    test('ResourceNotFoundException (404): Type and Message, as the model names its members', async () => {
      const answer = await rawRequest(ctx.server.url, { method: 'GET', path: '/2015-03-31/functions/missing' });
      expect(answer.status).toBe(404);
      expect(answer.headers['x-amzn-errortype']).toBe('ResourceNotFoundException');
      expect(answer.headers['content-type']).toBe('application/json');
      expect(answer.json()).toEqual({ Type: 'User', Message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:missing' });
    });

    test('ValidationException (400, not in the model): a message and no Type', async () => {
      const answer = await rawRequest(ctx.server.url, { method: 'GET', path: '/2015-03-31/functions/orders?Qualifier=%21%21' });
      expect(answer.status).toBe(400);
      expect(answer.headers['x-amzn-errortype']).toBe('ValidationException');
      expect(answer.json()).toEqual({ message: expect.stringMatching(/^1 validation error detected: Value '!!' at 'qualifier' failed to satisfy constraint/) });
    });

    test('TooManyRequestsException (429): message and Reason as the model names them; the SDK reads Reason', async () => {
      await create('throttled');
      await ctx.client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'throttled', ReservedConcurrentExecutions: 0 }));
      const answer = await rawRequest(ctx.server.url, { method: 'POST', path: INVOKE_PATH('throttled'), body: '{}' });
      expect(answer.status).toBe(429);
      expect(answer.json()).toEqual({ Type: 'User', message: 'Rate Exceeded.', Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' });
      const error = await errorOf(clientOf(ctx.server, 'us-east-1', { maxAttempts: 1 }).send(new InvokeCommand({ FunctionName: 'throttled' })));
      expect(error).toBeInstanceOf(TooManyRequestsException);
      expect({ Reason: error.Reason, message: error.message, status: error.$metadata.httpStatusCode }).toEqual({
        Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
        message: 'Rate Exceeded.',
        status: 429,
      });
    });

    test('over HTTP the SDK builds the same exception as in process', async () => {
      const summary = (error: Record<string, any>) => ({
        class: error.constructor.name,
        keys: Object.keys(error).sort(),
        name: error.name,
        message: error.message,
        Type: error.Type,
        $fault: error.$fault,
        status: error.$metadata.httpStatusCode,
        attempts: error.$metadata.attempts,
      });
      const overHttp = await errorOf(ctx.client.send(new GetFunctionCommand({ FunctionName: 'missing' })));
      const mock = mockLambda();
      try {
        const inProcess = await errorOf(newClient().send(new GetFunctionCommand({ FunctionName: 'missing' })));
        expect(overHttp).toBeInstanceOf(ResourceNotFoundException);
        // The deserializer also sets the modeled members the body leaves out (`Message: undefined` is then deleted).
        expect(summary(overHttp)).toEqual(summary(inProcess));
      } finally {
        mock.restore();
      }
    });

    test('the call log holds the SDK\'s own exception, with the request id the client was given', async () => {
      const error = await errorOf(ctx.client.send(new GetFunctionCommand({ FunctionName: 'missing' })));
      const [call] = ctx.server.lambda.calls;
      expect(call?.error).toBeInstanceOf(ResourceNotFoundException);
      expect((call?.error as LambdaServiceException).$metadata.requestId).toBe(error.$metadata.requestId);
    });

    const unhandled = Object.keys(allOperationSpecs).find((operation) => !(operation in handlers));
    (unhandled ? test : test.skip)(`an operation without a handler (${unhandled}) answers 501 UnhandledCommandError, naming it`, async () => {
      const spec = allOperationSpecs[unhandled!]!;
      const path = spec.uri.replace(/\{[^}]+\}/g, 'x');
      const answer = await rawRequest(ctx.server.url, { method: spec.method, path, body: '{}' });
      expect(answer.status).toBe(501);
      expect(answer.headers['x-amzn-errortype']).toBe('UnhandledCommandError');
      expect(answer.json()).toEqual({ message: `lambda-mock cannot answer ${unhandled}Command: lambda-mock has no handler for it yet` });
    });
  });

  describe('account and region', () => {
    test('the region is the one the request was signed for; the signature itself is not checked', async () => {
      await create('west', 'eu-west-1');
      const answer = await rawRequest(ctx.server.url, {
        method: 'GET',
        path: '/2015-03-31/functions/west',
        headers: { authorization: signedFor('eu-west-1') },
      });
      expect(answer.status).toBe(200);
      expect(ctx.server.lambda.state.region('eu-west-1').functions.has('west')).toBe(true);
      expect(ctx.server.lambda.state.region('us-east-1').functions.has('west')).toBe(false);
    });

    test('an unsigned request is in the default region', async () => {
      await create('east');
      const answer = await rawRequest(ctx.server.url, { method: 'GET', path: '/2015-03-31/functions/east' });
      expect(answer.json()).toMatchObject({ Configuration: { FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:east' } });
    });
  });
});

describe('server mode with options', () => {
  const other = useServer({ accountId: '210987654321', region: 'ap-south-1' });

    test('the account comes from the options, and unsigned requests go to the `region` option', async () => {
      const body = JSON.stringify({ ...createInput('billing'), Code: { ZipFile: Buffer.from(zipOf()).toString('base64') } });
      const answer = await rawRequest(other.server.url, { method: 'POST', path: '/2015-03-31/functions', body });
      expect(answer.json()).toMatchObject({ FunctionArn: 'arn:aws:lambda:ap-south-1:210987654321:function:billing' });
      expect(other.server.lambda.state.region('ap-south-1').functions.has('billing')).toBe(true);
    });
});
