import {
  CreateFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvalidParameterValueException,
  InvalidRequestContentException,
  InvokeCommand,
  LambdaClient,
  LambdaServiceException,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  TooManyRequestsException,
  UpdateFunctionConfigurationCommand,
  type InvocationType,
  type InvokeCommandInput,
} from '@aws-sdk/client-lambda';
import {
  ACCOUNT,
  arnOf,
  createInput,
  errorOf,
  expectServiceError,
  expectValidationError,
  REGION,
  storedState,
  useMockLambda,
} from '../../helpers/fixtures';
import {
  decodeLog,
  EVENT_LIMIT,
  executionLogPattern,
  HAPPY_PATH,
  jsonOfSize,
  SYNC_LIMIT,
  textOf,
  useMockLambdaWith,
} from './invoke-helpers';

const notFound = (name: string, qualifier?: string) => `Function not found: ${arnOf(name, qualifier)}`;

describe('Invoke', () => {
  const mock = useMockLambda();
  const invoke = (input: Partial<InvokeCommandInput> = {}) =>
    mock.client.send(new InvokeCommand({ FunctionName: 'orders', ...input }));

  beforeEach(async () => {
    await mock.create('orders');
  });

  describe('resolves the function and qualifier', () => {
    // Version 1 is published with 128 MB, then $LATEST moves to 512 MB: the log tells which ran.
    beforeEach(async () => {
      await mock.create('billing', { MemorySize: 128, Publish: true });
      await mock.client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'billing', MemorySize: 512 }));
    });

    test.each([
      ['a name', { FunctionName: 'billing' }],
      ['a full ARN', { FunctionName: arnOf('billing') }],
      ['a partial ARN', { FunctionName: `${ACCOUNT}:function:billing` }],
      ['Qualifier $LATEST', { FunctionName: 'billing', Qualifier: '$LATEST' }],
      ['name:$LATEST', { FunctionName: 'billing:$LATEST' }],
    ])('%s runs $LATEST', async (_, input) => {
      const answer = await invoke({ ...input, Payload: '{"n":1}', LogType: 'Tail' });
      expect(answer).toMatchObject({ StatusCode: 200, ExecutedVersion: '$LATEST' });
      expect(textOf(answer.Payload)).toBe('{"n":1}');
      expect(decodeLog(answer.LogResult)).toMatch(executionLogPattern(answer.$metadata.requestId!, '$LATEST', 512));
    });

    test.each([
      ['name:1', { FunctionName: 'billing:1' }],
      ["Qualifier '1'", { FunctionName: 'billing', Qualifier: '1' }],
      ['a full ARN with :1', { FunctionName: arnOf('billing', '1') }],
      ['a partial ARN with :1', { FunctionName: `${ACCOUNT}:function:billing:1` }],
      ['name:1 and the same Qualifier', { FunctionName: 'billing:1', Qualifier: '1' }],
    ])('%s runs version 1, with its own configuration', async (_, input) => {
      const answer = await invoke({ ...input, Payload: '{"n":1}', LogType: 'Tail' });
      expect(answer).toMatchObject({ StatusCode: 200, ExecutedVersion: '1' });
      expect(decodeLog(answer.LogResult)).toMatch(executionLogPattern(answer.$metadata.requestId!, '1', 128));
    });

    test.each([
      ['an unknown function', { FunctionName: 'nope' }, notFound('nope')],
      ['an unknown function by ARN', { FunctionName: arnOf('nope') }, notFound('nope')],
      ['an unknown function with a qualifier', { FunctionName: 'nope', Qualifier: '1' }, notFound('nope', '1')],
      ['an unknown version', { FunctionName: 'billing', Qualifier: '7' }, notFound('billing', '7')],
      ['an unknown version in the name', { FunctionName: 'billing:7' }, notFound('billing', '7')],
      ['an unknown alias', { FunctionName: 'billing', Qualifier: 'live' }, notFound('billing', 'live')],
    ])('%s is ResourceNotFoundException (404) naming the ARN', async (_, input, message) => {
      await expectServiceError(invoke(input), ResourceNotFoundException, 404, message);
    });

    test('a qualifier in the name that differs from Qualifier is InvalidParameterValueException', async () => {
      await expectServiceError(
        invoke({ FunctionName: 'billing:1', Qualifier: '$LATEST' }),
        InvalidParameterValueException,
        400,
        'The derived qualifier from the function name does not match the specified qualifier.',
      );
    });
  });

  describe('InvocationType', () => {
    test('RequestResponse (the default) answers 200 with the payload as a Uint8ArrayBlobAdapter', async () => {
      for (const InvocationType of [undefined, 'RequestResponse'] as const) {
        const { $metadata, Payload, ...answer } = await invoke({ InvocationType, Payload: '{"id":1}' });
        expect($metadata.httpStatusCode).toBe(200);
        expect(answer).toEqual({ StatusCode: 200, ExecutedVersion: '$LATEST' });
        expect(Payload?.constructor.name).toBe('Uint8ArrayBlobAdapter');
        expect(Payload?.transformToString()).toBe('{"id":1}');
      }
    });

    test('Event answers 202 with no payload, no FunctionError and no LogResult, even with Tail', async () => {
      const { $metadata, ...answer } = await invoke({ InvocationType: 'Event', Payload: '{"id":1}', LogType: 'Tail' });
      expect($metadata.httpStatusCode).toBe(202);
      expect(answer.StatusCode).toBe(202);
      // An empty body: the SDK's deserializer answers `Payload: null`.
      expect(answer.Payload).toBeNull();
      expect(answer).not.toHaveProperty('FunctionError');
      expect(answer).not.toHaveProperty('LogResult');
    });

    test('DryRun answers 204 with no payload', async () => {
      const { $metadata, ...answer } = await invoke({ InvocationType: 'DryRun', Payload: '{"id":1}' });
      expect($metadata.httpStatusCode).toBe(204);
      expect(answer.StatusCode).toBe(204);
      expect(answer.Payload).toBeNull();
    });

    test('an unknown InvocationType is ValidationException', async () => {
      await expectValidationError(
        invoke({ InvocationType: 'Bogus' as InvocationType }),
        "1 validation error detected: Value 'Bogus' at 'invocationType' failed to satisfy constraint: " +
          'Member must satisfy enum value set: [Event, RequestResponse, DryRun]',
      );
    });
  });

  describe('default result', () => {
    test('echoes a string payload', async () => {
      expect(textOf((await invoke({ Payload: '{"order":42}' })).Payload)).toBe('{"order":42}');
    });

    test('echoes a Uint8Array payload byte for byte', async () => {
      const payload = Buffer.from('{"name":"Zoë ✓"}', 'utf8');
      const answer = await invoke({ Payload: new Uint8Array(payload) });
      expect(Buffer.from(answer.Payload!).equals(payload)).toBe(true);
    });

    test('echoes any JSON value, not only objects', async () => {
      for (const json of ['42', '"text"', 'null', '[1,2]']) expect(textOf((await invoke({ Payload: json })).Payload)).toBe(json);
    });

    test(`answers "${HAPPY_PATH}" with no payload`, async () => {
      expect(textOf((await invoke()).Payload)).toBe(HAPPY_PATH);
    });
  });

  describe("LogType: 'Tail'", () => {
    test('answers base64 of START, END and REPORT for this request, with the function memory', async () => {
      await mock.create('sized', { MemorySize: 256 });
      const answer = await invoke({ FunctionName: 'sized', LogType: 'Tail' });
      const requestId = answer.$metadata.requestId!;
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.LogResult).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(decodeLog(answer.LogResult)).toMatch(executionLogPattern(requestId, '$LATEST', 256));
    });

    test('the default function memory, 128 MB, is reported', async () => {
      const answer = await invoke({ LogType: 'Tail' });
      expect(decodeLog(answer.LogResult)).toMatch(executionLogPattern(answer.$metadata.requestId!, '$LATEST', 128));
    });

    test("no LogResult without Tail, nor with 'None'", async () => {
      expect(await invoke()).not.toHaveProperty('LogResult');
      expect(await invoke({ LogType: 'None' })).not.toHaveProperty('LogResult');
    });
  });

  describe('limits', () => {
    const tooLarge = async (promise: Promise<unknown>, message: string) => {
      const error = await errorOf(promise);
      expect(error).toBeInstanceOf(LambdaServiceException);
      expect({ name: error.name, message: error.message, status: error.$metadata?.httpStatusCode, fault: error.$fault }).toEqual({
        name: 'RequestEntityTooLargeException',
        message,
        status: 413,
        fault: 'client',
      });
    };

    test(`a RequestResponse payload over ${SYNC_LIMIT} bytes is RequestEntityTooLargeException (413)`, async () => {
      await tooLarge(
        invoke({ Payload: jsonOfSize(SYNC_LIMIT + 1) }),
        `Request must be smaller than ${SYNC_LIMIT} bytes for the InvokeFunction operation`,
      );
      expect(mock.lambda.invocations()).toEqual([]);
    });

    test(`a RequestResponse payload of exactly ${SYNC_LIMIT} bytes is accepted`, async () => {
      const answer = await invoke({ Payload: jsonOfSize(SYNC_LIMIT) });
      expect(answer.StatusCode).toBe(200);
      expect(answer.Payload?.byteLength).toBe(SYNC_LIMIT);
    });

    // The service words the Event limit differently from the request limit (see request-payload.ts).
    test(`an Event payload over ${EVENT_LIMIT} bytes is RequestEntityTooLargeException (413)`, async () => {
      await tooLarge(
        invoke({ InvocationType: 'Event', Payload: jsonOfSize(EVENT_LIMIT + 1) }),
        `${EVENT_LIMIT + 1} byte payload is too large for the Event invocation type (limit ${EVENT_LIMIT} bytes)`,
      );
    });

    test(`an Event payload over ${SYNC_LIMIT} bytes meets the request limit first`, async () => {
      await tooLarge(
        invoke({ InvocationType: 'Event', Payload: jsonOfSize(SYNC_LIMIT + 1) }),
        `Request must be smaller than ${SYNC_LIMIT} bytes for the InvokeFunction operation`,
      );
    });

    test(`an Event payload of exactly ${EVENT_LIMIT} bytes is accepted`, async () => {
      expect((await invoke({ InvocationType: 'Event', Payload: jsonOfSize(EVENT_LIMIT) })).StatusCode).toBe(202);
    });

    test('a payload that is not JSON is InvalidRequestContentException (400)', async () => {
      const error = await errorOf(invoke({ Payload: 'not json' }));
      expect(error).toBeInstanceOf(InvalidRequestContentException);
      expect({ status: error.$metadata?.httpStatusCode, Type: error.Type, fault: error.$fault }).toEqual({
        status: 400,
        Type: 'User',
        fault: 'client',
      });
      expect(error.message).toMatch(/^Could not parse request body into json: Could not parse payload into json: \S/);
      expect(mock.lambda.invocations()).toEqual([]);
    });

    test('an Event payload that is not JSON is refused too', async () => {
      expect(await errorOf(invoke({ InvocationType: 'Event', Payload: '{"unclosed":' }))).toBeInstanceOf(InvalidRequestContentException);
    });
  });

  describe('reserved concurrency 0', () => {
    test('is TooManyRequestsException (429) with its Reason; nothing is stored, taken or recorded', async () => {
      // The mock answers before the SDK's retry step; maxAttempts 1 is what a real throttle test needs.
      const client = new LambdaClient({ region: REGION, maxAttempts: 1 });
      await client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'orders', ReservedConcurrentExecutions: 0 }));
      mock.lambda.setInvokeResults(['{"queued":true}']);
      const before = storedState(mock.lambda);
      const queued = mock.lambda.state.region(REGION).invokeResults.toArray();

      const error = await expectServiceError(
        client.send(new InvokeCommand({ FunctionName: 'orders', Payload: '{"id":1}' })),
        TooManyRequestsException,
        429,
        'Rate Exceeded.',
      );
      expect(error.Reason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
      expect(storedState(mock.lambda)).toEqual(before);
      expect(mock.lambda.state.region(REGION).invokeResults.toArray()).toEqual(queued);
      expect(mock.lambda.invocations()).toEqual([]);
    });

    test('an Event invoke is still accepted (202): the service queues it and throttles out of sight', async () => {
      await mock.client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'orders', ReservedConcurrentExecutions: 0 }));
      const answer = await invoke({ FunctionName: 'orders', InvocationType: 'Event', Payload: '{"id":1}' });
      expect(answer.StatusCode).toBe(202);
    });

    test('other functions are not throttled, and take the queued result', async () => {
      await mock.client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'orders', ReservedConcurrentExecutions: 0 }));
      await mock.create('billing');
      mock.lambda.setInvokeResults(['{"queued":true}']);
      expect(textOf((await invoke({ FunctionName: 'billing' })).Payload)).toBe('{"queued":true}');
    });
  });
});

describe("Invoke with settle: 'on-read'", () => {
  const mock = useMockLambdaWith({ settle: 'on-read' });
  const invoke = () => mock.client.send(new InvokeCommand({ FunctionName: 'orders', Payload: '{"id":1}' }));

  test('right after CreateFunction is ResourceConflictException (Pending); after a GetFunction it works', async () => {
    await mock.client.send(new CreateFunctionCommand(createInput('orders')));
    await expectServiceError(
      invoke(),
      ResourceConflictException,
      409,
      'The operation cannot be performed at this time. The function is currently in the following state: Pending',
    );
    expect(mock.lambda.invocations()).toEqual([]);

    await mock.client.send(new GetFunctionCommand({ FunctionName: 'orders' }));
    const answer = await invoke();
    expect(answer.StatusCode).toBe(200);
    expect(textOf(answer.Payload)).toBe('{"id":1}');
  });

  test('a published version still Pending is ResourceConflictException until it is read', async () => {
    await mock.client.send(new CreateFunctionCommand(createInput('orders')));
    await mock.client.send(new GetFunctionCommand({ FunctionName: 'orders' }));
    await mock.client.send(new PublishVersionCommand({ FunctionName: 'orders' }));
    const invokeVersion = () => mock.client.send(new InvokeCommand({ FunctionName: 'orders', Qualifier: '1' }));
    await expectServiceError(
      invokeVersion(),
      ResourceConflictException,
      409,
      'The operation cannot be performed at this time. The function is currently in the following state: Pending',
    );
    await mock.client.send(new GetFunctionConfigurationCommand({ FunctionName: 'orders', Qualifier: '1' }));
    expect((await invokeVersion()).ExecutedVersion).toBe('1');
  });

  test('during an update in progress works, and leaves the update in progress', async () => {
    await mock.client.send(new CreateFunctionCommand(createInput('orders')));
    await mock.client.send(new GetFunctionCommand({ FunctionName: 'orders' }));
    const updated = await mock.client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'orders', Timeout: 10 }));
    expect(updated.LastUpdateStatus).toBe('InProgress');

    const answer = await invoke();
    expect(answer).toMatchObject({ StatusCode: 200, ExecutedVersion: '$LATEST' });
    expect(mock.lambda.state.region(REGION).functions.get('orders')?.latest.configuration.LastUpdateStatus).toBe('InProgress');
  });
});
