import {
  CreateAliasCommand,
  CreateFunctionCommand,
  InvokeAsyncCommand,
  InvokeCommand,
  LambdaClient,
  PutFunctionConcurrencyCommand,
  PutFunctionEventInvokeConfigCommand,
  type PutFunctionEventInvokeConfigCommandInput,
} from '@aws-sdk/client-lambda';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockLambda, type DestinationDeliveryRecord, type LambdaContext, type LambdaMock } from '../../../lib';
import { arnOf, createInput, REGION, useMockLambda, zipOf } from '../../helpers/fixtures';
import { QUEUE, TOPIC } from './invoke-config-helpers';

/** An error with a known stack, so the runtime's report of it is exact. */
const declined = (): Error => Object.assign(new Error('declined'), { stack: 'Error: declined\n    at charge (/var/task/index.js:3:9)' });
const DECLINED_PAYLOAD = { errorType: 'Error', errorMessage: 'declined', trace: ['Error: declined', '    at charge (/var/task/index.js:3:9)'] };
const TIMESTAMP = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

/** Every delivery stored in the region, in order. */
const deliveriesOf = (lambda: LambdaMock): DestinationDeliveryRecord[] =>
  [...lambda.state.region(REGION).destinationDeliveries.values()].sort((a, b) => a.sequence - b.sequence);

/** The destinations of `orders`, and anything else given. */
const configure = (client: LambdaClient, input: Partial<PutFunctionEventInvokeConfigCommandInput> = {}) =>
  client.send(
    new PutFunctionEventInvokeConfigCommand({
      FunctionName: 'orders',
      DestinationConfig: { OnSuccess: { Destination: QUEUE }, OnFailure: { Destination: TOPIC } },
      ...input,
    }),
  );

const invokeEvent = (client: LambdaClient, input: { Qualifier?: string; Payload?: string } = {}) =>
  client.send(new InvokeCommand({ FunctionName: 'orders', InvocationType: 'Event', Payload: '{"order":42}', ...input }));

describe('an Event invoke that runs a registered handler', () => {
  const mock = useMockLambda();
  const deliveries = () => deliveriesOf(mock.lambda);
  const requestIdOf = (name = 'orders'): string => mock.lambda.invocations(name).at(-1)!.requestId;
  /** Each call of the handler: its event and request id. */
  let calls: { event: unknown; requestId: string }[];
  /** Registers a handler for `orders` answering `answers` in turn (an `Error` is thrown), the last one from then on. */
  const handle = (...answers: unknown[]): void => {
    mock.lambda.setHandler('orders', async (event: unknown, context: LambdaContext) => {
      calls.push({ event, requestId: context.awsRequestId });
      const answer = answers[Math.min(calls.length, answers.length) - 1];
      if (answer instanceof Error) throw answer;
      return answer;
    });
  };

  beforeEach(async () => {
    calls = [];
    await mock.create('orders', { Publish: true });
  });

  test('a success sends the documented record, with the handler result, to OnSuccess', async () => {
    await configure(mock.client);
    handle({ charged: true });
    expect((await invokeEvent(mock.client)).StatusCode).toBe(202);
    await mock.lambda.idle();
    expect(calls).toEqual([{ event: { order: 42 }, requestId: requestIdOf() }]);
    expect(deliveries()).toEqual([
      {
        sequence: 0,
        functionName: 'orders',
        outcome: 'OnSuccess',
        destination: QUEUE,
        record: {
          version: '1.0',
          timestamp: TIMESTAMP,
          requestContext: { requestId: requestIdOf(), functionArn: arnOf('orders', '$LATEST'), condition: 'Success', approximateInvokeCount: 1 },
          requestPayload: { order: 42 },
          responseContext: { statusCode: 200, executedVersion: '$LATEST' },
          responsePayload: { charged: true },
        },
      },
    ]);
  });

  test('the 202 comes at once: the record is sent when the handler finishes', async () => {
    await configure(mock.client);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    mock.lambda.setHandler('orders', async () => {
      await gate;
      return 'done';
    });
    expect((await invokeEvent(mock.client)).StatusCode).toBe(202);
    expect(deliveries()).toEqual([]);
    release();
    await mock.lambda.idle();
    expect(deliveries().map((d) => [d.outcome, d.record.responsePayload])).toEqual([['OnSuccess', 'done']]);
  });

  test('a thrown error is retried twice by default, with the same event and request id, then goes to OnFailure', async () => {
    await configure(mock.client);
    handle(declined());
    await invokeEvent(mock.client);
    await mock.lambda.idle();
    const call = { event: { order: 42 }, requestId: requestIdOf() };
    expect(calls).toEqual([call, call, call]);
    expect(deliveries()).toEqual([
      {
        sequence: 0,
        functionName: 'orders',
        outcome: 'OnFailure',
        destination: TOPIC,
        record: {
          version: '1.0',
          timestamp: TIMESTAMP,
          requestContext: { requestId: requestIdOf(), functionArn: arnOf('orders', '$LATEST'), condition: 'RetriesExhausted', approximateInvokeCount: 3 },
          requestPayload: { order: 42 },
          responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
          responsePayload: DECLINED_PAYLOAD,
        },
      },
    ]);
  });

  test('MaximumRetryAttempts bounds the runs, and a retry that succeeds goes to OnSuccess', async () => {
    await configure(mock.client, { MaximumRetryAttempts: 0 });
    handle(declined(), 'fine');
    await invokeEvent(mock.client);
    await mock.lambda.idle();
    expect(calls).toHaveLength(1);
    expect(deliveries()[0]).toMatchObject({ outcome: 'OnFailure', record: { requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 1 } } });

    calls = [];
    await configure(mock.client, { MaximumRetryAttempts: 1 });
    handle(declined(), 'fine');
    await invokeEvent(mock.client);
    await mock.lambda.idle();
    expect(calls).toHaveLength(2);
    expect(deliveries()[1]).toMatchObject({
      outcome: 'OnSuccess',
      record: { requestContext: { condition: 'Success', approximateInvokeCount: 2 }, responseContext: { statusCode: 200, executedVersion: '$LATEST' }, responsePayload: 'fine' },
    });
  });

  test('a callback error is a function error too, reported as the runtime reports it', async () => {
    await configure(mock.client, { MaximumRetryAttempts: 1 });
    let runs = 0;
    mock.lambda.setHandler('orders', (_event: unknown, _context: LambdaContext, callback: (error?: unknown) => void) => {
      runs += 1;
      callback('card expired');
    });
    await invokeEvent(mock.client);
    await mock.lambda.idle();
    expect(runs).toBe(2);
    expect(deliveries()[0]?.record).toMatchObject({
      requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 2 },
      responseContext: { functionError: 'Unhandled' },
      responsePayload: { errorType: 'string', errorMessage: 'card expired', trace: [] },
    });
  });

  test('without an event invoke config, a function error is still retried twice and nothing is delivered', async () => {
    handle(declined());
    await invokeEvent(mock.client);
    await mock.lambda.idle();
    expect(calls).toHaveLength(3);
    calls = [];
    handle('fine');
    await invokeEvent(mock.client);
    await mock.lambda.idle();
    expect(calls).toHaveLength(1);
    expect(deliveries()).toEqual([]);
  });

  test('a config without destinations still sets the retries', async () => {
    await configure(mock.client, { DestinationConfig: undefined, MaximumRetryAttempts: 0 });
    handle(declined());
    await invokeEvent(mock.client);
    await mock.lambda.idle();
    expect(calls).toHaveLength(1);
    expect(deliveries()).toEqual([]);
  });

  test("the alias's config applies, with the alias ARN and the version it ran", async () => {
    await mock.client.send(new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '1' }));
    await configure(mock.client, { Qualifier: 'live', DestinationConfig: { OnFailure: { Destination: TOPIC } }, MaximumRetryAttempts: 1 });
    handle(declined());
    await invokeEvent(mock.client, { Qualifier: 'live' });
    await mock.lambda.idle();
    expect(calls).toHaveLength(2);
    expect(deliveries()).toEqual([
      expect.objectContaining({
        outcome: 'OnFailure',
        destination: TOPIC,
        record: expect.objectContaining({
          requestContext: { requestId: requestIdOf(), functionArn: arnOf('orders', 'live'), condition: 'RetriesExhausted', approximateInvokeCount: 2 },
          responseContext: { statusCode: 200, executedVersion: '1', functionError: 'Unhandled' },
        }),
      }),
    ]);
  });

  test('a throttled function never runs its handler: its event ages out to OnFailure', async () => {
    await configure(mock.client);
    await mock.client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'orders', ReservedConcurrentExecutions: 0 }));
    handle('never');
    await invokeEvent(mock.client);
    await mock.lambda.idle();
    expect(calls).toEqual([]);
    expect(deliveries()).toEqual([
      expect.objectContaining({
        outcome: 'OnFailure',
        destination: TOPIC,
        record: {
          version: '1.0',
          timestamp: TIMESTAMP,
          requestContext: { requestId: requestIdOf(), functionArn: arnOf('orders', '$LATEST'), condition: 'EventAgeExceeded', approximateInvokeCount: 0 },
          requestPayload: { order: 42 },
        },
      }),
    ]);
  });

  test('InvokeAsync runs, retries and delivers the same way', async () => {
    await configure(mock.client, { MaximumRetryAttempts: 1 });
    handle(declined(), { legacy: 'ok' });
    expect((await mock.client.send(new InvokeAsyncCommand({ FunctionName: 'orders', InvokeArgs: '{"legacy":true}' }))).Status).toBe(202);
    await mock.lambda.idle();
    expect(calls.map((c) => c.event)).toEqual([{ legacy: true }, { legacy: true }]);
    expect(deliveries()[0]).toMatchObject({
      outcome: 'OnSuccess',
      record: { requestContext: { approximateInvokeCount: 2 }, requestPayload: { legacy: true }, responsePayload: { legacy: 'ok' } },
    });
  });

  test('a Lambda destination is invoked asynchronously with the record', async () => {
    await mock.create('audit');
    await configure(mock.client, { DestinationConfig: { OnFailure: { Destination: arnOf('audit') } }, MaximumRetryAttempts: 0 });
    handle(declined());
    await invokeEvent(mock.client);
    await mock.lambda.idle();
    const audits = mock.lambda.invocations('audit');
    expect(audits).toEqual([expect.objectContaining({ invocationType: 'Event', executedVersion: '$LATEST' })]);
    expect(JSON.parse(audits[0]!.payload)).toEqual(deliveries()[0]!.record);
  });

  test('reset() abandons a running event: no retry, nothing stored', async () => {
    await configure(mock.client);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    mock.lambda.setHandler('orders', async () => {
      runs += 1;
      await gate;
      throw declined();
    });
    await invokeEvent(mock.client);
    mock.lambda.reset();
    await mock.create('orders');
    release();
    await mock.lambda.idle();
    // idle() no longer waits for it: let the abandoned run settle before counting.
    await gate;
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toBe(1);
    expect(deliveries()).toEqual([]);
  });

  test('synchronous invokes neither retry nor deliver', async () => {
    await configure(mock.client);
    handle(declined());
    const out = await mock.client.send(new InvokeCommand({ FunctionName: 'orders', Payload: '{}' }));
    await mock.lambda.idle();
    expect(out.FunctionError).toBe('Unhandled');
    expect(calls).toHaveLength(1);
    expect(deliveries()).toEqual([]);
  });
});

describe("an Event invoke of a function's own zip (execute: 'code')", () => {
  let lambda: LambdaMock;
  let client: LambdaClient;
  let folder: string;
  /** The zip's code runs in the test process, outside jest's sandbox: it tells each run by a line in a file. */
  const SOURCE = `const { appendFileSync } = require('node:fs');
  exports.handler = async (event, context) => {
    appendFileSync(event.runs, JSON.stringify({ order: event.order, requestId: context.awsRequestId }) + '\\n');
    if (event.fail) throw new TypeError('no order ' + event.order);
    return { charged: event.order };
  };`;
  const runs = (): unknown[] => readFileSync(join(folder, 'runs'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  const payload = (event: object): string => JSON.stringify({ ...event, runs: join(folder, 'runs') });

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'handler-deliveries-'));
    lambda = mockLambda({ execute: 'code' });
    client = new LambdaClient({ region: REGION });
    await client.send(new CreateFunctionCommand(createInput('orders', { Code: { ZipFile: zipOf(SOURCE) } })));
    await configure(client, { MaximumRetryAttempts: 1 });
  });
  afterEach(() => {
    lambda.restore();
    rmSync(folder, { recursive: true, force: true });
  });

  test('a success sends the code result to OnSuccess', async () => {
    await invokeEvent(client, { Payload: payload({ order: 42 }) });
    await lambda.idle();
    const requestId = lambda.invocations('orders')[0]!.requestId;
    expect(runs()).toEqual([{ order: 42, requestId }]);
    expect(deliveriesOf(lambda).map((d) => [d.outcome, d.destination, d.record.requestContext, d.record.responsePayload])).toEqual([
      ['OnSuccess', QUEUE, { requestId, functionArn: arnOf('orders', '$LATEST'), condition: 'Success', approximateInvokeCount: 1 }, { charged: 42 }],
    ]);
  });

  test("a Lambda destination's own zip runs with the record as its event, under its own request id", async () => {
    const AUDIT = `const { appendFileSync } = require('node:fs');
    exports.handler = async (event, context) => {
      appendFileSync(event.requestPayload.runs, JSON.stringify({ audited: event.responsePayload, requestId: context.awsRequestId }) + '\\n');
    };`;
    await client.send(new CreateFunctionCommand(createInput('audit', { Code: { ZipFile: zipOf(AUDIT) } })));
    await configure(client, { DestinationConfig: { OnSuccess: { Destination: arnOf('audit') } } });
    await invokeEvent(client, { Payload: payload({ order: 42 }) });
    await lambda.idle();
    const ordersId = lambda.invocations('orders')[0]!.requestId;
    const auditId = lambda.invocations('audit')[0]!.requestId;
    expect(auditId).not.toBe(ordersId);
    expect(runs()).toEqual([{ order: 42, requestId: ordersId }, { audited: { charged: 42 }, requestId: auditId }]);
  });

  test('a thrown error runs the code again, then sends the runtime error to OnFailure', async () => {
    await invokeEvent(client, { Payload: payload({ order: 7, fail: true }) });
    await lambda.idle();
    const requestId = lambda.invocations('orders')[0]!.requestId;
    expect(runs()).toEqual([{ order: 7, requestId }, { order: 7, requestId }]);
    const [delivery] = deliveriesOf(lambda);
    expect(delivery).toMatchObject({
      outcome: 'OnFailure',
      destination: TOPIC,
      record: {
        requestContext: { requestId, condition: 'RetriesExhausted', approximateInvokeCount: 2 },
        requestPayload: { order: 7, fail: true, runs: join(folder, 'runs') },
        responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
        responsePayload: { errorType: 'TypeError', errorMessage: 'no order 7' },
      },
    });
    expect((delivery!.record.responsePayload as { trace: string[] }).trace[0]).toBe('TypeError: no order 7');
  });
});
