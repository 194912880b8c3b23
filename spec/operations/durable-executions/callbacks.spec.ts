import {
  CallbackTimeoutException,
  GetDurableExecutionHistoryCommand,
  InvalidParameterValueException,
  SendDurableExecutionCallbackFailureCommand,
  SendDurableExecutionCallbackHeartbeatCommand,
  SendDurableExecutionCallbackSuccessCommand,
  StopDurableExecutionCommand,
  type CallbackOptions,
} from '@aws-sdk/client-lambda';
import { expectServiceError, expectValidationError, settledState, storedState, useMockLambda } from '../../helpers/fixtures';
import { checkpoint, createDurable, fakeClock, startExecution, tokenOf } from './durable-helpers';

describe('durable execution callbacks', () => {
  const mock = useMockLambda();
  let arn: string;
  const succeed = (CallbackId: string, result?: string) =>
    mock.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId, ...(result !== undefined ? { Result: Buffer.from(result) } : {}) }));
  const fail = (CallbackId: string, ErrorMessage = 'rejected') =>
    mock.client.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId, Error: { ErrorType: 'Rejected', ErrorMessage } }));
  const heartbeat = (CallbackId: string) => mock.client.send(new SendDurableExecutionCallbackHeartbeatCommand({ CallbackId }));
  const events = async () => (await mock.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn }))).Events!;

  /** Starts callback `cb` through a checkpoint, as the durable SDK does; answers its id. */
  async function startCallback(CallbackOptions?: CallbackOptions): Promise<string> {
    const { NewExecutionState } = await checkpoint(mock.client, arn, tokenOf(mock.lambda, arn), [
      { Id: 'cb', Name: 'approval', Type: 'CALLBACK', Action: 'START', CallbackOptions },
    ]);
    return NewExecutionState!.Operations![0]!.CallbackDetails!.CallbackId!;
  }

  beforeEach(async () => {
    await createDurable(mock, 'orders');
    arn = await startExecution(mock.client, { FunctionName: 'orders' });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  test('a started callback has an id the external system answers with, and a CallbackStarted event', async () => {
    const id = await startCallback({ TimeoutSeconds: 300, HeartbeatTimeoutSeconds: 60 });
    expect(id).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    const [, started] = await events();
    expect(started).toMatchObject({ EventType: 'CallbackStarted', Id: 'cb', Name: 'approval', CallbackStartedDetails: { CallbackId: id, Timeout: 300, HeartbeatTimeout: 60 } });
  });

  test('SendDurableExecutionCallbackSuccess answers 200; the callback succeeds, and the next checkpoint reports it', async () => {
    const id = await startCallback();
    const { $metadata, ...answer } = await succeed(id, '{"approved":true}');
    expect($metadata.httpStatusCode).toBe(200);
    expect(answer).toEqual({});
    const { NewExecutionState } = await checkpoint(mock.client, arn, tokenOf(mock.lambda, arn));
    expect(NewExecutionState?.Operations).toEqual([
      expect.objectContaining({ Id: 'cb', Status: 'SUCCEEDED', CallbackDetails: { CallbackId: id, Result: '{"approved":true}' } }),
    ]);
    expect((await events()).at(-1)).toMatchObject({ EventType: 'CallbackSucceeded', Id: 'cb', CallbackSucceededDetails: { Result: { Payload: '{"approved":true}' } } });
    // Reported once: the checkpoint after that has nothing new.
    expect((await checkpoint(mock.client, arn, tokenOf(mock.lambda, arn))).NewExecutionState?.Operations).toEqual([]);
  });

  test('SendDurableExecutionCallbackFailure answers 200; the callback fails with the error given', async () => {
    const id = await startCallback();
    const { $metadata, ...answer } = await fail(id, 'not approved');
    expect($metadata.httpStatusCode).toBe(200);
    expect(answer).toEqual({});
    const { NewExecutionState } = await checkpoint(mock.client, arn, tokenOf(mock.lambda, arn));
    expect(NewExecutionState?.Operations?.[0]).toMatchObject({
      Status: 'FAILED',
      CallbackDetails: { CallbackId: id, Error: { ErrorType: 'Rejected', ErrorMessage: 'not approved' } },
    });
    expect((await events()).at(-1)).toMatchObject({ EventType: 'CallbackFailed', CallbackFailedDetails: { Error: { Payload: { ErrorType: 'Rejected', ErrorMessage: 'not approved' } } } });
  });

  test('a callback answered twice: the second answer is refused, and the first stands', async () => {
    const id = await startCallback();
    await succeed(id, '1');
    const before = settledState(mock.lambda);
    await expectServiceError(fail(id), InvalidParameterValueException, 400, 'Callback has already completed with status SUCCEEDED.');
    await expectServiceError(heartbeat(id), InvalidParameterValueException, 400, 'Callback has already completed with status SUCCEEDED.');
    expect(storedState(mock.lambda)).toEqual(before);
  });

  test('a callback past its timeout is TIMED_OUT: answering it meets CallbackTimeoutException', async () => {
    fakeClock('2025-03-01T12:00:00Z');
    const id = await startCallback({ TimeoutSeconds: 60 });
    jest.setSystemTime(new Date('2025-03-01T12:01:00Z'));
    await expectServiceError(succeed(id, '1'), CallbackTimeoutException, 400, 'Callback timed out');
    expect((await events()).at(-1)).toMatchObject({
      EventType: 'CallbackTimedOut',
      EventTimestamp: new Date('2025-03-01T12:01:00Z'),
      CallbackTimedOutDetails: { Error: { Payload: { ErrorType: 'CallbackTimeout', ErrorMessage: 'Callback timed out.' } } },
    });
  });

  test('heartbeats keep a callback with a heartbeat timeout alive; without them it times out', async () => {
    fakeClock('2025-03-01T12:00:00Z');
    const id = await startCallback({ HeartbeatTimeoutSeconds: 60 });
    jest.setSystemTime(new Date('2025-03-01T12:00:50Z'));
    const { $metadata, ...answer } = await heartbeat(id);
    expect($metadata.httpStatusCode).toBe(200);
    expect(answer).toEqual({});
    jest.setSystemTime(new Date('2025-03-01T12:01:40Z'));
    await heartbeat(id);
    jest.setSystemTime(new Date('2025-03-01T12:02:30Z'));
    await succeed(id, 'ok');
    const second = await startSecondCallback({ HeartbeatTimeoutSeconds: 60 });
    jest.setSystemTime(new Date('2025-03-01T12:03:31Z'));
    await expectServiceError(heartbeat(second), CallbackTimeoutException, 400, 'Callback timed out');
    expect((await events()).at(-1)?.CallbackTimedOutDetails?.Error?.Payload?.ErrorMessage).toBe('Callback timed out: no heartbeat was received in time.');
  });

  async function startSecondCallback(CallbackOptions: CallbackOptions): Promise<string> {
    const { NewExecutionState } = await checkpoint(mock.client, arn, tokenOf(mock.lambda, arn), [{ Id: 'cb2', Type: 'CALLBACK', Action: 'START', CallbackOptions }]);
    return NewExecutionState!.Operations!.find((o) => o.Id === 'cb2')!.CallbackDetails!.CallbackId!;
  }

  test('a callback of a stopped execution can no longer be answered', async () => {
    const id = await startCallback();
    await mock.client.send(new StopDurableExecutionCommand({ DurableExecutionArn: arn }));
    await expectServiceError(succeed(id, '1'), InvalidParameterValueException, 400, 'The durable execution is closed with status STOPPED.');
  });

  test('a callback cancelled by the function can no longer be answered', async () => {
    const id = await startCallback();
    await checkpoint(mock.client, arn, tokenOf(mock.lambda, arn), [{ Id: 'cb', Type: 'CALLBACK', Action: 'CANCEL' }]);
    await expectServiceError(succeed(id), InvalidParameterValueException, 400, 'Callback has already completed with status CANCELLED.');
  });

  test('an id that names no callback is refused (400) by all three', async () => {
    await startCallback();
    for (const send of [succeed, fail, heartbeat]) {
      await expectServiceError(send('QUJDRA=='), InvalidParameterValueException, 400, 'Invalid callback ID');
    }
  });

  test('an id that is not base64, or a result over 256 KB, answers ValidationException', async () => {
    await expectValidationError(
      heartbeat('not an id!'),
      "1 validation error detected: Value 'not an id!' at 'callbackId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[A-Za-z0-9+/]+={0,2}$",
    );
    const id = await startCallback();
    await expectValidationError(
      succeed(id, 'x'.repeat(262_145)),
      "1 validation error detected: Value at 'result' failed to satisfy constraint: Member must have length less than or equal to 262144",
    );
  });
});
