import {
  CreateFunctionCommand,
  InvalidRequestContentException,
  InvokeAsyncCommand,
  ResourceNotFoundException,
  type InvokeAsyncCommandInput,
} from '@aws-sdk/client-lambda';
import { Readable } from 'node:stream';
import { ACCOUNT, arnOf, createInput, errorOf, expectServiceError, newClient, REGION, useMockLambda } from '../../helpers/fixtures';

describe('InvokeAsync', () => {
  const mock = useMockLambda();
  const invokeAsync = (InvokeArgs: InvokeAsyncCommandInput['InvokeArgs'], FunctionName = 'orders') =>
    mock.client.send(new InvokeAsyncCommand({ FunctionName, InvokeArgs }));

  beforeEach(async () => {
    await mock.create('orders');
  });

  test('answers Status 202', async () => {
    const { $metadata, ...answer } = await invokeAsync('{"id":1}');
    expect($metadata.httpStatusCode).toBe(202);
    expect(answer).toEqual({ Status: 202 });
  });

  test.each([
    ['a string', () => '{"id":1}'],
    ['a Uint8Array', () => new Uint8Array(Buffer.from('{"id":1}'))],
    // Several chunks, split inside the document: the stream is read to its end before it is parsed.
    ['a Node Readable stream', () => Readable.from([Buffer.from('{"i'), Buffer.from('d":'), Buffer.from('1}')])],
  ])('takes InvokeArgs as %s and records an Event invocation of it', async (_, args) => {
    const { $metadata } = await invokeAsync(args());
    expect(mock.lambda.invocations()).toEqual([
      {
        functionName: 'orders',
        executedVersion: '$LATEST',
        invocationType: 'Event',
        payload: '{"id":1}',
        requestId: $metadata.requestId,
        region: REGION,
        accountId: ACCOUNT,
      },
    ]);
  });

  test('resolves a function by ARN, and a version in the name', async () => {
    await mock.create('billing', { Publish: true });
    await invokeAsync('{}', arnOf('billing'));
    await invokeAsync('{}', `${ACCOUNT}:function:billing:1`);
    expect(mock.lambda.invocations('billing').map((i) => [i.qualifier, i.executedVersion])).toEqual([
      [undefined, '$LATEST'],
      ['1', '1'],
    ]);
  });

  test('an unknown function is ResourceNotFoundException (404) and records nothing', async () => {
    await expectServiceError(invokeAsync('{}', 'nope'), ResourceNotFoundException, 404, `Function not found: ${arnOf('nope')}`);
    expect(mock.lambda.invocations()).toEqual([]);
  });

  // Recorded from AWS for Invoke and CreateFunction (localstack's AWS-validated test_function_arns
  // snapshot; a Go SDK error quoted in common-fate): the region check comes before the function's own.
  test('a function ARN of another region is ResourceNotFoundException (404) and records nothing', async () => {
    // Even where the function exists in that region.
    await newClient('eu-west-1').send(new CreateFunctionCommand(createInput('orders')));
    await expectServiceError(
      invokeAsync('{}', arnOf('orders', undefined, 'eu-west-1')),
      ResourceNotFoundException,
      404,
      "Functions from 'eu-west-1' are not reachable in this region ('us-east-1')",
    );
    expect(mock.lambda.invocations()).toEqual([]);
  });

  test('InvokeArgs that are not JSON are InvalidRequestContentException (400)', async () => {
    const error = await errorOf(invokeAsync(Readable.from([Buffer.from('not json')])));
    expect(error).toBeInstanceOf(InvalidRequestContentException);
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(mock.lambda.invocations()).toEqual([]);
  });
});
