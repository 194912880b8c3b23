import {
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  InvalidParameterValueException,
  InvokeCommand,
  ListDurableExecutionsByFunctionCommand,
  ResourceNotFoundException,
  StopDurableExecutionCommand,
  type GetDurableExecutionHistoryCommandInput,
} from '@aws-sdk/client-lambda';
import { arnOf, expectServiceError, useMockLambda } from '../../helpers/fixtures';
import { checkpoint, createDurable, fakeClock, startExecution, storedExecution, tokenOf } from './durable-helpers';

describe('GetDurableExecutionHistory and StopDurableExecution', () => {
  const mock = useMockLambda();
  let arn: string;
  const history = (input: Partial<GetDurableExecutionHistoryCommandInput> = {}) =>
    mock.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, ...input }));
  const stop = (Error?: { ErrorType?: string; ErrorMessage?: string }) =>
    mock.client.send(new StopDurableExecutionCommand({ DurableExecutionArn: arn, ...(Error ? { Error } : {}) }));
  const status = async () => (await mock.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }))).Status;

  beforeEach(async () => {
    fakeClock('2025-03-01T12:00:00Z');
    await createDurable(mock, 'orders');
    arn = await startExecution(mock.client, { FunctionName: 'orders' });
    await checkpoint(mock.client, arn, tokenOf(mock.lambda, arn), [
      { Id: 's1', Name: 'charge', Type: 'STEP', Action: 'START' },
      { Id: 's1', Name: 'charge', Type: 'STEP', Action: 'SUCCEED', Payload: '"ok"' },
    ]);
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  describe('GetDurableExecutionHistory', () => {
    test('answers 200 with the events, numbered from 1, oldest first, with their details', async () => {
      const { $metadata, ...answer } = await history();
      expect($metadata.httpStatusCode).toBe(200);
      const at = new Date('2025-03-01T12:00:00Z');
      const id = storedExecution(mock.lambda, arn)!.id;
      const name = storedExecution(mock.lambda, arn)!.name;
      expect(answer).toEqual({
        Events: [
          { EventType: 'ExecutionStarted', EventId: 1, EventTimestamp: at, Id: id, Name: name, ExecutionStartedDetails: { Input: { Payload: '{"order":1}' }, ExecutionTimeout: 3600 } },
          { EventType: 'StepStarted', EventId: 2, EventTimestamp: at, Id: 's1', Name: 'charge', StepStartedDetails: {} },
          { EventType: 'StepSucceeded', EventId: 3, EventTimestamp: at, Id: 's1', Name: 'charge', StepSucceededDetails: { Result: { Payload: '"ok"' }, RetryDetails: { CurrentAttempt: 1 } } },
        ],
      });
    });

    test('ReverseOrder answers the newest first', async () => {
      expect((await history({ ReverseOrder: true })).Events?.map((e) => e.EventId)).toEqual([3, 2, 1]);
    });

    test('IncludeExecutionData false leaves the payloads out', async () => {
      const { Events } = await history({ IncludeExecutionData: false });
      expect(Events?.[0]?.ExecutionStartedDetails).toEqual({ Input: {}, ExecutionTimeout: 3600 });
      expect(Events?.[2]?.StepSucceededDetails).toEqual({ Result: {}, RetryDetails: { CurrentAttempt: 1 } });
    });

    test('pages with MaxItems and Marker, in either order', async () => {
      const first = await history({ MaxItems: 2 });
      expect(first.Events?.map((e) => e.EventId)).toEqual([1, 2]);
      const rest = await history({ MaxItems: 2, Marker: first.NextMarker });
      expect(rest.Events?.map((e) => e.EventId)).toEqual([3]);
      expect(rest.NextMarker).toBeUndefined();
      expect((await history({ MaxItems: 1, ReverseOrder: true })).Events?.map((e) => e.EventType)).toEqual(['StepSucceeded']);
      await expectServiceError(history({ Marker: 'bogus' }), InvalidParameterValueException, 400, 'Invalid Marker.');
    });

    test('answers 404 for an execution that does not exist', async () => {
      arn = `${arnOf('orders', '$LATEST')}/durable-execution/none/00000000-0000-0000-0000-000000000000`;
      await expectServiceError(history(), ResourceNotFoundException, 404, 'Durable Execution does not exist');
    });

    test('a closed execution is kept for its retention period (14 days by default), then no longer known', async () => {
      await stop();
      jest.setSystemTime(new Date('2025-03-15T11:59:59Z'));
      expect((await history()).Events?.at(-1)?.EventType).toBe('ExecutionStopped');
      jest.setSystemTime(new Date('2025-03-15T12:00:00Z'));
      await expectServiceError(history(), ResourceNotFoundException, 404, 'Durable Execution does not exist');
      // Forgotten by the next command that succeeds and reads it (a failed command changes nothing).
      expect((await mock.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'orders' }))).DurableExecutions).toEqual([]);
      expect(storedExecution(mock.lambda, arn)).toBeUndefined();
    });
  });

  describe('StopDurableExecution', () => {
    test('answers 200 with when it stopped; the execution is STOPPED with the error given', async () => {
      jest.setSystemTime(new Date('2025-03-01T12:10:00Z'));
      const { $metadata, ...answer } = await stop({ ErrorType: 'Cancelled', ErrorMessage: 'order withdrawn' });
      expect($metadata.httpStatusCode).toBe(200);
      expect(answer).toEqual({ StopTimestamp: new Date('2025-03-01T12:10:00Z') });
      expect(await mock.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }))).toMatchObject({
        Status: 'STOPPED',
        EndTimestamp: new Date('2025-03-01T12:10:00Z'),
        Error: { ErrorType: 'Cancelled', ErrorMessage: 'order withdrawn' },
      });
      expect((await history()).Events?.at(-1)).toMatchObject({
        EventType: 'ExecutionStopped',
        ExecutionStoppedDetails: { Error: { Payload: { ErrorType: 'Cancelled', ErrorMessage: 'order withdrawn' } } },
      });
    });

    test('operations in progress stay STARTED, and the execution takes no more checkpoints', async () => {
      const token = tokenOf(mock.lambda, arn);
      const next = await checkpoint(mock.client, arn, token, [{ Id: 'w1', Type: 'WAIT', Action: 'START', WaitOptions: { WaitSeconds: 60 } }]);
      await stop();
      const wait = storedExecution(mock.lambda, arn)!.operations.find((o) => o.Id === 'w1');
      expect(wait?.Status).toBe('STARTED');
      await expectServiceError(checkpoint(mock.client, arn, next.CheckpointToken!), InvalidParameterValueException, 400, 'Invalid checkpoint token');
    });

    test('stopping again answers the first stop time and keeps the first error', async () => {
      const first = await stop({ ErrorMessage: 'first' });
      jest.setSystemTime(new Date('2025-03-01T13:00:00Z'));
      expect((await stop({ ErrorMessage: 'second' })).StopTimestamp).toEqual(first.StopTimestamp);
      expect((await mock.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }))).Error).toEqual({ ErrorMessage: 'first' });
    });

    test('a stop without an error records an empty one', async () => {
      await stop();
      expect((await mock.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }))).Error).toEqual({});
    });

    test('an execution that already succeeded cannot be stopped (400)', async () => {
      const done = (await mock.client.send(new InvokeCommand({ FunctionName: 'orders', Payload: Buffer.from('{}') }))).DurableExecutionArn!;
      arn = done;
      await expectServiceError(stop(), InvalidParameterValueException, 400, `Cannot stop execution ${done}: it is already closed with status SUCCEEDED.`);
      expect(await status()).toBe('SUCCEEDED');
    });

    test('answers 404 for an execution that does not exist', async () => {
      arn = `${arnOf('orders', '$LATEST')}/durable-execution/none/00000000-0000-0000-0000-000000000000`;
      await expectServiceError(stop(), ResourceNotFoundException, 404, 'Durable Execution does not exist');
    });
  });
});
