import * as sdk from '@aws-sdk/client-lambda';
import {
  CreateFunctionCommand,
  GetFunctionCommand,
  InvalidParameterValueException,
  LambdaServiceException,
  PreconditionFailedException,
  ResourceConflictException,
  ResourceNotFoundException,
  TooManyRequestsException,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import type { ResponseMetadata } from '@smithy/types';
import { mockLambda, type LambdaMock } from '../../lib';
import { ServiceError } from '../../lib/errors/service-error';
import { toSdkError } from '../../lib/errors/to-sdk-error';
import { errorSpecs } from '../../lib/model/lambda-model.generated';
import { arnOf, createInput, newClient } from '../helpers/fixtures';
import { startLocalLambda, type LocalAnswer, type LocalLambda } from '../fixtures/local-lambda';

// The reference for every error is what the real SDK builds when a (local) Lambda endpoint answers
// that error over HTTP. lambda-mock's error must be indistinguishable from it for user code:
// same class, name, message, $fault, status, Type, members, and the same own enumerable keys.
let server: LocalLambda;
let lambda: LambdaMock | undefined;
beforeAll(async () => {
  server = await startLocalLambda();
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  lambda?.restore();
  lambda = undefined;
});

type AnyError = Error & Record<string, unknown> & { $metadata: ResponseMetadata; $response?: { statusCode: number; headers: Record<string, string> } };

/** What the real SDK throws when the endpoint answers `answer`. */
async function realSdkError(answer: LocalAnswer): Promise<AnyError> {
  server.answer = () => answer;
  const before = server.requests.length;
  const error = await server.client().send(new GetFunctionCommand({ FunctionName: 'any' })).then(
    () => undefined,
    (e: unknown) => e as AnyError,
  );
  expect(server.requests.length).toBe(before + 1);
  if (!error) throw new Error('the real SDK did not throw');
  return error;
}

/** The HTTP answer the Lambda service gives for this error (body member `Message` or `message`, as the service spells it). */
const answerFor = (error: AnyError, { messageKey = 'message', extraHeaders = {} as Record<string, string> } = {}): LocalAnswer => {
  const body: Record<string, unknown> = { [messageKey]: error.message };
  if (error.Type !== undefined) body.Type = error.Type;
  if (error.Reason !== undefined) body.Reason = error.Reason;
  return { status: error.$metadata.httpStatusCode!, headers: { 'x-amzn-errortype': error.name, ...extraHeaders }, body };
};

/** Everything user code can observe of an error, but the request id's value. */
const observable = (error: AnyError) => {
  const ownKeys = Object.keys(error).sort();
  const response = Object.getOwnPropertyDescriptor(error, '$response');
  return {
    prototype: Object.getPrototypeOf(error) as object,
    name: error.name,
    message: error.message,
    text: String(error),
    $fault: error.$fault,
    $retryable: error.$retryable,
    status: error.$metadata.httpStatusCode,
    metadata: { ...error.$metadata, requestId: typeof error.$metadata.requestId },
    ownKeys,
    members: Object.fromEntries(ownKeys.filter((k) => !['$metadata', '$fault', '$retryable', 'name', 'message'].includes(k)).map((k) => [k, error[k]])),
    hasMessageMember: 'Message' in error,
    response: {
      hidden: response?.enumerable === false,
      statusCode: error.$response?.statusCode,
      errorType: error.$response?.headers['x-amzn-errortype'],
    },
  };
};

/** Asserts lambda-mock's error looks exactly like the real SDK's for the same answer. */
async function expectLikeTheRealSdk(mocked: AnyError, answer: LocalAnswer): Promise<void> {
  lambda?.restore(); // the reference request must reach the server
  const real = await realSdkError(answer);
  expect(observable(mocked)).toEqual(observable(real));
}

const errorOf = (promise: Promise<unknown>): Promise<AnyError> =>
  promise.then(
    () => {
      throw new Error('expected the command to fail');
    },
    (e: unknown) => e as AnyError,
  );

describe('errors lambda-mock produces through operations match the real SDK', () => {
  test('ResourceNotFoundException (404, the service spells it `Message`)', async () => {
    lambda = mockLambda();
    const mocked = await errorOf(newClient().send(new GetFunctionCommand({ FunctionName: 'nope' })));
    expect(mocked).toBeInstanceOf(ResourceNotFoundException);
    expect(mocked.message).toBe(`Function not found: ${arnOf('nope')}`);
    expect(mocked.Type).toBe('User');
    await expectLikeTheRealSdk(mocked, answerFor(mocked, { messageKey: 'Message' }));
  });

  test('ResourceConflictException (409): CreateFunction twice', async () => {
    lambda = mockLambda();
    const client = newClient();
    await client.send(new CreateFunctionCommand(createInput('twice')));
    const mocked = await errorOf(client.send(new CreateFunctionCommand(createInput('twice'))));
    expect(mocked).toBeInstanceOf(ResourceConflictException);
    expect(mocked.$metadata.httpStatusCode).toBe(409);
    await expectLikeTheRealSdk(mocked, answerFor(mocked));
  });

  test('InvalidParameterValueException (400): a ZipFile that is no zip', async () => {
    lambda = mockLambda();
    const mocked = await errorOf(newClient().send(new CreateFunctionCommand(createInput('bad-zip', { Code: { ZipFile: new TextEncoder().encode('not a zip') } }))));
    expect(mocked).toBeInstanceOf(InvalidParameterValueException);
    expect(mocked.$metadata.httpStatusCode).toBe(400);
    await expectLikeTheRealSdk(mocked, answerFor(mocked));
  });

  test('PreconditionFailedException (412): UpdateFunctionConfiguration with a stale RevisionId', async () => {
    lambda = mockLambda();
    const client = newClient();
    const created = await client.send(new CreateFunctionCommand(createInput('rev')));
    await client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'rev', Description: 'one', RevisionId: created.RevisionId }));
    const mocked = await errorOf(client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'rev', Description: 'two', RevisionId: created.RevisionId })));
    expect(mocked).toBeInstanceOf(PreconditionFailedException);
    expect(mocked.$metadata.httpStatusCode).toBe(412);
    await expectLikeTheRealSdk(mocked, answerFor(mocked));
  });

  test('ValidationException (400, not in the model): LambdaServiceException named after the code, no Type', async () => {
    lambda = mockLambda();
    const mocked = await errorOf(newClient().send(new CreateFunctionCommand(createInput('bad name!'))));
    expect(Object.getPrototypeOf(mocked)).toBe(LambdaServiceException.prototype);
    expect(mocked.name).toBe('ValidationException');
    expect(mocked.message).toMatch(/^1 validation error detected: Value 'bad name!' at 'functionName' failed to satisfy constraint/);
    expect('Type' in mocked).toBe(false);
    // The service's body for it is `{"message": "..."}`, with no Type.
    await expectLikeTheRealSdk(mocked, { status: 400, headers: { 'x-amzn-errortype': 'ValidationException' }, body: { message: mocked.message } });
  });
});

describe('toSdkError builds what the real SDK builds', () => {
  const metadata = (httpStatusCode: number): ResponseMetadata => ({
    httpStatusCode,
    requestId: '3f1c2b4e-0000-4000-8000-000000000000',
    extendedRequestId: undefined,
    cfId: undefined,
    attempts: 1,
    totalRetryDelay: 0,
  });
  const build = (error: ServiceError) => toSdkError(sdk, error, metadata(error.status)) as AnyError;

  test('TooManyRequestsException (429) with Reason and the Retry-After header', async () => {
    const mocked = build(
      new ServiceError('TooManyRequestsException', 'Rate Exceeded.', { members: { Reason: 'CallerRateLimitExceeded', retryAfterSeconds: '2' } }),
    );
    expect(mocked).toBeInstanceOf(TooManyRequestsException);
    expect(mocked.$metadata.httpStatusCode).toBe(429);
    expect([mocked.Reason, mocked.retryAfterSeconds, mocked.Type]).toEqual(['CallerRateLimitExceeded', '2', 'User']);
    await expectLikeTheRealSdk(mocked, answerFor(mocked, { extraHeaders: { 'retry-after': '2' } }));
  });

  test('TooManyRequestsException without Reason or Retry-After still has those members (undefined)', async () => {
    const mocked = build(new ServiceError('TooManyRequestsException', 'Rate Exceeded.'));
    expect(Object.keys(mocked)).toEqual(expect.arrayContaining(['Reason', 'retryAfterSeconds']));
    await expectLikeTheRealSdk(mocked, answerFor(mocked));
  });

  test('an unmodeled error code with a Type keeps it, on a LambdaServiceException', async () => {
    const mocked = build(new ServiceError('SomethingNewException', 'brand new', { status: 400 }));
    expect(Object.getPrototypeOf(mocked)).toBe(LambdaServiceException.prototype);
    await expectLikeTheRealSdk(mocked, answerFor(mocked));
  });

  test.each(Object.keys(errorSpecs))('%s, as every modeled error', async (code) => {
    const mocked = build(new ServiceError(code, `${code} happened`));
    const Class = (sdk as unknown as Record<string, unknown>)[code];
    // The model and the SDK are generated from the same service description.
    expect(Object.getPrototypeOf(mocked)).toBe((Class as { prototype: object }).prototype);
    await expectLikeTheRealSdk(mocked, answerFor(mocked));
  });
});
