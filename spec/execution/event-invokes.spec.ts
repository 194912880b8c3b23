import { InvokeCommand, PutFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
import type { DestinationDeliveryRecord } from '../../lib';
import { arnOf, REGION, useMockLambda } from '../helpers/fixtures';

const TOPIC = `arn:aws:sns:${REGION}:123456789012:failed-orders`;

describe('Event invokes of your own handler run in the background', () => {
  const mock = useMockLambda();
  const deliveries = (): DestinationDeliveryRecord[] => [...mock.lambda.state.region(REGION).destinationDeliveries.values()];

  it('retries a timed-out run, then sends the Sandbox.Timedout error to OnFailure', async () => {
    await mock.create('slow', { Timeout: 1 });
    await mock.client.send(
      new PutFunctionEventInvokeConfigCommand({ FunctionName: 'slow', MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: TOPIC } } }),
    );
    let runs = 0;
    mock.lambda.setHandler('slow', () => {
      runs += 1;
      return new Promise(() => {});
    });
    await mock.client.send(new InvokeCommand({ FunctionName: 'slow', InvocationType: 'Event' }));
    await mock.lambda.idle();
    const { requestId } = mock.lambda.invocations('slow')[0]!;
    expect(runs).toBe(2);
    expect(deliveries().map((d) => [d.destination, d.record.requestContext.condition, d.record.requestContext.approximateInvokeCount, d.record.responseContext, d.record.responsePayload])).toEqual([
      [
        TOPIC,
        'RetriesExhausted',
        2,
        { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
        { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${requestId} Error: Task timed out after 1.00 seconds` },
      ],
    ]);
  });

  it('idle() also waits for the Event invokes a handler makes, which may outlive it', async () => {
    await mock.create('orders');
    await mock.create('emails');
    const sent: unknown[] = [];
    mock.lambda.setHandler('orders', async (event: { id: number }) => {
      await mock.client.send(new InvokeCommand({ FunctionName: 'emails', InvocationType: 'Event', Payload: JSON.stringify({ order: event.id }) }));
    });
    mock.lambda.setHandler('emails', async (event: unknown) => {
      await new Promise((resolve) => setImmediate(resolve));
      sent.push(event);
    });
    await mock.client.send(new InvokeCommand({ FunctionName: 'orders', InvocationType: 'Event', Payload: '{"id":5}' }));
    await mock.lambda.idle();
    expect(sent).toEqual([{ order: 5 }]);
    // `emails` ran on after `orders` ended: each put back what was there before either ran.
    expect(process.env.AWS_LAMBDA_FUNCTION_NAME).toBeUndefined();
  });

  it('idle() waits for a chain of Lambda destinations, each handler running after the one before', async () => {
    const names = ['orders', 'audit', 'archive'];
    for (const name of names) await mock.create(name);
    for (const [from, to] of [['orders', 'audit'], ['audit', 'archive']] as const) {
      await mock.client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: from, DestinationConfig: { OnSuccess: { Destination: arnOf(to) } } }));
    }
    const events: Record<string, unknown> = {};
    for (const name of names) {
      mock.lambda.setHandler(name, async (event: unknown) => {
        await new Promise((resolve) => setImmediate(resolve));
        events[name] = event;
        return { from: name };
      });
    }
    await mock.client.send(new InvokeCommand({ FunctionName: 'orders', InvocationType: 'Event', Payload: '{"id":5}' }));
    await mock.lambda.idle();
    expect(events.orders).toEqual({ id: 5 });
    expect(events.audit).toMatchObject({ requestContext: { functionArn: arnOf('orders', '$LATEST') }, requestPayload: { id: 5 }, responsePayload: { from: 'orders' } });
    expect(events.archive).toMatchObject({ requestContext: { functionArn: arnOf('audit', '$LATEST') }, requestPayload: events.audit, responsePayload: { from: 'audit' } });
  });

  it('idle() resolves when nothing runs', async () => {
    await expect(mock.lambda.idle()).resolves.toBeUndefined();
  });
});
