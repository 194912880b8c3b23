import {
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  GetDurableExecutionStateCommand,
  InvalidParameterValueException,
  type OperationUpdate,
} from '@aws-sdk/client-lambda';
import { expectServiceError, expectValidationError, settledState, storedState, useMockLambda } from '../../helpers/fixtures';
import { checkpoint, createDurable, fakeClock, startExecution, storedExecution, tokenOf } from './durable-helpers';

const step = (Id: string, Action: OperationUpdate['Action'], extra: Partial<OperationUpdate> = {}): OperationUpdate => ({
  Id,
  Type: 'STEP',
  Action,
  ...extra,
});

describe('CheckpointDurableExecution and GetDurableExecutionState', () => {
  const mock = useMockLambda();
  let arn: string;
  const eventTypes = async () => (await mock.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn }))).Events!.map((e) => e.EventType);
  const state = (token: string, MaxItems?: number, Marker?: string) =>
    mock.client.send(new GetDurableExecutionStateCommand({ DurableExecutionArn: arn, CheckpointToken: token, MaxItems, Marker }));

  beforeEach(async () => {
    await createDurable(mock, 'orders');
    arn = await startExecution(mock.client, { FunctionName: 'orders' });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  test('a step checkpointed started then succeeded: answered with its new state and a new token', async () => {
    fakeClock('2025-03-01T12:00:00Z');
    const token = tokenOf(mock.lambda, arn);
    const { $metadata, ...answer } = await checkpoint(mock.client, arn, token, [
      step('s1', 'START', { Name: 'charge', SubType: 'Step' }),
      step('s1', 'SUCCEED', { Payload: '"charged"' }),
    ]);
    expect($metadata.httpStatusCode).toBe(200);
    expect(answer.CheckpointToken).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(answer.CheckpointToken).not.toBe(token);
    const at = new Date('2025-03-01T12:00:00Z');
    expect(answer.NewExecutionState).toEqual({
      Operations: [
        { Id: 's1', Name: 'charge', SubType: 'Step', Type: 'STEP', Status: 'SUCCEEDED', StartTimestamp: at, EndTimestamp: at, StepDetails: { Attempt: 1, Result: '"charged"' } },
      ],
    });
    expect(await eventTypes()).toEqual(['ExecutionStarted', 'StepStarted', 'StepSucceeded']);
    expect(tokenOf(mock.lambda, arn)).toBe(answer.CheckpointToken);
  });

  test('an empty checkpoint answers no operations and rotates the token', async () => {
    const { CheckpointToken, NewExecutionState } = await checkpoint(mock.client, arn, tokenOf(mock.lambda, arn));
    expect(NewExecutionState).toEqual({ Operations: [] });
    expect(CheckpointToken).toBe(tokenOf(mock.lambda, arn));
  });

  test('succeeding the EXECUTION operation closes the execution with its result; the answer carries no token', async () => {
    const answer = await checkpoint(mock.client, arn, tokenOf(mock.lambda, arn), [{ Id: 'result', Type: 'EXECUTION', Action: 'SUCCEED', Payload: '{"done":true}' }]);
    expect(answer).not.toHaveProperty('CheckpointToken');
    expect(answer.NewExecutionState?.Operations).toEqual([expect.objectContaining({ Type: 'EXECUTION', Status: 'SUCCEEDED' })]);
    expect(await mock.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }))).toMatchObject({ Status: 'SUCCEEDED', Result: '{"done":true}' });
    expect(await eventTypes()).toEqual(['ExecutionStarted', 'ExecutionSucceeded']);
  });

  test('failing the EXECUTION operation closes it FAILED with the error', async () => {
    const Error = { ErrorType: 'Refused', ErrorMessage: 'no stock' };
    await checkpoint(mock.client, arn, tokenOf(mock.lambda, arn), [{ Id: 'result', Type: 'EXECUTION', Action: 'FAIL', Error }]);
    expect(await mock.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }))).toMatchObject({ Status: 'FAILED', Error });
  });

  describe('checkpoint tokens', () => {
    test('a token already consumed is refused, and nothing is applied', async () => {
      const first = tokenOf(mock.lambda, arn);
      await checkpoint(mock.client, arn, first);
      const before = settledState(mock.lambda);
      await expectServiceError(checkpoint(mock.client, arn, first, [step('s1', 'START')]), InvalidParameterValueException, 400, 'Invalid checkpoint token');
      expect(storedState(mock.lambda)).toEqual(before);
    });

    test('a token never issued is refused', async () => {
      await expectServiceError(checkpoint(mock.client, arn, 'QUJDRA=='), InvalidParameterValueException, 400, 'Invalid checkpoint token');
    });

    test("another execution's token is refused as not valid for this execution", async () => {
      const other = await startExecution(mock.client, { FunctionName: 'orders' });
      await expectServiceError(
        checkpoint(mock.client, arn, tokenOf(mock.lambda, other)),
        InvalidParameterValueException,
        400,
        'Checkpoint token is not valid for the durable execution ARN',
      );
    });

    test('a closed execution takes no more checkpoints', async () => {
      const token = tokenOf(mock.lambda, arn);
      await checkpoint(mock.client, arn, token, [{ Id: 'r', Type: 'EXECUTION', Action: 'SUCCEED', Payload: '1' }]);
      await expectServiceError(checkpoint(mock.client, arn, token), InvalidParameterValueException, 400, 'Invalid checkpoint token');
      expect(storedExecution(mock.lambda, arn)?.checkpointToken).toBeUndefined();
    });

    test('a retry with the same token and ClientToken gets the same answer, and applies nothing twice', async () => {
      const token = tokenOf(mock.lambda, arn);
      const first = await checkpoint(mock.client, arn, token, [step('s1', 'START')], 'client-1');
      const retried = await checkpoint(mock.client, arn, token, [step('s1', 'START')], 'client-1');
      expect(retried.CheckpointToken).toBe(first.CheckpointToken);
      expect(retried.NewExecutionState).toEqual(first.NewExecutionState);
      expect(await eventTypes()).toEqual(['ExecutionStarted', 'StepStarted']);
      await expectServiceError(checkpoint(mock.client, arn, token, [], 'client-2'), InvalidParameterValueException, 400, 'Invalid checkpoint token');
    });

    test('a malformed token answers ValidationException', async () => {
      await expectValidationError(
        checkpoint(mock.client, arn, 'not base64!'),
        "1 validation error detected: Value 'not base64!' at 'checkpointToken' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[A-Za-z0-9+/]+={0,2}$",
      );
    });
  });

  describe('operation updates', () => {
    test('a step retried is PENDING until its delay elapses, then READY, and its next START is attempt 2', async () => {
      fakeClock('2025-03-01T12:00:00Z');
      let token = tokenOf(mock.lambda, arn);
      const retried = await checkpoint(mock.client, arn, token, [
        step('s1', 'START'),
        step('s1', 'RETRY', { Error: { ErrorType: 'Timeout', ErrorMessage: 'slow' }, StepOptions: { NextAttemptDelaySeconds: 30 } }),
      ]);
      expect(retried.NewExecutionState?.Operations?.[0]).toMatchObject({
        Status: 'PENDING',
        StepDetails: { Attempt: 1, NextAttemptTimestamp: new Date('2025-03-01T12:00:30Z'), Error: { ErrorType: 'Timeout', ErrorMessage: 'slow' } },
      });
      token = retried.CheckpointToken!;
      jest.setSystemTime(new Date('2025-03-01T12:00:31Z'));
      const ready = await checkpoint(mock.client, arn, token);
      expect(ready.NewExecutionState?.Operations).toEqual([expect.objectContaining({ Id: 's1', Status: 'READY' })]);
      const again = await checkpoint(mock.client, arn, ready.CheckpointToken!, [step('s1', 'START'), step('s1', 'SUCCEED', { Payload: '1' })]);
      expect(again.NewExecutionState?.Operations?.[0]).toMatchObject({ Status: 'SUCCEEDED', StepDetails: { Attempt: 2, Result: '1' } });
      expect(await eventTypes()).toEqual(['ExecutionStarted', 'StepStarted', 'StepFailed', 'StepStarted', 'StepSucceeded']);
    });

    test('a wait is STARTED until its time, then SUCCEEDED, reported by the next checkpoint', async () => {
      fakeClock('2025-03-01T12:00:00Z');
      const started = await checkpoint(mock.client, arn, tokenOf(mock.lambda, arn), [{ Id: 'w1', Type: 'WAIT', Action: 'START', WaitOptions: { WaitSeconds: 60 } }]);
      expect(started.NewExecutionState?.Operations?.[0]).toMatchObject({ Status: 'STARTED', WaitDetails: { ScheduledEndTimestamp: new Date('2025-03-01T12:01:00Z') } });
      const early = await checkpoint(mock.client, arn, started.CheckpointToken!);
      expect(early.NewExecutionState?.Operations).toEqual([]);
      jest.setSystemTime(new Date('2025-03-01T12:05:00Z'));
      const due = await checkpoint(mock.client, arn, early.CheckpointToken!);
      expect(due.NewExecutionState?.Operations).toEqual([
        expect.objectContaining({ Id: 'w1', Status: 'SUCCEEDED', EndTimestamp: new Date('2025-03-01T12:01:00Z') }),
      ]);
      const history = (await mock.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn }))).Events!;
      expect(history.slice(1).map((e) => [e.EventType, e.WaitStartedDetails ?? e.WaitSucceededDetails])).toEqual([
        ['WaitStarted', { Duration: 60, ScheduledEndTimestamp: new Date('2025-03-01T12:01:00Z') }],
        ['WaitSucceeded', { Duration: 60 }],
      ]);
    });

    test('a wait can be cancelled', async () => {
      const started = await checkpoint(mock.client, arn, tokenOf(mock.lambda, arn), [{ Id: 'w1', Type: 'WAIT', Action: 'START', WaitOptions: { WaitSeconds: 60 } }]);
      const cancelled = await checkpoint(mock.client, arn, started.CheckpointToken!, [{ Id: 'w1', Type: 'WAIT', Action: 'CANCEL' }]);
      expect(cancelled.NewExecutionState?.Operations?.[0]?.Status).toBe('CANCELLED');
      expect(await eventTypes()).toEqual(['ExecutionStarted', 'WaitStarted', 'WaitCancelled']);
    });

    test('a context and its children: events, results, and the parent recorded', async () => {
      const answer = await checkpoint(mock.client, arn, tokenOf(mock.lambda, arn), [
        { Id: 'c1', Type: 'CONTEXT', Action: 'START', Name: 'batch' },
        step('c1-s1', 'START', { ParentId: 'c1' }),
        step('c1-s1', 'SUCCEED', { ParentId: 'c1', Payload: '2' }),
        { Id: 'c1', Type: 'CONTEXT', Action: 'SUCCEED', Payload: '[2]' },
      ]);
      expect(answer.NewExecutionState?.Operations?.map((o) => [o.Id, o.ParentId, o.Status])).toEqual([
        ['c1', undefined, 'SUCCEEDED'],
        ['c1-s1', 'c1', 'SUCCEEDED'],
      ]);
      expect(answer.NewExecutionState?.Operations?.[0]?.ContextDetails).toEqual({ Result: '[2]' });
      expect(await eventTypes()).toEqual(['ExecutionStarted', 'ContextStarted', 'StepStarted', 'StepSucceeded', 'ContextSucceeded']);
    });

    test('a chained invoke is recorded STARTED with the function it calls', async () => {
      const answer = await checkpoint(mock.client, arn, tokenOf(mock.lambda, arn), [
        { Id: 'i1', Type: 'CHAINED_INVOKE', Action: 'START', Payload: '{"x":1}', ChainedInvokeOptions: { FunctionName: 'billing:1' } },
      ]);
      expect(answer.NewExecutionState?.Operations?.[0]).toMatchObject({ Id: 'i1', Type: 'CHAINED_INVOKE', Status: 'STARTED' });
      const [, started] = (await mock.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn }))).Events!;
      expect(started).toMatchObject({ EventType: 'ChainedInvokeStarted', ChainedInvokeStartedDetails: { FunctionName: 'billing:1', Input: { Payload: '{"x":1}' } } });
    });

    test.each<[string, OperationUpdate[], string]>([
      ['an action the type does not take', [{ Id: 'w1', Type: 'WAIT', Action: 'SUCCEED' }], 'Invalid action for the given operation type.'],
      ['starting a step that already succeeded', [step('s1', 'START'), step('s1', 'SUCCEED'), step('s1', 'START')], 'Invalid current STEP state to start.'],
      ['succeeding a step that already failed', [step('s1', 'START'), step('s1', 'FAIL'), step('s1', 'SUCCEED')], 'Invalid current STEP state to close.'],
      ['a FAIL with a payload', [step('s1', 'START'), step('s1', 'FAIL', { Payload: 'x' })], 'Cannot provide a Payload for FAIL action.'],
      ['a RETRY without StepOptions', [step('s1', 'START'), step('s1', 'RETRY')], 'Invalid StepOptions for the given action.'],
      ['a WAIT without WaitOptions', [{ Id: 'w1', Type: 'WAIT', Action: 'START' }], 'Invalid WaitOptions for the given action.'],
      ['a second start of a callback', [{ Id: 'cb', Type: 'CALLBACK', Action: 'START' }, { Id: 'cb', Type: 'CALLBACK', Action: 'START' }], 'Cannot start a CALLBACK that already exist.'],
      ['cancelling a wait that does not exist', [{ Id: 'w9', Type: 'WAIT', Action: 'CANCEL' }], 'Cannot cancel a WAIT that does not exist or has already completed.'],
      ['an id used by another type', [step('x', 'START'), { Id: 'x', Type: 'WAIT', Action: 'START', WaitOptions: { WaitSeconds: 1 } }], 'Operation x is of type STEP, not WAIT.'],
      ['an update after the execution closed', [{ Id: 'r', Type: 'EXECUTION', Action: 'SUCCEED' }, step('s1', 'START')], 'Cannot update operations of a closed execution.'],
    ])('refuses %s (400), applying none of the updates', async (_case, updates, message) => {
      const token = tokenOf(mock.lambda, arn);
      const before = settledState(mock.lambda);
      await expectServiceError(checkpoint(mock.client, arn, token, updates), InvalidParameterValueException, 400, message);
      expect(storedState(mock.lambda)).toEqual(before);
    });

    test('an unknown operation type answers ValidationException', async () => {
      await expectValidationError(
        checkpoint(mock.client, arn, tokenOf(mock.lambda, arn), [{ Id: 'x', Type: 'TIMER' as 'WAIT', Action: 'START' }]),
        "1 validation error detected: Value 'TIMER' at 'updates.1.member.type' failed to satisfy constraint: Member must satisfy enum value set: [EXECUTION, CONTEXT, STEP, WAIT, CALLBACK, CHAINED_INVOKE]",
      );
    });
  });

  test('the execution times out after its ExecutionTimeout, and takes no more checkpoints', async () => {
    fakeClock('2025-03-01T12:00:00Z');
    await createDurable(mock, 'short', { ExecutionTimeout: 60 });
    arn = await startExecution(mock.client, { FunctionName: 'short' });
    const token = tokenOf(mock.lambda, arn);
    jest.setSystemTime(new Date('2025-03-01T12:02:00Z'));
    expect(await mock.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }))).toMatchObject({
      Status: 'TIMED_OUT',
      EndTimestamp: new Date('2025-03-01T12:01:00Z'),
      Error: { ErrorType: 'ExecutionTimeout', ErrorMessage: 'Execution timed out after 60 seconds.' },
    });
    expect(await eventTypes()).toEqual(['ExecutionStarted', 'ExecutionTimedOut']);
    await expectServiceError(checkpoint(mock.client, arn, token), InvalidParameterValueException, 400, 'Invalid checkpoint token');
  });

  describe('GetDurableExecutionState', () => {
    test('answers 200 with the operations in the order they started, the EXECUTION operation first', async () => {
      const token = tokenOf(mock.lambda, arn);
      const next = await checkpoint(mock.client, arn, token, [step('a', 'START'), step('b', 'START')]);
      const { $metadata, ...answer } = await state(next.CheckpointToken!);
      expect($metadata.httpStatusCode).toBe(200);
      expect(answer.Operations?.map((o) => [o.Type, o.Id])).toEqual([
        ['EXECUTION', storedExecution(mock.lambda, arn)!.id],
        ['STEP', 'a'],
        ['STEP', 'b'],
      ]);
      expect(answer.Operations?.[0]).toMatchObject({ Status: 'STARTED', ExecutionDetails: { InputPayload: '{"order":1}' } });
      expect(answer.NextMarker).toBeUndefined();
    });

    test('leaves out the children of a completed context, unless it replays its children', async () => {
      await checkpoint(mock.client, arn, tokenOf(mock.lambda, arn), [
        { Id: 'c1', Type: 'CONTEXT', Action: 'START' },
        step('c1-s', 'START', { ParentId: 'c1' }),
        { Id: 'c1', Type: 'CONTEXT', Action: 'SUCCEED', Payload: '1' },
        { Id: 'c2', Type: 'CONTEXT', Action: 'START', ContextOptions: { ReplayChildren: true } },
        step('c2-s', 'START', { ParentId: 'c2' }),
        { Id: 'c2', Type: 'CONTEXT', Action: 'SUCCEED', Payload: '2' },
        { Id: 'c3', Type: 'CONTEXT', Action: 'START' },
        step('c3-s', 'START', { ParentId: 'c3' }),
      ]);
      const ids = (await state(tokenOf(mock.lambda, arn))).Operations!.slice(1).map((o) => o.Id);
      expect(ids).toEqual(['c1', 'c2', 'c2-s', 'c3', 'c3-s']);
    });

    test('pages with MaxItems and Marker (MaxItems 0 is the default, 100)', async () => {
      await checkpoint(mock.client, arn, tokenOf(mock.lambda, arn), ['a', 'b', 'c'].map((id) => step(id, 'START')));
      const token = tokenOf(mock.lambda, arn);
      const first = await state(token, 2);
      const rest = await state(token, 2, first.NextMarker);
      expect([...first.Operations!, ...rest.Operations!].map((o) => o.Id).slice(1)).toEqual(['a', 'b', 'c']);
      expect(rest.NextMarker).toBeUndefined();
      expect((await state(token, 0)).Operations).toHaveLength(4);
    });

    test('takes any token of the execution, and refuses one of another execution or of none', async () => {
      const first = tokenOf(mock.lambda, arn);
      await checkpoint(mock.client, arn, first);
      expect((await state(first)).Operations).toHaveLength(1);
      const other = await startExecution(mock.client, { FunctionName: 'orders' });
      await expectServiceError(state(tokenOf(mock.lambda, other)), InvalidParameterValueException, 400, 'Checkpoint token is not valid for the durable execution ARN');
      await expectServiceError(state('QUJDRA=='), InvalidParameterValueException, 400, 'Invalid checkpoint token');
    });
  });
});
