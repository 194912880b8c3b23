import {
  InvokeWithResponseStreamCommand,
  ResourceNotFoundException,
  UpdateFunctionConfigurationCommand,
  type InvokeWithResponseStreamCommandInput,
  type InvokeWithResponseStreamCommandOutput,
  type InvokeWithResponseStreamResponseEvent,
  type ResponseStreamingInvocationType,
} from '@aws-sdk/client-lambda';
import { arnOf, expectServiceError, expectValidationError, useMockLambda } from '../../helpers/fixtures';
import { decodeLog, executionLogPattern, HAPPY_PATH, jsonOfSize } from './invoke-helpers';

/** Reads the whole event stream, as users do with `for await`. */
async function eventsOf(output: InvokeWithResponseStreamCommandOutput): Promise<InvokeWithResponseStreamResponseEvent[]> {
  const events: InvokeWithResponseStreamResponseEvent[] = [];
  for await (const event of output.EventStream!) events.push(event);
  return events;
}

/** The payload chunks' bytes, and the events that are not chunks. */
function split(events: InvokeWithResponseStreamResponseEvent[]) {
  const chunks = events.flatMap((e) => (e.PayloadChunk ? [e.PayloadChunk.Payload!] : []));
  return { chunks, payload: Buffer.concat(chunks).toString('utf8'), others: events.filter((e) => !e.PayloadChunk) };
}

describe('InvokeWithResponseStream', () => {
  const mock = useMockLambda();
  const stream = (input: Partial<InvokeWithResponseStreamCommandInput> = {}) =>
    mock.client.send(new InvokeWithResponseStreamCommand({ FunctionName: 'orders', ...input }));

  beforeEach(async () => {
    await mock.create('orders');
  });

  test('answers 200, then PayloadChunk events of Uint8Array whose bytes are the result, then InvokeComplete', async () => {
    const output = await stream({ Payload: '{"id":1}' });
    expect(output.$metadata.httpStatusCode).toBe(200);
    expect(output).toMatchObject({ StatusCode: 200, ExecutedVersion: '$LATEST', ResponseStreamContentType: 'application/octet-stream' });
    const events = await eventsOf(output);
    const { chunks, payload, others } = split(events);
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) expect(chunk).toBeInstanceOf(Uint8Array);
    expect(payload).toBe('{"id":1}');
    expect(others).toEqual([{ InvokeComplete: {} }]);
    expect(events.at(-1)).toEqual({ InvokeComplete: {} });
  });

  test(`streams "${HAPPY_PATH}" with no payload`, async () => {
    expect(split(await eventsOf(await stream())).payload).toBe(HAPPY_PATH);
  });

  test('streams a queued result', async () => {
    mock.lambda.setInvokeResults(['{"queued":true}']);
    expect(split(await eventsOf(await stream({ Payload: '{"id":1}' }))).payload).toBe('{"queued":true}');
  });

  test('a large payload comes in several chunks that concatenate to it', async () => {
    const big = jsonOfSize(200_000);
    const { chunks, payload } = split(await eventsOf(await stream({ Payload: big })));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.reduce((sum, c) => sum + c.byteLength, 0)).toBe(200_000);
    expect(payload).toBe(big.toString('utf8'));
  });

  test('a queued function error ends with InvokeComplete carrying ErrorCode and ErrorDetails', async () => {
    const details = '{"errorMessage":"boom","errorType":"Error"}';
    mock.lambda.setInvokeResults([{ payload: details, functionError: 'Unhandled' }]);
    const output = await stream();
    expect(output.StatusCode).toBe(200);
    expect(await eventsOf(output)).toEqual([{ InvokeComplete: { ErrorCode: 'Unhandled', ErrorDetails: details } }]);
  });

  test("LogType 'Tail' puts the log tail of this request in InvokeComplete", async () => {
    mock.lambda.setInvokeResults([{ payload: '{}', logs: 'INFO streaming' }]);
    const output = await stream({ LogType: 'Tail' });
    const complete = (await eventsOf(output)).at(-1)?.InvokeComplete;
    expect(decodeLog(complete?.LogResult)).toMatch(
      executionLogPattern(output.$metadata.requestId!, '$LATEST', 128, 'INFO streaming\n'),
    );
  });

  test('runs the version the qualifier names', async () => {
    await mock.create('billing', { MemorySize: 128, Publish: true });
    await mock.client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'billing', MemorySize: 256 }));
    const output = await stream({ FunctionName: 'billing', Qualifier: '1', LogType: 'Tail' });
    expect(output.ExecutedVersion).toBe('1');
    const complete = (await eventsOf(output)).at(-1)?.InvokeComplete;
    expect(decodeLog(complete?.LogResult)).toMatch(executionLogPattern(output.$metadata.requestId!, '1', 128));
  });

  test('DryRun answers 204 with an event stream that has no events, as the SDK wraps every answer', async () => {
    const { $metadata, EventStream, ...output } = await stream({ InvocationType: 'DryRun' });
    expect($metadata.httpStatusCode).toBe(204);
    expect(output).toEqual({ StatusCode: 204, ResponseStreamContentType: 'application/octet-stream' });
    const events: unknown[] = [];
    for await (const event of EventStream!) events.push(event);
    expect(events).toEqual([]);
  });

  test('Event is not a streaming invocation type: ValidationException', async () => {
    await expectValidationError(
      stream({ InvocationType: 'Event' as ResponseStreamingInvocationType }),
      "1 validation error detected: Value 'Event' at 'invocationType' failed to satisfy constraint: " +
        'Member must satisfy enum value set: [RequestResponse, DryRun]',
    );
  });

  test('an unknown function is ResourceNotFoundException (404)', async () => {
    await expectServiceError(stream({ FunctionName: 'nope' }), ResourceNotFoundException, 404, `Function not found: ${arnOf('nope')}`);
  });
});
