import { CreateFunctionCommand, GetFunctionCommand, InvokeCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { useMockLambda, zipOf } from '../helpers/fixtures';
import { failureOf, useLambdaMatchers } from './matcher-helpers';

useLambdaMatchers();
const mock = useMockLambda();

describe('toHaveReceivedCommandWith', () => {
  test('matches a call whose input holds the expected members, whatever it answered', async () => {
    const zip = zipOf('exports.handler = async () => 1;');
    await mock.create('orders', { Code: { ZipFile: zip }, Tags: { team: 'a' } });
    await mock.client.send(new GetFunctionCommand({ FunctionName: 'missing' })).catch(() => undefined);

    expect(mock.lambda).toHaveReceivedCommandWith(CreateFunctionCommand, { FunctionName: 'orders' });
    expect(mock.lambda).toHaveReceivedCommandWith(CreateFunctionCommand, { Tags: { team: 'a' }, Code: { ZipFile: zip } });
    expect(mock.lambda).toHaveReceivedCommandWith(GetFunctionCommand, { FunctionName: 'missing' });
    expect(mock.lambda).toHaveReceivedCommandWith(CreateFunctionCommand, {});
    expect(mock.lambda).not.toHaveReceivedCommandWith(CreateFunctionCommand, { Code: { ZipFile: zipOf('other') } });
    expect(mock.lambda).not.toHaveReceivedCommandWith(ListFunctionsCommand, {});
  });

  test('no call of that command: the failure lists those received', async () => {
    await mock.create('orders');
    await mock.client.send(new GetFunctionCommand({ FunctionName: 'orders' }));
    await mock.client.send(new GetFunctionCommand({ FunctionName: 'orders' }));
    expect(failureOf(() => expect(mock.lambda).toHaveReceivedCommandWith(InvokeCommand, { FunctionName: 'orders' }))).toBe(
      'expect(lambda).toHaveReceivedCommandWith(InvokeCommand, expected)\n\n' +
        'Expected: an InvokeCommand with an input matching {"FunctionName": "orders"}\n' +
        'Received: no InvokeCommand; received: CreateFunctionCommand (1), GetFunctionCommand (2)',
    );
  });

  test('nothing received at all', () => {
    expect(failureOf(() => expect(mock.lambda).toHaveReceivedCommandWith(GetFunctionCommand, { FunctionName: 'orders' }))).toBe(
      'expect(lambda).toHaveReceivedCommandWith(GetFunctionCommand, expected)\n\n' +
        'Expected: a GetFunctionCommand with an input matching {"FunctionName": "orders"}\n' +
        'Received: no GetFunctionCommand; no command was received',
    );
  });

  test('calls that do not match: a diff of the asserted members, per call', async () => {
    await mock.create('orders', { MemorySize: 256 });
    await mock.create('payments', { MemorySize: 1024 });
    expect(failureOf(() => expect(mock.lambda).toHaveReceivedCommandWith(CreateFunctionCommand, { FunctionName: 'audit', MemorySize: 256 }))).toBe(
      'expect(lambda).toHaveReceivedCommandWith(CreateFunctionCommand, expected)\n\n' +
        'Expected: a CreateFunctionCommand with an input matching {"FunctionName": "audit", "MemorySize": 256}\n' +
        'Received: 2 CreateFunctionCommand calls, none matching\n\n' +
        'Call 1:\n- Expected\n+ Received\n\n  Object {\n-   "FunctionName": "audit",\n+   "FunctionName": "orders",\n    "MemorySize": 256,\n  }\n\n' +
        'Call 2:\n- Expected\n+ Received\n\n  Object {\n-   "FunctionName": "audit",\n-   "MemorySize": 256,\n+   "FunctionName": "payments",\n+   "MemorySize": 1024,\n  }',
    );
  });

  test('.not names the call that matched', async () => {
    await mock.client.send(new GetFunctionCommand({ FunctionName: 'missing' })).catch(() => undefined);
    expect(failureOf(() => expect(mock.lambda).not.toHaveReceivedCommandWith(GetFunctionCommand, { FunctionName: 'missing' }))).toBe(
      'expect(lambda).not.toHaveReceivedCommandWith(GetFunctionCommand, expected)\n\n' +
        'Expected: no GetFunctionCommand with an input matching {"FunctionName": "missing"}\n' +
        'Received: call 1 of 1: {"FunctionName": "missing"}',
    );
  });
});
