import {
  CreateAliasCommand,
  InvokeAsyncCommand,
  InvokeCommand,
  PutFunctionConcurrencyCommand,
  PutFunctionEventInvokeConfigCommand,
  type PutFunctionEventInvokeConfigCommandInput,
} from '@aws-sdk/client-lambda';
import type { DestinationDeliveryRecord } from '../../../lib';
import { arnOf, useMockLambda } from '../../helpers/fixtures';
import { QUEUE, TOPIC } from './invoke-config-helpers';

const FAILURE = { payload: '{"errorType":"Error","errorMessage":"declined"}', functionError: 'Unhandled' as const };

describe('an Event invoke of a function with a destination', () => {
  const mock = useMockLambda();
  const configure = (input: Partial<PutFunctionEventInvokeConfigCommandInput> = {}) =>
    mock.client.send(
      new PutFunctionEventInvokeConfigCommand({
        FunctionName: 'orders',
        DestinationConfig: { OnSuccess: { Destination: QUEUE }, OnFailure: { Destination: TOPIC } },
        ...input,
      }),
    );
  const invokeEvent = (input: { Qualifier?: string; Payload?: string } = {}) =>
    mock.client.send(new InvokeCommand({ FunctionName: 'orders', InvocationType: 'Event', Payload: '{"order":42}', ...input }));
  /** Every delivery stored in the region, in order. */
  const deliveries = (): DestinationDeliveryRecord[] =>
    [...mock.lambda.state.region('us-east-1').destinationDeliveries.values()].sort((a, b) => a.sequence - b.sequence);
  const lastRequestId = (): string => mock.lambda.invocations('orders').at(-1)!.requestId;

  beforeEach(() => mock.create('orders', { Publish: true }));

  test('a success sends the documented invocation record to the OnSuccess destination', async () => {
    await configure();
    mock.lambda.setInvokeResults(['{"charged":true}']);
    expect((await invokeEvent()).StatusCode).toBe(202);
    expect(deliveries()).toEqual([
      {
        sequence: 0,
        functionName: 'orders',
        outcome: 'OnSuccess',
        destination: QUEUE,
        record: {
          version: '1.0',
          timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
          requestContext: { requestId: lastRequestId(), functionArn: arnOf('orders', '$LATEST'), condition: 'Success', approximateInvokeCount: 1 },
          requestPayload: { order: 42 },
          responseContext: { statusCode: 200, executedVersion: '$LATEST' },
          responsePayload: { charged: true },
        },
      },
    ]);
  });

  test('a function error is retried twice by default, then the record goes to OnFailure', async () => {
    await configure();
    mock.lambda.setInvokeResults([FAILURE, FAILURE, FAILURE, 'left in the queue']);
    await invokeEvent();
    const [delivery] = deliveries();
    expect(delivery).toMatchObject({
      outcome: 'OnFailure',
      destination: TOPIC,
      record: {
        requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 3 },
        responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
        responsePayload: { errorType: 'Error', errorMessage: 'declined' },
      },
    });
    expect(mock.lambda.state.accountInvokeResults().toArray()).toEqual([{ payload: 'left in the queue' }]);
  });

  test('MaximumRetryAttempts bounds the attempts, and a retry that succeeds goes to OnSuccess', async () => {
    await configure({ MaximumRetryAttempts: 0 });
    mock.lambda.setInvokeResults([FAILURE, '"fine"']);
    await invokeEvent();
    expect(deliveries()[0]).toMatchObject({ outcome: 'OnFailure', record: { requestContext: { approximateInvokeCount: 1 } } });
    await configure({ MaximumRetryAttempts: 1 });
    mock.lambda.setInvokeResults([FAILURE, '"fine"']);
    await invokeEvent();
    expect(deliveries()[1]).toMatchObject({ outcome: 'OnSuccess', record: { requestContext: { condition: 'Success', approximateInvokeCount: 2 }, responsePayload: 'fine' } });
  });

  test('the config of the alias invoked applies, with the alias ARN and the version it ran', async () => {
    await mock.client.send(new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '1' }));
    await configure();
    await invokeEvent({ Qualifier: 'live' });
    expect(deliveries()).toEqual([]);
    await configure({ Qualifier: 'live', DestinationConfig: { OnSuccess: { Destination: TOPIC } } });
    await invokeEvent({ Qualifier: 'live' });
    expect(deliveries()).toEqual([
      expect.objectContaining({
        destination: TOPIC,
        record: expect.objectContaining({
          requestContext: expect.objectContaining({ functionArn: arnOf('orders', 'live') }),
          responseContext: { statusCode: 200, executedVersion: '1' },
        }),
      }),
    ]);
  });

  test('a Lambda destination is invoked asynchronously with the record', async () => {
    await mock.create('audit');
    await configure({ DestinationConfig: { OnSuccess: { Destination: arnOf('audit') } } });
    await invokeEvent();
    await mock.lambda.idle();
    const [audit] = mock.lambda.invocations('audit');
    expect(audit).toMatchObject({ invocationType: 'Event', executedVersion: '$LATEST' });
    expect(JSON.parse(audit!.payload)).toEqual(deliveries()[0]!.record);
  });

  test('a throttled function never runs: its event ages out to OnFailure', async () => {
    await configure();
    await mock.client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'orders', ReservedConcurrentExecutions: 0 }));
    mock.lambda.setInvokeResults(['"unused"']);
    await invokeEvent();
    expect(deliveries()).toEqual([
      expect.objectContaining({
        outcome: 'OnFailure',
        record: { version: '1.0', timestamp: expect.any(String), requestContext: expect.objectContaining({ condition: 'EventAgeExceeded', approximateInvokeCount: 0 }), requestPayload: { order: 42 } },
      }),
    ]);
    expect(mock.lambda.state.accountInvokeResults().size).toBe(1);
  });

  test('InvokeAsync is an asynchronous invoke too', async () => {
    await configure();
    await mock.client.send(new InvokeAsyncCommand({ FunctionName: 'orders', InvokeArgs: '{"legacy":true}' }));
    expect(deliveries()[0]).toMatchObject({ outcome: 'OnSuccess', record: { requestPayload: { legacy: true }, responsePayload: { legacy: true } } });
  });

  test('without a destination nothing runs: the queue is untouched and nothing is delivered', async () => {
    await configure({ DestinationConfig: undefined, MaximumRetryAttempts: 0 });
    mock.lambda.setInvokeResults(['"kept"']);
    await invokeEvent();
    expect(deliveries()).toEqual([]);
    expect(mock.lambda.state.accountInvokeResults().size).toBe(1);
  });

  test('synchronous invokes deliver nothing', async () => {
    await configure();
    await mock.client.send(new InvokeCommand({ FunctionName: 'orders', Payload: '{}' }));
    expect(deliveries()).toEqual([]);
  });
});
