import {
  DeleteFunctionCommand,
  InvalidParameterValueException,
  LambdaClient,
  PutFunctionConcurrencyCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { arnOf, expectServiceError } from '../../helpers/fixtures';
import { useMockLambdaWith } from '../invocation/invoke-helpers';
import { deleteConfig, getConfig, inProgress, listConfigs, publishedFunction, putConfig, ready, storedStatus } from './allocation-helpers';

const OVER_RESERVED = 'Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function';

describe("provisioned concurrency with settle: 'manual'", () => {
  const mock = useMockLambdaWith({ settle: 'manual' });
  beforeEach(() => publishedFunction(mock.lambda, mock.client, 'orders', 2));

  test('stays IN_PROGRESS, nothing allocated, on every Get and List until lambda.settle()', async () => {
    const { LastModified } = await putConfig(mock.client, 'orders', '1', 5);
    for (let read = 0; read < 2; read++) {
      const { $metadata: _g, ...got } = await getConfig(mock.client, 'orders', '1');
      expect(got).toEqual(inProgress(5, LastModified));
      const { $metadata: _l, ...listed } = await listConfigs(mock.client, 'orders');
      expect(listed).toEqual({ ProvisionedConcurrencyConfigs: [{ FunctionArn: arnOf('orders', '1'), ...inProgress(5, LastModified) }] });
    }
    expect(storedStatus(mock.lambda, 'orders', '1')).toBe('IN_PROGRESS');
    mock.lambda.settle();
    expect(storedStatus(mock.lambda, 'orders', '1')).toBe('READY');
    const { $metadata: _m, ...got } = await getConfig(mock.client, 'orders', '1');
    expect(got).toEqual(ready(5, LastModified));
  });

  test('Get and List of a config in progress write nothing: the stored function record stays the very same object', async () => {
    await putConfig(mock.client, 'orders', '1', 5);
    const before = mock.lambda.state.function('orders');
    await getConfig(mock.client, 'orders', '1');
    await listConfigs(mock.client, 'orders');
    expect(mock.lambda.state.function('orders')).toBe(before);
  });

  test('lambda.settle() completes every allocation, of every function, in every region', async () => {
    const west = new LambdaClient({ region: 'eu-west-1' });
    await publishedFunction(mock.lambda, west, 'orders');
    await putConfig(mock.client, 'orders', '1', 1);
    await putConfig(mock.client, 'orders', '2', 2);
    await putConfig(west, 'orders', '1', 3);
    mock.lambda.settle();
    expect([
      storedStatus(mock.lambda, 'orders', '1'),
      storedStatus(mock.lambda, 'orders', '2'),
      storedStatus(mock.lambda, 'orders', '1', 'eu-west-1'),
    ]).toEqual(['READY', 'READY', 'READY']);
    expect((await getConfig(west, 'orders', '1')).AllocatedProvisionedConcurrentExecutions).toBe(3);
  });

  test('lambda.settle() with nothing in progress changes nothing stored', async () => {
    await putConfig(mock.client, 'orders', '1', 1);
    mock.lambda.settle();
    const before = mock.lambda.state;
    mock.lambda.settle();
    expect(mock.lambda.state.function('orders')).toBe(before.function('orders'));
  });

  test('a config deleted, or a function deleted, before lambda.settle() stays gone', async () => {
    await publishedFunction(mock.lambda, mock.client, 'billing');
    await putConfig(mock.client, 'orders', '1', 1);
    await putConfig(mock.client, 'billing', '1', 1);
    await deleteConfig(mock.client, 'orders', '1');
    await mock.client.send(new DeleteFunctionCommand({ FunctionName: 'billing' }));
    mock.lambda.settle();
    expect((await listConfigs(mock.client, 'orders')).ProvisionedConcurrencyConfigs).toEqual([]);
    expect(mock.lambda.state.function('billing')).toBeUndefined();
    await expectServiceError(listConfigs(mock.client, 'billing'), ResourceNotFoundException, 404, `Function not found: ${arnOf('billing')}`);
  });

  test("an allocation still in progress counts against the function's reservation", async () => {
    await mock.client.send(new PutFunctionConcurrencyCommand({ FunctionName: 'orders', ReservedConcurrentExecutions: 5 }));
    await putConfig(mock.client, 'orders', '1', 4);
    await expectServiceError(putConfig(mock.client, 'orders', '2', 2), InvalidParameterValueException, 400, OVER_RESERVED);
    expect(storedStatus(mock.lambda, 'orders', '2')).toBeUndefined();
  });

  test('a snapshot taken mid-allocation loads mid-allocation, and lambda.settle() then completes it', async () => {
    await putConfig(mock.client, 'orders', '1', 4);
    const snapshot = mock.lambda.snapshot();
    mock.lambda.settle();
    mock.lambda.load(snapshot);
    expect(storedStatus(mock.lambda, 'orders', '1')).toBe('IN_PROGRESS');
    mock.lambda.settle();
    expect(storedStatus(mock.lambda, 'orders', '1')).toBe('READY');
  });
});
