import {
  CreateFunctionCommand,
  InvokeAsyncCommand,
  InvokeCommand,
  InvokeWithResponseStreamCommand,
  type InvokeCommandInput,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { ACCOUNT, createInput, newClient, REGION, useMockLambda } from '../../helpers/fixtures';
import { decodeLog, executionLogPattern, HAPPY_PATH, textOf } from './invoke-helpers';

const OTHER_REGION = 'eu-west-1';
const OTHER_ACCOUNT = '210987654321';

describe('setInvokeResults', () => {
  const mock = useMockLambda();
  let other: LambdaClient;
  const invokeWith = (client: LambdaClient, input: Partial<InvokeCommandInput> = {}) =>
    client.send(new InvokeCommand({ FunctionName: 'orders', ...input }));
  const invoke = (input: Partial<InvokeCommandInput> = {}) => invokeWith(mock.client, input);
  /** The payload one RequestResponse invoke answers, as text. */
  const answerOf = async (client: LambdaClient = mock.client, input: Partial<InvokeCommandInput> = {}) =>
    textOf((await invokeWith(client, input)).Payload);
  const regionQueue = (region: string = REGION) => mock.lambda.state.region(region).invokeResults.toArray();

  beforeEach(async () => {
    await mock.create('orders');
    other = newClient(OTHER_REGION);
    await other.send(new CreateFunctionCommand(createInput('orders')));
  });

  describe('the queue', () => {
    test('answers first in first out, then falls back on the echo', async () => {
      mock.lambda.setInvokeResults(['"one"', '"two"', '"three"'], { region: REGION });
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await answerOf(mock.client, { Payload: '{"echo":true}' }));
      expect(answers).toEqual(['"one"', '"two"', '"three"', '{"echo":true}']);
    });

    test('serves every function of the region in turn', async () => {
      await mock.create('billing');
      mock.lambda.setInvokeResults(['"one"', '"two"', '"three"'], { region: REGION });
      expect(await answerOf(mock.client, { FunctionName: 'billing' })).toBe('"one"');
      expect(await answerOf(mock.client, { FunctionName: 'orders' })).toBe('"two"');
      expect(await answerOf(mock.client, { FunctionName: 'billing' })).toBe('"three"');
      expect(await answerOf(mock.client, { FunctionName: 'billing' })).toBe(HAPPY_PATH);
    });

    test('replaces what was queued before', async () => {
      mock.lambda.setInvokeResults(['"old1"', '"old2"'], { region: REGION });
      mock.lambda.setInvokeResults(['"new"'], { region: REGION });
      expect(regionQueue()).toEqual([{ payload: '"new"' }]);
      expect(await answerOf()).toBe('"new"');
      expect(await answerOf()).toBe(HAPPY_PATH);
    });

    test('Event, DryRun and InvokeAsync invokes take nothing from it; InvokeWithResponseStream does', async () => {
      mock.lambda.setInvokeResults(['"first"', '"second"'], { region: REGION });
      await invoke({ InvocationType: 'Event', Payload: '{}' });
      await invoke({ InvocationType: 'DryRun' });
      await mock.client.send(new InvokeAsyncCommand({ FunctionName: 'orders', InvokeArgs: '{}' }));
      expect(regionQueue()).toEqual([{ payload: '"first"' }, { payload: '"second"' }]);

      const stream = await mock.client.send(new InvokeWithResponseStreamCommand({ FunctionName: 'orders' }));
      for await (const _ of stream.EventStream!); // drain: the result was taken when the command was answered
      expect(regionQueue()).toEqual([{ payload: '"second"' }]);
      expect(await answerOf()).toBe('"second"');
    });

    test("another region's queue is not taken", async () => {
      mock.lambda.setInvokeResults(['"for eu"'], { region: OTHER_REGION });
      expect(await answerOf(mock.client, { Payload: '{"us":1}' })).toBe('{"us":1}');
      expect(regionQueue(OTHER_REGION)).toHaveLength(1);
      expect(await answerOf(other)).toBe('"for eu"');
    });

    test("another account's queue is not taken", async () => {
      mock.lambda.setInvokeResults(['"theirs"'], { accountId: OTHER_ACCOUNT });
      mock.lambda.setInvokeResults(['"theirs in us"'], { region: REGION, accountId: OTHER_ACCOUNT });
      expect(await answerOf()).toBe(HAPPY_PATH);
      expect(mock.lambda.state.accountInvokeResults(OTHER_ACCOUNT).toArray()).toEqual([{ payload: '"theirs"' }]);
      expect(mock.lambda.state.region(REGION, OTHER_ACCOUNT).invokeResults.toArray()).toEqual([{ payload: '"theirs in us"' }]);
    });

    test("without a region it serves every region of the account, once the region's own queue is empty", async () => {
      mock.lambda.setInvokeResults(['"account 1"', '"account 2"', '"account 3"']);
      mock.lambda.setInvokeResults(['"us only"'], { region: REGION });
      expect(await answerOf()).toBe('"us only"');
      expect(await answerOf()).toBe('"account 1"');
      expect(await answerOf(other)).toBe('"account 2"');
      expect(await answerOf(other)).toBe('"account 3"');
      expect(await answerOf()).toBe(HAPPY_PATH);
      expect(await answerOf(other)).toBe(HAPPY_PATH);
    });

    test('is visible in lambda.state: the region queue and the account queue, next first', async () => {
      mock.lambda.setInvokeResults(['"r1"', { payload: '"r2"', functionError: 'Handled' }], { region: REGION });
      mock.lambda.setInvokeResults(['"a1"']);
      const region = mock.lambda.state.region(REGION);
      expect(region.invokeResults.size).toBe(2);
      expect(region.invokeResults.get(0)).toEqual({ payload: '"r1"' });
      expect(region.invokeResults.toArray()).toEqual([{ payload: '"r1"' }, { payload: '"r2"', functionError: 'Handled' }]);
      expect(mock.lambda.state.accountInvokeResults().toArray()).toEqual([{ payload: '"a1"' }]);
      expect(mock.lambda.state.accountInvokeResults(ACCOUNT).size).toBe(1);

      await invoke();
      await invoke();
      await invoke();
      expect(mock.lambda.state.region(REGION).invokeResults.size).toBe(0);
      expect(mock.lambda.state.accountInvokeResults().size).toBe(0);
    });

    test('a state snapshot taken before an invoke still shows the queue as it was', async () => {
      mock.lambda.setInvokeResults(['"r1"', '"r2"'], { region: REGION });
      mock.lambda.setInvokeResults(['"a1"']);
      const snapshot = mock.lambda.state;
      await invoke();
      await invoke();
      await invoke();
      expect(snapshot.region(REGION).invokeResults.toArray()).toEqual([{ payload: '"r1"' }, { payload: '"r2"' }]);
      expect(snapshot.accountInvokeResults().toArray()).toEqual([{ payload: '"a1"' }]);
      expect(mock.lambda.state.region(REGION).invokeResults.toArray()).toEqual([]);
    });

    test('reset() empties every queue', async () => {
      mock.lambda.setInvokeResults(['"r1"'], { region: REGION });
      mock.lambda.setInvokeResults(['"a1"']);
      mock.lambda.setInvokeResults(['"theirs"'], { accountId: OTHER_ACCOUNT });
      mock.lambda.reset();
      expect(mock.lambda.state.region(REGION).invokeResults.size).toBe(0);
      expect(mock.lambda.state.accountInvokeResults().size).toBe(0);
      expect(mock.lambda.state.accountInvokeResults(OTHER_ACCOUNT).size).toBe(0);
      await mock.create('orders');
      expect(await answerOf(mock.client, { Payload: '{"echo":1}' })).toBe('{"echo":1}');
    });

    test('changing the array after queueing it changes nothing', async () => {
      const results = ['"queued"'];
      mock.lambda.setInvokeResults(results, { region: REGION });
      results[0] = '"changed"';
      results.push('"added"');
      expect(await answerOf()).toBe('"queued"');
      expect(await answerOf()).toBe(HAPPY_PATH);
    });
  });

  describe('object results', () => {
    test('a Handled function error answers FunctionError and the payload, without throwing', async () => {
      const payload = '{"errorMessage":"no stock","errorType":"OutOfStock"}';
      mock.lambda.setInvokeResults([{ payload, functionError: 'Handled' }]);
      const { $metadata, Payload, ...answer } = await invoke();
      expect($metadata.httpStatusCode).toBe(200);
      expect(answer).toEqual({ StatusCode: 200, ExecutedVersion: '$LATEST', FunctionError: 'Handled' });
      expect(textOf(Payload)).toBe(payload);
    });

    test('an Unhandled function error answers FunctionError Unhandled', async () => {
      mock.lambda.setInvokeResults([{ payload: '{"errorMessage":"boom"}', functionError: 'Unhandled' }]);
      const answer = await invoke();
      expect(answer.FunctionError).toBe('Unhandled');
      expect(textOf(answer.Payload)).toBe('{"errorMessage":"boom"}');
    });

    test('a result without functionError answers no FunctionError; a Uint8Array payload is taken as UTF-8', async () => {
      mock.lambda.setInvokeResults([{ payload: new Uint8Array(Buffer.from('{"ok":"✓"}')) }]);
      const answer = await invoke();
      expect(answer).not.toHaveProperty('FunctionError');
      expect(textOf(answer.Payload)).toBe('{"ok":"✓"}');
    });

    test("its logs appear in the Tail log between START and END; its requestId is the response's", async () => {
      mock.lambda.setInvokeResults([{ payload: '{}', logs: 'INFO first line\nINFO second line' }]);
      const answer = await invoke({ LogType: 'Tail' });
      expect(decodeLog(answer.LogResult)).toMatch(
        executionLogPattern(answer.$metadata.requestId!, '$LATEST', 128, 'INFO first line\nINFO second line\n'),
      );
    });

    test('logs are cut to the last 4096 bytes', async () => {
      // 10 000 bytes of logs: only the end of the log (the end of the lines, END and REPORT) remains.
      const logs = `FIRST LINE\n${'x'.repeat(9_978)}\nLAST LINE`;
      mock.lambda.setInvokeResults([{ payload: '{}', logs }]);
      const answer = await invoke({ LogType: 'Tail' });
      const requestId = answer.$metadata.requestId!;
      const log = Buffer.from(answer.LogResult!, 'base64');
      expect(log.byteLength).toBe(4096);
      const text = log.toString('utf8');
      expect(text).not.toContain('START RequestId');
      expect(text).not.toContain('FIRST LINE');
      expect(text).toMatch(new RegExp(`^x+\\nLAST LINE\\nEND RequestId: ${requestId}\\nREPORT RequestId: ${requestId}\\t.*\\t\\n$`));
    });

    test('no LogResult without Tail, even when the result has logs', async () => {
      mock.lambda.setInvokeResults([{ payload: '{}', logs: 'INFO hello' }]);
      expect(await invoke()).not.toHaveProperty('LogResult');
    });
  });

  describe('bad results', () => {
    test.each([
      ['an empty object', [{}]],
      ['a number', [42]],
      ['null', [null]],
      ['a payload that is a number', [{ payload: 42 }]],
      ["functionError 'Bogus'", [{ payload: '{}', functionError: 'Bogus' }]],
      ['a string among them, then a bad one', ['"fine"', {}]],
    ])('%s is a TypeError, and the queue stays as it was', (_, results) => {
      mock.lambda.setInvokeResults(['"kept"'], { region: REGION });
      expect(() => mock.lambda.setInvokeResults(results as never, { region: REGION })).toThrow(TypeError);
      expect(regionQueue()).toEqual([{ payload: '"kept"' }]);
    });

    test('the TypeError says what a result is', () => {
      expect(() => mock.lambda.setInvokeResults([{} as never])).toThrow(
        'lambda-mock: an invoke result is a string or { payload: string | Uint8Array, functionError?, logs? }',
      );
      expect(() => mock.lambda.setInvokeResults([{ payload: '{}', functionError: 'Bogus' as never }])).toThrow(
        "lambda-mock: functionError is 'Handled' or 'Unhandled', not Bogus",
      );
    });

    test('something other than an array is a TypeError', () => {
      expect(() => mock.lambda.setInvokeResults('"one"' as never)).toThrow(
        new TypeError('lambda-mock: setInvokeResults takes an array of results'),
      );
    });
  });
});
