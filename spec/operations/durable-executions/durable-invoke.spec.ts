import {
  CreateAliasCommand,
  DurableExecutionAlreadyStartedException,
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  InvokeCommand,
  ListDurableExecutionsByFunctionCommand,
  ResourceNotFoundException,
  type ListDurableExecutionsByFunctionCommandInput,
} from '@aws-sdk/client-lambda';
import { arnOf, expectServiceError, useMockLambda } from '../../helpers/fixtures';
import { createDurable, executionArnPattern, fakeClock, startExecution, storedExecution } from './durable-helpers';

describe('invoking a durable function', () => {
  const mock = useMockLambda();
  const invoke = (Payload = '{"order":1}', extra: Partial<ConstructorParameters<typeof InvokeCommand>[0]> = {}) =>
    mock.client.send(new InvokeCommand({ FunctionName: 'orders', Payload: Buffer.from(Payload), ...extra }));
  const getExecution = (arn: string) => mock.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
  const eventTypes = async (arn: string) =>
    (await mock.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn }))).Events!.map((e) => e.EventType);

  beforeEach(async () => {
    await createDurable(mock, 'orders');
  });

  test('CreateFunction records DurableConfig, with the 14-day retention period by default', async () => {
    expect((await mock.get('orders')).Configuration?.DurableConfig).toEqual({ ExecutionTimeout: 3600, RetentionPeriodInDays: 14 });
    await createDurable(mock, 'kept', { ExecutionTimeout: 60, RetentionPeriodInDays: 90 });
    expect((await mock.get('kept')).Configuration?.DurableConfig).toEqual({ ExecutionTimeout: 60, RetentionPeriodInDays: 90 });
  });

  describe('synchronously', () => {
    test('answers the result and the ARN of the execution it started, which has SUCCEEDED', async () => {
      const answer = await invoke();
      expect(answer.StatusCode).toBe(200);
      expect(answer.DurableExecutionArn).toMatch(executionArnPattern('orders'));
      expect(answer.Payload?.transformToString()).toBe('{"order":1}');
      const { $metadata, ...execution } = await getExecution(answer.DurableExecutionArn!);
      expect($metadata.httpStatusCode).toBe(200);
      expect(execution).toEqual({
        DurableExecutionArn: answer.DurableExecutionArn,
        DurableExecutionName: expect.stringMatching(/^[a-f0-9-]{36}$/),
        FunctionArn: arnOf('orders'),
        InputPayload: '{"order":1}',
        Result: '{"order":1}',
        StartTimestamp: expect.any(Date),
        EndTimestamp: execution.StartTimestamp,
        Status: 'SUCCEEDED',
        Version: '$LATEST',
      });
      expect(await eventTypes(answer.DurableExecutionArn!)).toEqual(['ExecutionStarted', 'InvocationCompleted', 'ExecutionSucceeded']);
    });

    test('reads a queued durable handler response: SUCCEEDED with its Result', async () => {
      mock.lambda.setInvokeResults(['{"Status":"SUCCEEDED","Result":"{\\"charged\\":true}"}']);
      const answer = await invoke();
      expect(answer.Payload?.transformToString()).toBe('{"charged":true}');
      expect(await getExecution(answer.DurableExecutionArn!)).toMatchObject({ Status: 'SUCCEEDED', Result: '{"charged":true}' });
    });

    test('reads a queued FAILED response: the execution fails with its error, answered as an unhandled function error', async () => {
      mock.lambda.setInvokeResults(['{"Status":"FAILED","Error":{"ErrorType":"CardDeclined","ErrorMessage":"declined"}}']);
      const answer = await invoke();
      expect(answer.FunctionError).toBe('Unhandled');
      expect(JSON.parse(answer.Payload!.transformToString())).toEqual({ errorType: 'CardDeclined', errorMessage: 'declined' });
      const execution = await getExecution(answer.DurableExecutionArn!);
      expect(execution).toMatchObject({ Status: 'FAILED', Error: { ErrorType: 'CardDeclined', ErrorMessage: 'declined' } });
      expect(execution).not.toHaveProperty('Result');
      expect(await eventTypes(answer.DurableExecutionArn!)).toEqual(['ExecutionStarted', 'InvocationCompleted', 'ExecutionFailed']);
    });

    test('a queued function error fails the execution with the error it reports, answered as queued', async () => {
      mock.lambda.setInvokeResults([{ payload: '{"errorMessage":"boom","errorType":"TypeError","stackTrace":["at x"]}', functionError: 'Unhandled' }]);
      const answer = await invoke();
      expect(answer.FunctionError).toBe('Unhandled');
      expect(answer.Payload?.transformToString()).toBe('{"errorMessage":"boom","errorType":"TypeError","stackTrace":["at x"]}');
      expect((await getExecution(answer.DurableExecutionArn!)).Error).toEqual({ ErrorType: 'TypeError', ErrorMessage: 'boom', StackTrace: ['at x'] });
    });

    test('a queued PENDING response leaves the execution RUNNING (it is suspended)', async () => {
      mock.lambda.setInvokeResults(['{"Status":"PENDING"}']);
      const answer = await invoke();
      expect(answer.Payload?.transformToString()).toBe('null');
      const execution = await getExecution(answer.DurableExecutionArn!);
      expect(execution.Status).toBe('RUNNING');
      expect(execution).not.toHaveProperty('EndTimestamp');
      expect(await eventTypes(answer.DurableExecutionArn!)).toEqual(['ExecutionStarted', 'InvocationCompleted']);
    });

    test('a published version runs it: the ARN and Version name the version', async () => {
      await mock.deploy('orders', 'exports.handler = async () => 1;');
      const answer = await invoke('{}', { Qualifier: '1' });
      expect(answer.DurableExecutionArn).toMatch(executionArnPattern('orders', '1'));
      expect((await getExecution(answer.DurableExecutionArn!)).Version).toBe('1');
    });
  });

  test('asynchronously: answers 202 and the ARN; the execution is RUNNING and nothing is taken from the queue', async () => {
    mock.lambda.setInvokeResults(['{"unused":true}']);
    const answer = await invoke('{"order":2}', { InvocationType: 'Event' });
    expect(answer.StatusCode).toBe(202);
    expect(answer.DurableExecutionArn).toMatch(executionArnPattern('orders'));
    const execution = await getExecution(answer.DurableExecutionArn!);
    expect(execution).toMatchObject({ Status: 'RUNNING', InputPayload: '{"order":2}' });
    expect(execution).not.toHaveProperty('Result');
    expect(mock.lambda.state.accountInvokeResults().size).toBe(1);
    expect(storedExecution(mock.lambda, answer.DurableExecutionArn!)?.checkpointToken).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  });

  test('a DryRun starts no execution', async () => {
    const answer = await invoke('{}', { InvocationType: 'DryRun' });
    expect(answer).not.toHaveProperty('DurableExecutionArn');
    expect(mock.lambda.state.region('us-east-1').durableExecutions.size).toBe(0);
  });

  test('a function without DurableConfig starts none', async () => {
    await mock.create('plain');
    const answer = await mock.client.send(new InvokeCommand({ FunctionName: 'plain' }));
    expect(answer.DurableExecutionArn).toBeUndefined();
    expect(mock.lambda.state.region('us-east-1').durableExecutions.size).toBe(0);
  });

  describe('DurableExecutionName', () => {
    test('names the execution in its ARN', async () => {
      const answer = await invoke('{}', { DurableExecutionName: 'order-1' });
      expect(answer.DurableExecutionArn).toMatch(executionArnPattern('orders', '$LATEST', 'order-1'));
      expect((await getExecution(answer.DurableExecutionArn!)).DurableExecutionName).toBe('order-1');
    });

    test('again with the same payload finds the same execution, and runs nothing', async () => {
      const first = await startExecution(mock.client, { FunctionName: 'orders', DurableExecutionName: 'order-1' });
      mock.lambda.setInvokeResults(['{"never":"taken"}']);
      const again = await mock.client.send(
        new InvokeCommand({ FunctionName: 'orders', DurableExecutionName: 'order-1', Payload: Buffer.from('{"order":1}') }),
      );
      expect(again.DurableExecutionArn).toBe(first);
      expect(mock.lambda.state.region('us-east-1').durableExecutions.size).toBe(1);
      expect(mock.lambda.state.accountInvokeResults().size).toBe(1);
    });

    test('again with another payload is refused with DurableExecutionAlreadyStartedException (409)', async () => {
      const first = await startExecution(mock.client, { FunctionName: 'orders', DurableExecutionName: 'order-1' });
      await expectServiceError(
        invoke('{"order":99}', { DurableExecutionName: 'order-1' }),
        DurableExecutionAlreadyStartedException,
        409,
        `Execution already started: ${first}`,
      );
    });

    test('is scoped to the function', async () => {
      await createDurable(mock, 'billing');
      const first = await startExecution(mock.client, { FunctionName: 'orders', DurableExecutionName: 'shared' });
      const second = await startExecution(mock.client, { FunctionName: 'billing', DurableExecutionName: 'shared', Payload: Buffer.from('{}') });
      expect(second).not.toBe(first);
    });
  });

  describe('GetDurableExecution', () => {
    test('answers 404 for an execution that does not exist', async () => {
      const arn = `${arnOf('orders', '$LATEST')}/durable-execution/missing/00000000-0000-0000-0000-000000000000`;
      await expectServiceError(getExecution(arn), ResourceNotFoundException, 404, 'Durable Execution does not exist');
    });

    test('answers ValidationException for an ARN that is not an execution ARN', async () => {
      const error = await mock.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arnOf('orders') })).catch((e: Error) => e);
      expect(error).toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    });
  });

  describe('ListDurableExecutionsByFunction', () => {
    const list = (input: Partial<ListDurableExecutionsByFunctionCommandInput> = {}) =>
      mock.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: 'orders', ...input }));

    afterEach(() => {
      jest.useRealTimers();
    });

    /** Three executions a minute apart: a succeeded one, a running one, a failed one. */
    async function threeExecutions(): Promise<string[]> {
      fakeClock('2025-01-01T10:00:00Z');
      const arns = [(await invoke('{"n":1}', { DurableExecutionName: 'first' })).DurableExecutionArn!];
      jest.setSystemTime(new Date('2025-01-01T10:01:00Z'));
      arns.push(await startExecution(mock.client, { FunctionName: 'orders', DurableExecutionName: 'second' }));
      jest.setSystemTime(new Date('2025-01-01T10:02:00Z'));
      mock.lambda.setInvokeResults([{ payload: '{"errorMessage":"x"}', functionError: 'Unhandled' }]);
      arns.push((await invoke('{"n":3}', { DurableExecutionName: 'third' })).DurableExecutionArn!);
      return arns;
    }

    test('answers 200 with the function executions, newest first', async () => {
      const [a, b, c] = await threeExecutions();
      const { $metadata, ...answer } = await list();
      expect($metadata.httpStatusCode).toBe(200);
      expect(answer).toEqual({
        DurableExecutions: [
          { DurableExecutionArn: c, DurableExecutionName: 'third', FunctionArn: arnOf('orders'), Status: 'FAILED', StartTimestamp: new Date('2025-01-01T10:02:00Z'), EndTimestamp: new Date('2025-01-01T10:02:00Z') },
          { DurableExecutionArn: b, DurableExecutionName: 'second', FunctionArn: arnOf('orders'), Status: 'RUNNING', StartTimestamp: new Date('2025-01-01T10:01:00Z') },
          { DurableExecutionArn: a, DurableExecutionName: 'first', FunctionArn: arnOf('orders'), Status: 'SUCCEEDED', StartTimestamp: new Date('2025-01-01T10:00:00Z'), EndTimestamp: new Date('2025-01-01T10:00:00Z') },
        ],
      });
    });

    test('ReverseOrder lists the oldest first', async () => {
      const arns = await threeExecutions();
      expect((await list({ ReverseOrder: true })).DurableExecutions?.map((e) => e.DurableExecutionArn)).toEqual(arns);
    });

    test('filters by statuses, by name and by start time', async () => {
      const [a, b, c] = await threeExecutions();
      const arnsOf = async (input: Partial<ListDurableExecutionsByFunctionCommandInput>) =>
        (await list(input)).DurableExecutions?.map((e) => e.DurableExecutionArn);
      expect(await arnsOf({ Statuses: ['RUNNING', 'FAILED'] })).toEqual([c, b]);
      expect(await arnsOf({ DurableExecutionName: 'first' })).toEqual([a]);
      expect(await arnsOf({ StartedAfter: new Date('2025-01-01T10:00:30Z') })).toEqual([c, b]);
      expect(await arnsOf({ StartedBefore: new Date('2025-01-01T10:01:30Z') })).toEqual([b, a]);
    });

    test('filters by the version that runs them', async () => {
      await invoke();
      await mock.deploy('orders', 'exports.handler = async () => 1;');
      const onVersion = (await invoke('{}', { Qualifier: '1' })).DurableExecutionArn;
      expect((await list({ Qualifier: '1' })).DurableExecutions?.map((e) => e.DurableExecutionArn)).toEqual([onVersion]);
      expect((await list()).DurableExecutions).toHaveLength(2);
    });

    test('an alias as qualifier names the version it points to', async () => {
      await mock.deploy('orders', 'exports.handler = async () => 1;');
      await mock.client.send(new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '1' }));
      await invoke();
      const throughAlias = (await invoke('{}', { Qualifier: 'live' })).DurableExecutionArn;
      expect(throughAlias).toMatch(executionArnPattern('orders', '1'));
      expect((await list({ Qualifier: 'live' })).DurableExecutions?.map((e) => e.DurableExecutionArn)).toEqual([throughAlias]);
      await expectServiceError(list({ Qualifier: '9' }), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', '9')}`);
    });

    test('pages with MaxItems and Marker', async () => {
      const [a, b, c] = await threeExecutions();
      const first = await list({ MaxItems: 2 });
      const rest = await list({ MaxItems: 2, Marker: first.NextMarker });
      expect([...first.DurableExecutions!, ...rest.DurableExecutions!].map((e) => e.DurableExecutionArn)).toEqual([c, b, a]);
      expect(rest.NextMarker).toBeUndefined();
    });

    test('answers an empty list for a durable function never invoked, and 404 for an unknown function', async () => {
      const { $metadata, ...answer } = await list();
      expect(answer).toEqual({ DurableExecutions: [] });
      await expectServiceError(list({ FunctionName: 'missing' }), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing')}`);
    });
  });
});
