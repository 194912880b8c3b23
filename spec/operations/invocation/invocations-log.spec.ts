import {
  CreateFunctionCommand,
  InvokeCommand,
  InvokeWithResponseStreamCommand,
  LambdaClient,
  PutFunctionConcurrencyCommand,
  type InvokeCommandInput,
} from '@aws-sdk/client-lambda';
import { ACCOUNT, createInput, errorOf, newClient, REGION, useMockLambda } from '../../helpers/fixtures';
import { HAPPY_PATH, jsonOfSize, SYNC_LIMIT } from './invoke-helpers';

describe('lambda.invocations()', () => {
  const mock = useMockLambda();
  const invoke = (input: Partial<InvokeCommandInput> = {}) =>
    mock.client.send(new InvokeCommand({ FunctionName: 'orders', ...input }));

  beforeEach(async () => {
    await mock.create('orders', { Publish: true });
    await mock.create('billing');
  });

  test('records every invocation in order, with what ran and what it answered', async () => {
    mock.lambda.setInvokeResults([{ payload: '{"errorMessage":"boom"}', functionError: 'Unhandled', logs: 'ERROR boom' }]);
    const first = await invoke({ Payload: '{"n":1}' });
    const second = await invoke({ FunctionName: 'orders:1', Payload: '{"n":2}' });
    const third = await invoke({ FunctionName: 'billing', InvocationType: 'Event', Payload: '{"n":3}' });
    const fourth = await invoke({ FunctionName: 'billing', Qualifier: '$LATEST' });
    const common = { region: REGION, accountId: ACCOUNT };
    expect(mock.lambda.invocations()).toEqual([
      {
        functionName: 'orders',
        executedVersion: '$LATEST',
        invocationType: 'RequestResponse',
        payload: '{"n":1}',
        result: { payload: '{"errorMessage":"boom"}', functionError: 'Unhandled', logs: 'ERROR boom' },
        requestId: first.$metadata.requestId,
        ...common,
      },
      {
        functionName: 'orders',
        qualifier: '1',
        executedVersion: '1',
        invocationType: 'RequestResponse',
        payload: '{"n":2}',
        result: { payload: '{"n":2}' },
        requestId: second.$metadata.requestId,
        ...common,
      },
      {
        functionName: 'billing',
        executedVersion: '$LATEST',
        invocationType: 'Event',
        payload: '{"n":3}',
        requestId: third.$metadata.requestId,
        ...common,
      },
      {
        functionName: 'billing',
        qualifier: '$LATEST',
        executedVersion: '$LATEST',
        invocationType: 'RequestResponse',
        payload: '',
        result: { payload: HAPPY_PATH },
        requestId: fourth.$metadata.requestId,
        ...common,
      },
    ]);
    // Every request got its own id.
    expect(new Set(mock.lambda.invocations().map((i) => i.requestId)).size).toBe(4);
  });

  test('records the function by its name, however the request named it', async () => {
    await invoke({ FunctionName: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:orders` });
    await invoke({ FunctionName: `${ACCOUNT}:function:orders:1` });
    expect(mock.lambda.invocations().map((i) => [i.functionName, i.qualifier])).toEqual([
      ['orders', undefined],
      ['orders', '1'],
    ]);
  });

  test('with a name, lists only that function', async () => {
    await invoke({ Payload: '{"n":1}' });
    await invoke({ FunctionName: 'billing', Payload: '{"n":2}' });
    await invoke({ Payload: '{"n":3}' });
    expect(mock.lambda.invocations('orders').map((i) => i.payload)).toEqual(['{"n":1}', '{"n":3}']);
    expect(mock.lambda.invocations('billing').map((i) => i.payload)).toEqual(['{"n":2}']);
    expect(mock.lambda.invocations('nope')).toEqual([]);
  });

  test('records the region and a DryRun (with no result) and a response stream', async () => {
    const other = newClient('eu-west-1');
    await other.send(new CreateFunctionCommand(createInput('orders')));
    await other.send(new InvokeCommand({ FunctionName: 'orders', InvocationType: 'DryRun' }));
    const streamed = await mock.client.send(new InvokeWithResponseStreamCommand({ FunctionName: 'orders', Payload: '{"s":1}' }));
    expect(mock.lambda.invocations().map(({ region, invocationType, result, requestId }) => ({ region, invocationType, result, requestId }))).toEqual([
      { region: 'eu-west-1', invocationType: 'DryRun', result: undefined, requestId: expect.any(String) },
      { region: REGION, invocationType: 'RequestResponse', result: { payload: '{"s":1}' }, requestId: streamed.$metadata.requestId },
    ]);
  });

  test('does not record failed invokes', async () => {
    const throttled = new LambdaClient({ region: REGION, maxAttempts: 1 });
    await throttled.send(new PutFunctionConcurrencyCommand({ FunctionName: 'billing', ReservedConcurrentExecutions: 0 }));
    await errorOf(invoke({ FunctionName: 'nope' }));
    await errorOf(invoke({ Qualifier: '9' }));
    await errorOf(invoke({ Payload: 'not json' }));
    await errorOf(invoke({ Payload: jsonOfSize(SYNC_LIMIT + 1) }));
    await errorOf(throttled.send(new InvokeCommand({ FunctionName: 'billing' })));
    expect(mock.lambda.invocations()).toEqual([]);
    await invoke({ Payload: '{"ok":1}' });
    expect(mock.lambda.invocations().map((i) => i.payload)).toEqual(['{"ok":1}']);
  });

  test('reset() empties it', async () => {
    await invoke();
    mock.lambda.reset();
    expect(mock.lambda.invocations()).toEqual([]);
  });

  test('answers a copy: changing it changes nothing recorded', async () => {
    await invoke();
    const listed = mock.lambda.invocations();
    listed.length = 0;
    expect(mock.lambda.invocations()).toHaveLength(1);
  });
});
