import { InvokeCommand } from '@aws-sdk/client-lambda';
import { useMockLambda } from '../helpers/fixtures';
import { failureOf, useLambdaMatchers } from './matcher-helpers';

useLambdaMatchers();
const mock = useMockLambda();

const invoke = (FunctionName: string, Payload?: string, Qualifier?: string) => mock.client.send(new InvokeCommand({ FunctionName, Payload, Qualifier }));

describe('toHaveInvoked', () => {
  beforeEach(async () => {
    await mock.create('orders');
    await mock.create('payments');
  });

  test('matches a payload as parsed JSON, as its text, or through an asymmetric matcher', async () => {
    await invoke('orders', '{"id":1,"kind":"new"}');
    expect(mock.lambda).toHaveInvoked('orders');
    expect(mock.lambda).toHaveInvoked('orders', { payload: { id: 1, kind: 'new' } });
    expect(mock.lambda).toHaveInvoked('orders', { payload: '{"id":1,"kind":"new"}' });
    expect(mock.lambda).toHaveInvoked('orders', { payload: expect.objectContaining({ id: 1 }) });
    expect(mock.lambda).not.toHaveInvoked('orders', { payload: { id: 1 } });
    expect(mock.lambda).not.toHaveInvoked('payments');
  });

  test('matches the qualifier the request named', async () => {
    await invoke('orders', '{}', '$LATEST');
    expect(mock.lambda).toHaveInvoked('orders', { qualifier: '$LATEST' });
    expect(mock.lambda).not.toHaveInvoked('orders', { qualifier: '1' });
    expect(mock.lambda).not.toHaveInvoked('orders', { qualifier: undefined });
  });

  test('a failure with nothing invoked says so', () => {
    expect(failureOf(() => expect(mock.lambda).toHaveInvoked('orders'))).toBe(
      'expect(lambda).toHaveInvoked("orders")\n\nExpected: an invocation of "orders"\nReceived: no invocation of "orders"; no function was invoked',
    );
  });

  test('a failure lists the functions that were invoked instead', async () => {
    await invoke('payments', '{}');
    await invoke('payments', '{}');
    expect(failureOf(() => expect(mock.lambda).toHaveInvoked('orders', { payload: {} }))).toBe(
      'expect(lambda).toHaveInvoked("orders", expected)\n\nExpected: an invocation of "orders" with payload {}\nReceived: no invocation of "orders"; invoked: "payments" (2)',
    );
  });

  test('a payload mismatch shows a diff per invocation, the first three of them', async () => {
    for (const id of [1, 2, 3, 4, 5]) await invoke('orders', JSON.stringify({ id, kind: 'x' }));
    const message = failureOf(() => expect(mock.lambda).toHaveInvoked('orders', { payload: { id: 9, kind: 'x' } }));
    const diff = (id: number) => `- Expected\n+ Received\n\n  Object {\n-   "id": 9,\n+   "id": ${id},\n    "kind": "x",\n  }`;
    expect(message).toBe(
      'expect(lambda).toHaveInvoked("orders", expected)\n\n' +
        'Expected: an invocation of "orders" with payload {"id": 9, "kind": "x"}\n' +
        'Received: 5 invocations of "orders", none matching\n\n' +
        `Invocation 1:\n${diff(1)}\n\nInvocation 2:\n${diff(2)}\n\nInvocation 3:\n${diff(3)}\n\n…and 2 more`,
    );
  });

  test('with a qualifier too, the diff shows both', async () => {
    await invoke('payments', '{"n":1}', '$LATEST');
    expect(failureOf(() => expect(mock.lambda).toHaveInvoked('payments', { payload: { n: 1 }, qualifier: 'live' }))).toBe(
      'expect(lambda).toHaveInvoked("payments", expected)\n\n' +
        'Expected: an invocation of "payments" with payload {"n": 1} and qualifier "live"\n' +
        'Received: 1 invocation of "payments", none matching\n\n' +
        'Invocation 1:\n- Expected\n+ Received\n\n  Object {\n    "payload": Object {\n      "n": 1,\n    },\n-   "qualifier": "live",\n+   "qualifier": "$LATEST",\n  }',
    );
  });

  test('a payload that is not JSON is matched, and shown, as text', async () => {
    await mock.lambda.setInvokeResults([]);
    await invoke('orders', '"plain"');
    expect(mock.lambda).toHaveInvoked('orders', { payload: 'plain' });
    expect(mock.lambda).toHaveInvoked('orders', { payload: '"plain"' });
  });

  test('.not names the invocation that matched', async () => {
    await invoke('orders', '{"id":1}');
    await invoke('orders', '{"id":2}');
    expect(failureOf(() => expect(mock.lambda).not.toHaveInvoked('orders', { payload: { id: 2 } }))).toBe(
      'expect(lambda).not.toHaveInvoked("orders", expected)\n\nExpected: no invocation of "orders" with payload {"id": 2}\nReceived: invocation 2 of 2, payload {"id": 2}',
    );
    expect(failureOf(() => expect(mock.lambda).not.toHaveInvoked('orders'))).toBe(
      'expect(lambda).not.toHaveInvoked("orders")\n\nExpected: no invocation of "orders"\nReceived: invocation 1 of 2, payload {"id": 1}',
    );
  });

  test('anything but a lambda-mock is refused', () => {
    expect(() => expect({}).toHaveInvoked('orders')).toThrow(
      new TypeError("lambda-mock: expect(received).toHaveInvoked(): received must be the object mockLambda() returns, such as `lambda` from 'lambda-mock/jest'"),
    );
  });
});

describe('toHaveInvokedTimes', () => {
  beforeEach(() => mock.create('orders'));

  test('counts the invocations of one function', async () => {
    expect(mock.lambda).toHaveInvokedTimes('orders', 0);
    await invoke('orders');
    await invoke('orders');
    expect(mock.lambda).toHaveInvokedTimes('orders', 2);
    expect(mock.lambda).not.toHaveInvokedTimes('orders', 1);
  });

  test('failures give both counts', async () => {
    await invoke('orders');
    expect(failureOf(() => expect(mock.lambda).toHaveInvokedTimes('orders', 3))).toBe(
      'expect(lambda).toHaveInvokedTimes("orders", expected)\n\nExpected number of invocations: 3\nReceived number of invocations: 1',
    );
    expect(failureOf(() => expect(mock.lambda).not.toHaveInvokedTimes('orders', 1))).toBe(
      'expect(lambda).not.toHaveInvokedTimes("orders", expected)\n\nExpected number of invocations: not 1\nReceived number of invocations: 1',
    );
  });

  test.each([-1, 1.5, Number.NaN])('a count of %p is refused', (times) => {
    expect(() => expect(mock.lambda).toHaveInvokedTimes('orders', times)).toThrow(
      new TypeError(`lambda-mock: toHaveInvokedTimes() expects a whole number of invocations, not ${times}`),
    );
  });
});
