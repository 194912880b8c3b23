// lambda-mock/vitest under vitest itself (`npm test` runs vitest.config.mts, whose setupFiles is lib/vitest.ts).
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { describe, expect, test } from 'vitest';
import { mockLambda } from '../../lib';
import { lambda } from '../../lib/vitest';
import { createInput } from '../helpers/fixtures';

const client = new LambdaClient({ region: 'us-east-1' });
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The message of an assertion that must fail, without colours. */
function failureOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message.replace(ANSI, '');
  }
  throw new Error('expected the assertion to fail, but it passed');
}

describe('lambda-mock/vitest', () => {
  test('the setup file installed the mock this module exports, and put the matchers on expect', async () => {
    expect(() => mockLambda()).toThrow('lambda-mock is already installed');
    await client.send(new CreateFunctionCommand(createInput('orders', { MemorySize: 256 })));
    await client.send(new InvokeCommand({ FunctionName: 'orders', Payload: '{"id":1}' }));
    expect(lambda).toHaveFunction('orders', { MemorySize: 256 });
    expect(lambda).toHaveInvoked('orders', { payload: { id: 1 } });
    expect(lambda).toHaveInvokedTimes('orders', 1);
    expect(lambda).toHaveReceivedCommandWith(CreateFunctionCommand, { FunctionName: 'orders' });
  });

  test('each test starts from an empty store and an empty call log', () => {
    expect(lambda.state.functions()).toEqual([]);
    expect(lambda.calls).toEqual([]);
    expect(lambda).not.toHaveFunction('orders');
  });

  test('failures read as under jest: the same words, with vitest’s own printing of values and diffs', async () => {
    await client.send(new CreateFunctionCommand(createInput('orders', { MemorySize: 256 })));
    await client.send(new InvokeCommand({ FunctionName: 'orders', Payload: '{"id":1}' }));

    expect(failureOf(() => expect(lambda).toHaveInvokedTimes('orders', 2))).toBe(
      'expect(lambda).toHaveInvokedTimes("orders", expected)\n\nExpected number of invocations: 2\nReceived number of invocations: 1',
    );
    expect(failureOf(() => expect(lambda).toHaveInvoked('payments'))).toBe(
      'expect(lambda).toHaveInvoked("payments")\n\nExpected: an invocation of "payments"\nReceived: no invocation of "payments"; invoked: "orders" (1)',
    );
    expect(failureOf(() => expect(lambda).toHaveFunction('orders', { MemorySize: 128 }))).toBe(
      'expect(lambda).toHaveFunction("orders", expected)\n\n' +
        'Expected: a function named "orders" with a configuration matching Object {\n  "MemorySize": 128,\n}\n' +
        'Received: 1 function named "orders", none matching\n\n' +
        'In us-east-1 (account 123456789012):\n- Expected\n+ Received\n\n  {\n-   "MemorySize": 128,\n+   "MemorySize": 256,\n  }',
    );
  });
});
