import {
  CreateFunctionCommand,
  EC2ThrottledException,
  GetFunctionCommand,
  InvokeCommand,
  KMSAccessDeniedException,
  LambdaClient,
  PublishVersionCommand,
  ResourceNotFoundException,
  ResourceNotReadyException,
  ServiceException,
  TooManyRequestsException,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import {
  ec2Throttled,
  functionTimeout,
  kmsAccessDenied,
  mockLambda,
  resourceNotReady,
  serviceException,
  tooManyRequests,
  type LambdaMock,
  type ServiceFault,
} from '../../lib';
import { startLocalLambda, type LocalLambda } from '../fixtures/local-lambda';
import { arnOf, createInput, REGION, storedState } from '../helpers/fixtures';
import { observable, rejectionOf, serviceAnswerFor, type SdkError } from './helpers';

let lambda: LambdaMock | undefined;
let client: LambdaClient;
let server: LocalLambda;
beforeAll(async () => {
  server = await startLocalLambda();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  lambda = mockLambda();
  client = new LambdaClient({ region: REGION, maxAttempts: 1 });
});
afterEach(() => {
  lambda?.restore();
  lambda = undefined;
});
const mock = (): LambdaMock => lambda!;

/** The error an override answers a GetFunction or Invoke with. */
async function answered(fault: ServiceFault, command: 'GetFunction' | 'Invoke' = 'GetFunction'): Promise<SdkError> {
  if (command === 'Invoke') {
    mock().on(InvokeCommand).rejects(fault);
    return rejectionOf(client.send(new InvokeCommand({ FunctionName: 'orders' })));
  }
  mock().on(GetFunctionCommand).rejects(fault);
  return rejectionOf(client.send(new GetFunctionCommand({ FunctionName: 'orders' })));
}

/** What the real SDK throws when the service answers this error over HTTP: lambda-mock's must look the same. */
async function expectLikeTheRealSdk(mocked: SdkError): Promise<void> {
  mock().restore();
  server.answer = () => serviceAnswerFor(mocked);
  const real = await rejectionOf(server.client().send(new GetFunctionCommand({ FunctionName: 'orders' })));
  expect(observable(mocked)).toEqual(observable(real));
}

const shape = (error: SdkError) => ({
  name: error.name,
  message: error.message,
  status: error.$metadata.httpStatusCode,
  Type: error.Type,
  fault: error.$fault,
});

describe('the common faults, with the service’s exact shapes', () => {
  test('tooManyRequests() on an invoke: 429 `Rate Exceeded.`, Reason ConcurrentInvocationLimitExceeded', async () => {
    const error = await answered(tooManyRequests(), 'Invoke');
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect(shape(error)).toEqual({ name: 'TooManyRequestsException', message: 'Rate Exceeded.', status: 429, Type: 'User', fault: 'client' });
    expect([error.Reason, error.retryAfterSeconds]).toEqual(['ConcurrentInvocationLimitExceeded', undefined]);
    await expectLikeTheRealSdk(error);
  });

  test('tooManyRequests() on another API: `Rate exceeded`, Reason CallerRateLimitExceeded', async () => {
    const error = await answered(tooManyRequests());
    expect([error.message, error.Reason]).toEqual(['Rate exceeded', 'CallerRateLimitExceeded']);
  });

  test('tooManyRequests({ reason, retryAfterSeconds }): the Reason given, retryAfterSeconds as the member and the Retry-After header', async () => {
    const error = await answered(tooManyRequests({ reason: 'ReservedFunctionConcurrentInvocationLimitExceeded', retryAfterSeconds: 3 }), 'Invoke');
    expect([error.Reason, error.retryAfterSeconds, error.$response?.headers['retry-after']]).toEqual([
      'ReservedFunctionConcurrentInvocationLimitExceeded',
      '3',
      '3',
    ]);
    await expectLikeTheRealSdk(error);
  });

  test('serviceException(): 500, Type Service, a server fault', async () => {
    const error = await answered(serviceException());
    expect(error).toBeInstanceOf(ServiceException);
    expect(shape(error)).toEqual({
      name: 'ServiceException',
      message: 'An error occurred and the request cannot be processed.',
      status: 500,
      Type: 'Service',
      fault: 'server',
    });
    await expectLikeTheRealSdk(error);
  });

  test('resourceNotReady(): 502', async () => {
    const error = await answered(resourceNotReady(), 'Invoke');
    expect(error).toBeInstanceOf(ResourceNotReadyException);
    expect(shape(error)).toEqual({
      name: 'ResourceNotReadyException',
      message: 'The function is inactive and its VPC connection is no longer available. Wait for the VPC connection to reestablish and try again.',
      status: 502,
      Type: 'User',
      fault: 'server',
    });
    await expectLikeTheRealSdk(error);
  });

  test('ec2Throttled(): 502', async () => {
    const error = await answered(ec2Throttled(), 'Invoke');
    expect(error).toBeInstanceOf(EC2ThrottledException);
    expect(shape(error)).toEqual({
      name: 'EC2ThrottledException',
      message: 'Lambda was throttled while using the Lambda Execution Role to set up for the Lambda function.',
      status: 502,
      Type: 'User',
      fault: 'server',
    });
    await expectLikeTheRealSdk(error);
  });

  test('kmsAccessDenied(): 502, worded as the service words it', async () => {
    const error = await answered(kmsAccessDenied(), 'Invoke');
    expect(error).toBeInstanceOf(KMSAccessDeniedException);
    expect(shape(error)).toEqual({
      name: 'KMSAccessDeniedException',
      message:
        "Lambda was unable to decrypt the environment variables because KMS access was denied. Please check the function's KMS key settings. " +
        'KMS Exception: AccessDeniedExceptionKMS Message: The ciphertext refers to a customer master key that does not exist, ' +
        'does not exist in this region, or you are not allowed to access.',
      status: 502,
      Type: 'User',
      fault: 'server',
    });
    await expectLikeTheRealSdk(error);
  });

  test('every fault takes a message of its own', async () => {
    expect((await answered(serviceException({ message: 'custom' }))).message).toBe('custom');
    expect((await answered(tooManyRequests({ message: 'slow down' }))).message).toBe('slow down');
  });

  test('bad options are refused at once with a TypeError', () => {
    expect(() => tooManyRequests({ retryAfterSeconds: -1 })).toThrow(new TypeError('lambda-mock: retryAfterSeconds is a number of seconds, not -1'));
    expect(() => functionTimeout(0)).toThrow(new TypeError('lambda-mock: a function timeout is a positive number of seconds, not 0'));
    expect(() => serviceException({ message: 5 as never })).toThrow(new TypeError("lambda-mock: a fault's message is a string, not number"));
  });
});

describe('functionTimeout(): the call succeeds with FunctionError Unhandled, as the service reports a timeout', () => {
  const payloadOf = (answer: { Payload?: { transformToString(): string } }) => JSON.parse(answer.Payload!.transformToString()) as unknown;

  test('the Sandbox.Timedout payload names the request id and the function’s configured Timeout', async () => {
    await client.send(new CreateFunctionCommand(createInput('orders', { Timeout: 30 })));
    mock().setInvokeResults(['{"queued":true}'], { region: REGION });
    mock().on(InvokeCommand, { FunctionName: 'orders' }).rejectsOnce(functionTimeout());

    const answer = await client.send(new InvokeCommand({ FunctionName: 'orders', Payload: '{"id":1}' }));
    expect([answer.StatusCode, answer.FunctionError, answer.ExecutedVersion, answer.$metadata.httpStatusCode]).toEqual([200, 'Unhandled', '$LATEST', 200]);
    expect(payloadOf(answer)).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${answer.$metadata.requestId} Error: Task timed out after 30.00 seconds`,
    });
    // The invocation happened and is recorded; the queued result is still there for the next invoke.
    expect(mock().invocations('orders')).toEqual([
      expect.objectContaining({ payload: '{"id":1}', requestId: answer.$metadata.requestId, result: expect.objectContaining({ functionError: 'Unhandled' }) }),
    ]);
    expect(mock().state.region(REGION).invokeResults.toArray()).toEqual([{ payload: '{"queued":true}' }]);
    expect((await client.send(new InvokeCommand({ FunctionName: 'orders' }))).Payload?.transformToString()).toBe('{"queued":true}');
  });

  test('seconds given, a published version, and the tail of the log', async () => {
    await client.send(new CreateFunctionCommand(createInput('orders')));
    await client.send(new PublishVersionCommand({ FunctionName: 'orders' }));
    await client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'orders', Timeout: 60 }));
    mock().on(InvokeCommand).rejects(functionTimeout(2.5));
    const answer = await client.send(new InvokeCommand({ FunctionName: arnOf('orders', '1'), LogType: 'Tail' }));
    expect(answer.ExecutedVersion).toBe('1');
    expect(payloadOf(answer)).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${answer.$metadata.requestId} Error: Task timed out after 2.50 seconds`,
    });
    const log = Buffer.from(answer.LogResult!, 'base64').toString('utf8');
    expect(log).toMatch(new RegExp(`^START RequestId: ${answer.$metadata.requestId} Version: 1\\n\\S+Z ${answer.$metadata.requestId} Task timed out after 2\\.50 seconds\\nEND RequestId: `));
  });

  test('the version’s own Timeout when the qualifier names one', async () => {
    await client.send(new CreateFunctionCommand(createInput('orders', { Timeout: 7, Publish: true })));
    await client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'orders', Timeout: 60 }));
    mock().on(InvokeCommand).rejects(functionTimeout());
    const answer = await client.send(new InvokeCommand({ FunctionName: 'orders', Qualifier: '1' }));
    expect((payloadOf(answer) as { errorMessage: string }).errorMessage).toMatch(/ Task timed out after 7\.00 seconds$/);
  });

  test('an asynchronous invoke is accepted (202): its timeout happens out of the caller’s sight', async () => {
    await client.send(new CreateFunctionCommand(createInput('orders')));
    mock().on(InvokeCommand).rejects(functionTimeout());
    const answer = await client.send(new InvokeCommand({ FunctionName: 'orders', InvocationType: 'Event', Payload: '{}' }));
    expect([answer.StatusCode, answer.FunctionError, answer.Payload?.byteLength ?? 0]).toEqual([202, undefined, 0]);
  });

  test('a function that does not exist is still not found, and the store is unchanged', async () => {
    const before = storedState(mock());
    mock().on(InvokeCommand).rejects(functionTimeout());
    const error = await rejectionOf(client.send(new InvokeCommand({ FunctionName: 'missing' })));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(storedState(mock())).toEqual(before);
  });
});
