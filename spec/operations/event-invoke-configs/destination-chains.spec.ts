import {
  CreateAliasCommand,
  DeleteFunctionCommand,
  InvokeCommand,
  PutFunctionConcurrencyCommand,
  PutFunctionEventInvokeConfigCommand,
  PutFunctionRecursionConfigCommand,
  PublishVersionCommand,
  type DestinationConfig,
} from '@aws-sdk/client-lambda';
import type { DestinationDeliveryRecord, LambdaContext } from '../../../lib';
import { arnOf, REGION, useMockLambda } from '../../helpers/fixtures';
import { QUEUE, TOPIC } from './invoke-config-helpers';

/** The service stops a function's 17th invocation in one chain when its recursion config is `Terminate`. */
const RECURSION_LIMIT = 16;
/** lambda-mock's bound on any chain, `Allow` or not (README: "Asynchronous invocation configs and destinations"). */
const MAX_CHAIN_LENGTH = 64;

describe('a Lambda destination runs as an asynchronous invoke of that function', () => {
  const mock = useMockLambda();
  const destinations = (FunctionName: string, DestinationConfig: DestinationConfig, MaximumRetryAttempts = 0) =>
    mock.client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName, DestinationConfig, MaximumRetryAttempts }));
  const invokeEvent = (FunctionName = 'orders', Payload = '{"order":42}') =>
    mock.client.send(new InvokeCommand({ FunctionName, InvocationType: 'Event', Payload }));
  /** Every delivery stored in the region, in order. */
  const deliveries = (): DestinationDeliveryRecord[] =>
    [...mock.lambda.state.region(REGION).destinationDeliveries.values()].sort((a, b) => a.sequence - b.sequence);
  const requestIdsOf = (name: string): string[] => mock.lambda.invocations(name).map((i) => i.requestId);

  beforeEach(async () => {
    await mock.create('orders');
    await mock.create('audit');
  });

  describe('on the queue/echo path', () => {
    test("A → B: B takes the next queued result under its own request id and sends its own record to its OnSuccess", async () => {
      await destinations('orders', { OnSuccess: { Destination: arnOf('audit') } });
      await destinations('audit', { OnSuccess: { Destination: QUEUE } });
      mock.lambda.setInvokeResults(['{"charged":true}', '"audited"', '"left"']);
      expect((await invokeEvent()).StatusCode).toBe(202);
      await mock.lambda.idle();
      const [ordersId] = requestIdsOf('orders');
      const [auditId] = requestIdsOf('audit');
      expect(auditId).not.toBe(ordersId);
      const [toAudit, toQueue] = deliveries();
      expect(deliveries()).toHaveLength(2);
      expect(toAudit).toMatchObject({ functionName: 'orders', outcome: 'OnSuccess', destination: arnOf('audit') });
      expect(mock.lambda.invocations('audit')).toEqual([
        expect.objectContaining({ invocationType: 'Event', executedVersion: '$LATEST', payload: JSON.stringify(toAudit!.record) }),
      ]);
      expect(toQueue).toEqual({
        sequence: 1,
        functionName: 'audit',
        outcome: 'OnSuccess',
        destination: QUEUE,
        record: {
          version: '1.0',
          timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
          requestContext: { requestId: auditId, functionArn: arnOf('audit', '$LATEST'), condition: 'Success', approximateInvokeCount: 1 },
          requestPayload: toAudit!.record,
          responseContext: { statusCode: 200, executedVersion: '$LATEST' },
          responsePayload: 'audited',
        },
      });
      expect(mock.lambda.state.accountInvokeResults().toArray()).toEqual([{ payload: '"left"' }]);
    });

    test('A → B → C: each function is invoked with the record of the one before', async () => {
      await mock.create('archive');
      await destinations('orders', { OnSuccess: { Destination: arnOf('audit') } });
      await destinations('audit', { OnFailure: { Destination: arnOf('archive') } });
      await destinations('archive', { OnSuccess: { Destination: TOPIC } });
      mock.lambda.setInvokeResults(['"ok"', { payload: '{"errorMessage":"no"}', functionError: 'Unhandled' }, '"archived"']);
      await invokeEvent();
      await mock.lambda.idle();
      expect(deliveries().map((d) => [d.functionName, d.outcome, d.destination, d.record.requestContext.condition])).toEqual([
        ['orders', 'OnSuccess', arnOf('audit'), 'Success'],
        ['audit', 'OnFailure', arnOf('archive'), 'RetriesExhausted'],
        ['archive', 'OnSuccess', TOPIC, 'Success'],
      ]);
      const [, toArchive, toTopic] = deliveries();
      expect(JSON.parse(mock.lambda.invocations('archive')[0]!.payload)).toEqual(toArchive!.record);
      expect(toTopic!.record.requestPayload).toEqual(toArchive!.record);
      expect(new Set([...requestIdsOf('orders'), ...requestIdsOf('audit'), ...requestIdsOf('archive')]).size).toBe(3);
    });

    test("a destination qualified with an alias runs the alias's version and its config", async () => {
      await mock.client.send(new PublishVersionCommand({ FunctionName: 'audit' }));
      await mock.client.send(new CreateAliasCommand({ FunctionName: 'audit', Name: 'live', FunctionVersion: '1' }));
      await destinations('orders', { OnSuccess: { Destination: arnOf('audit', 'live') } });
      await destinations('audit', { OnSuccess: { Destination: TOPIC } });
      await mock.client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'audit', Qualifier: 'live', DestinationConfig: { OnSuccess: { Destination: QUEUE } } }));
      await invokeEvent();
      await mock.lambda.idle();
      expect(mock.lambda.invocations('audit')).toEqual([expect.objectContaining({ qualifier: 'live', executedVersion: '1' })]);
      expect(deliveries()[1]).toMatchObject({
        functionName: 'audit',
        destination: QUEUE,
        record: { requestContext: { functionArn: arnOf('audit', 'live') }, responseContext: { executedVersion: '1' } },
      });
    });

    test('a throttled destination never runs: its event ages out to its own OnFailure', async () => {
      await destinations('orders', { OnSuccess: { Destination: arnOf('audit') } });
      await destinations('audit', { OnSuccess: { Destination: QUEUE }, OnFailure: { Destination: TOPIC } });
      await mock.client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'audit', ReservedConcurrentExecutions: 0 }));
      mock.lambda.setInvokeResults(['"ok"', '"unused"']);
      await invokeEvent();
      await mock.lambda.idle();
      const [toAudit, aged] = deliveries();
      expect(aged).toEqual({
        sequence: 1,
        functionName: 'audit',
        outcome: 'OnFailure',
        destination: TOPIC,
        record: {
          version: '1.0',
          timestamp: expect.any(String),
          requestContext: { requestId: requestIdsOf('audit')[0], functionArn: arnOf('audit', '$LATEST'), condition: 'EventAgeExceeded', approximateInvokeCount: 0 },
          requestPayload: toAudit!.record,
        },
      });
      expect(mock.lambda.state.accountInvokeResults().toArray()).toEqual([{ payload: '"unused"' }]);
    });

    test('a destination function that no longer exists is not invoked: the delivery fails silently', async () => {
      await destinations('orders', { OnSuccess: { Destination: arnOf('audit') } });
      await mock.client.send(new DeleteFunctionCommand({ FunctionName: 'audit' }));
      await invokeEvent();
      await expect(mock.lambda.idle()).resolves.toBeUndefined();
      expect(deliveries().map((d) => d.destination)).toEqual([arnOf('audit')]);
      expect(mock.lambda.invocations().map((i) => i.functionName)).toEqual(['orders']);
    });

    test(`a loop A → B → A stops at each function's ${RECURSION_LIMIT + 1}th invocation (recursion config Terminate)`, async () => {
      await destinations('orders', { OnSuccess: { Destination: arnOf('audit') } });
      await destinations('audit', { OnSuccess: { Destination: arnOf('orders') } });
      // A queued answer for every run, and more: the records nest, but the echo would double them at each hop.
      mock.lambda.setInvokeResults(Array.from({ length: 40 }, () => '"ok"'));
      await invokeEvent();
      await mock.lambda.idle();
      expect(mock.lambda.invocations('orders')).toHaveLength(RECURSION_LIMIT);
      expect(mock.lambda.invocations('audit')).toHaveLength(RECURSION_LIMIT);
      expect(deliveries()).toHaveLength(2 * RECURSION_LIMIT);
      expect(mock.lambda.state.accountInvokeResults().size).toBe(40 - 2 * RECURSION_LIMIT);
    });
  });

  test('a loop through a function named __proto__ is counted like any other: it stops there', async () => {
    await mock.create('__proto__');
    // `orders` lets the loop run on: only the count of `__proto__` can stop it.
    await mock.client.send(new PutFunctionRecursionConfigCommand({ FunctionName: 'orders', RecursiveLoop: 'Allow' }));
    await destinations('orders', { OnSuccess: { Destination: arnOf('__proto__') } });
    await destinations('__proto__', { OnSuccess: { Destination: arnOf('orders') } });
    mock.lambda.setInvokeResults(Array.from({ length: 40 }, () => '"ok"'));
    await invokeEvent();
    await mock.lambda.idle();
    expect(mock.lambda.invocations('__proto__')).toHaveLength(RECURSION_LIMIT);
    expect(mock.lambda.invocations('orders')).toHaveLength(RECURSION_LIMIT + 1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  describe("running the destination's own handler", () => {
    /** Each call of a handler: the function, its event and its request id. */
    let calls: { name: string; event: unknown; requestId: string }[];
    const handle = (name: string, answer: (event: unknown) => unknown = () => ({ handled: name })): void => {
      mock.lambda.setHandler(name, async (event: unknown, context: LambdaContext) => {
        calls.push({ name, event, requestId: context.awsRequestId });
        return answer(event);
      });
    };
    const loop = async (): Promise<void> => {
      await destinations('orders', { OnSuccess: { Destination: arnOf('audit') } });
      await destinations('audit', { OnSuccess: { Destination: arnOf('orders') } });
      handle('orders');
      handle('audit');
    };
    const allow = (FunctionName: string) => mock.client.send(new PutFunctionRecursionConfigCommand({ FunctionName, RecursiveLoop: 'Allow' }));
    const runsOf = (name: string): number => calls.filter((c) => c.name === name).length;

    beforeEach(() => {
      calls = [];
    });

    test("B's handler receives A's invocation record as its event, under B's own request id", async () => {
      await destinations('orders', { OnSuccess: { Destination: arnOf('audit') } });
      await destinations('audit', { OnSuccess: { Destination: QUEUE } });
      handle('orders', () => ({ charged: true }));
      handle('audit', () => ({ audited: 1 }));
      await invokeEvent();
      await mock.lambda.idle();
      const [toAudit, toQueue] = deliveries();
      const [ordersId] = requestIdsOf('orders');
      const [auditId] = requestIdsOf('audit');
      expect(calls).toEqual([
        { name: 'orders', event: { order: 42 }, requestId: ordersId },
        { name: 'audit', event: toAudit!.record, requestId: auditId },
      ]);
      expect(toAudit!.record).toMatchObject({ requestContext: { requestId: ordersId, condition: 'Success' }, requestPayload: { order: 42 }, responsePayload: { charged: true } });
      expect(toQueue).toMatchObject({
        functionName: 'audit',
        destination: QUEUE,
        record: { requestContext: { requestId: auditId, functionArn: arnOf('audit', '$LATEST') }, requestPayload: toAudit!.record, responsePayload: { audited: 1 } },
      });
    });

    test("a destination's handler that throws is retried, then its record goes to its own OnFailure", async () => {
      await destinations('orders', { OnSuccess: { Destination: arnOf('audit') } });
      await destinations('audit', { OnFailure: { Destination: TOPIC } }, 1);
      handle('orders');
      handle('audit', () => {
        throw new Error('audit down');
      });
      await invokeEvent();
      await mock.lambda.idle();
      expect(runsOf('audit')).toBe(2);
      expect(deliveries()[1]).toMatchObject({
        functionName: 'audit',
        outcome: 'OnFailure',
        record: { requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 2 }, responsePayload: { errorType: 'Error', errorMessage: 'audit down' } },
      });
    });

    test(`a loop A → B → A runs each function ${RECURSION_LIMIT} times, then stops (recursion config Terminate)`, async () => {
      await loop();
      await invokeEvent();
      await mock.lambda.idle();
      expect([runsOf('orders'), runsOf('audit')]).toEqual([RECURSION_LIMIT, RECURSION_LIMIT]);
      expect(calls.map((c) => c.name).slice(0, 4)).toEqual(['orders', 'audit', 'orders', 'audit']);
      expect(new Set(calls.map((c) => c.requestId)).size).toBe(2 * RECURSION_LIMIT);
    });

    test('a function whose recursion config is Allow runs on: the loop stops at the next function that terminates', async () => {
      await loop();
      await allow('orders');
      await invokeEvent();
      await mock.lambda.idle();
      expect([runsOf('orders'), runsOf('audit')]).toEqual([RECURSION_LIMIT + 1, RECURSION_LIMIT]);
    });

    test(`a loop of functions that all Allow it stops at lambda-mock's bound, ${MAX_CHAIN_LENGTH} invocations`, async () => {
      await loop();
      await allow('orders');
      await allow('audit');
      await invokeEvent();
      await mock.lambda.idle();
      expect([runsOf('orders'), runsOf('audit')]).toEqual([MAX_CHAIN_LENGTH / 2, MAX_CHAIN_LENGTH / 2]);
      expect(mock.lambda.invocations()).toHaveLength(MAX_CHAIN_LENGTH);
    });

    test('reset() during a chain ends it, and idle() resolves', async () => {
      await loop();
      mock.lambda.setHandler('audit', async (event: unknown, context: LambdaContext) => {
        calls.push({ name: 'audit', event, requestId: context.awsRequestId });
        mock.lambda.reset();
      });
      await invokeEvent();
      await expect(mock.lambda.idle()).resolves.toBeUndefined();
      expect(calls.map((c) => c.name)).toEqual(['orders', 'audit']);
      expect(deliveries()).toEqual([]);
    });
  });
});
