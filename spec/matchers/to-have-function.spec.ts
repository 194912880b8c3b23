import { newClient, useMockLambda } from '../helpers/fixtures';
import { CreateFunctionCommand } from '@aws-sdk/client-lambda';
import { createInput } from '../helpers/fixtures';
import { failureOf, useLambdaMatchers } from './matcher-helpers';

useLambdaMatchers();
const mock = useMockLambda();

describe('toHaveFunction', () => {
  beforeEach(() => mock.create('orders', { MemorySize: 256, Environment: { Variables: { MODE: 'live', LEVEL: 'debug' } }, Architectures: ['arm64'] }));

  test('passes for a stored function, and for a configuration it holds, at any depth', () => {
    expect(mock.lambda).toHaveFunction('orders');
    expect(mock.lambda).toHaveFunction('orders', { MemorySize: 256, Runtime: 'nodejs22.x' });
    expect(mock.lambda).toHaveFunction('orders', { Environment: { Variables: { MODE: 'live' } } });
    expect(mock.lambda).toHaveFunction('orders', { Architectures: ['arm64'], FunctionArn: expect.stringContaining(':function:orders') });
    expect(mock.lambda).not.toHaveFunction('orders', { Architectures: [] });
    expect(mock.lambda).not.toHaveFunction('orders', { Description: 'never set' });
    expect(mock.lambda).not.toHaveFunction('audit');
  });

  test('looks in every region, or in the one named', async () => {
    await newClient('eu-west-1').send(new CreateFunctionCommand(createInput('audit', { Timeout: 30 })));
    expect(mock.lambda).toHaveFunction('audit', { Timeout: 30 });
    expect(mock.lambda).toHaveFunction('audit', undefined, { region: 'eu-west-1' });
    expect(mock.lambda).not.toHaveFunction('audit', undefined, { region: 'us-east-1' });
    expect(mock.lambda).not.toHaveFunction('audit', undefined, { accountId: '210987654321' });
  });

  test('a missing function: the failure lists what is stored', () => {
    expect(failureOf(() => expect(mock.lambda).toHaveFunction('audit'))).toBe(
      'expect(lambda).toHaveFunction("audit")\n\nExpected: a function named "audit"\nReceived: none; stored: "orders" (us-east-1)',
    );
    expect(failureOf(() => expect(mock.lambda).toHaveFunction('orders', undefined, { region: 'eu-west-1' }))).toBe(
      'expect(lambda).toHaveFunction("orders")\n\nExpected: a function named "orders" in eu-west-1\nReceived: none; no function is stored in eu-west-1',
    );
  });

  test('a configuration mismatch: the diff shows only the members asserted', () => {
    expect(failureOf(() => expect(mock.lambda).toHaveFunction('orders', { MemorySize: 128, Environment: { Variables: { MODE: 'test' } } }))).toBe(
      'expect(lambda).toHaveFunction("orders", expected)\n\n' +
        'Expected: a function named "orders" with a configuration matching {"Environment": {"Variables": {"MODE": "test"}}, "MemorySize": 128}\n' +
        'Received: 1 function named "orders", none matching\n\n' +
        'In us-east-1 (account 123456789012):\n- Expected\n+ Received\n\n' +
        '  Object {\n    "Environment": Object {\n      "Variables": Object {\n-       "MODE": "test",\n+       "MODE": "live",\n      },\n    },\n-   "MemorySize": 128,\n+   "MemorySize": 256,\n  }',
    );
  });

  test('.not says where the function is', () => {
    expect(failureOf(() => expect(mock.lambda).not.toHaveFunction('orders', { MemorySize: 256 }))).toBe(
      'expect(lambda).not.toHaveFunction("orders", expected)\n\n' +
        'Expected: no function named "orders" with a configuration matching {"MemorySize": 256}\n' +
        'Received: "orders" in us-east-1 (account 123456789012)\n\n{"MemorySize": 256}',
    );
    expect(failureOf(() => expect(mock.lambda).not.toHaveFunction('orders'))).toBe(
      'expect(lambda).not.toHaveFunction("orders")\n\nExpected: no function named "orders"\nReceived: "orders" in us-east-1 (account 123456789012)',
    );
  });
});
