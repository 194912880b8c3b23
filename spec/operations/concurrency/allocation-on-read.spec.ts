import { GetAccountSettingsCommand, GetFunctionCommand, ListFunctionsCommand, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { arnOf, expectServiceError } from '../../helpers/fixtures';
import { useMockLambdaWith } from '../invocation/invoke-helpers';
import { getConfig, inProgress, listConfigs, publishedFunction, putConfig, ready, storedStatus } from './allocation-helpers';

describe("provisioned concurrency with settle: 'on-read'", () => {
  const mock = useMockLambdaWith({ settle: 'on-read' });
  beforeEach(() => publishedFunction(mock.lambda, mock.client, 'orders', 2));

  test('Put answers 202 IN_PROGRESS; commands that do not read the config leave it IN_PROGRESS', async () => {
    const { $metadata, ...answer } = await putConfig(mock.client, 'orders', '1', 5);
    expect($metadata.httpStatusCode).toBe(202);
    expect(answer).toEqual(inProgress(5, answer.LastModified));
    await mock.client.send(new GetAccountSettingsCommand({}));
    await mock.client.send(new GetFunctionCommand({ FunctionName: 'orders', Qualifier: '1' }));
    await mock.client.send(new ListFunctionsCommand({ FunctionVersion: 'ALL' }));
    expect(storedStatus(mock.lambda, 'orders', '1')).toBe('IN_PROGRESS');
  });

  test('Get of the config answers READY, everything allocated, and stores it READY', async () => {
    const { LastModified } = await putConfig(mock.client, 'orders', '1', 5);
    const { $metadata: _m, ...answer } = await getConfig(mock.client, 'orders', '1');
    expect(answer).toEqual(ready(5, LastModified));
    expect(storedStatus(mock.lambda, 'orders', '1')).toBe('READY');
  });

  test("Get completes only the config it reads: the function's other config stays IN_PROGRESS", async () => {
    await putConfig(mock.client, 'orders', '1', 2);
    const second = await putConfig(mock.client, 'orders', '2', 3);
    await getConfig(mock.client, 'orders', '1');
    expect([storedStatus(mock.lambda, 'orders', '1'), storedStatus(mock.lambda, 'orders', '2')]).toEqual(['READY', 'IN_PROGRESS']);
    const { $metadata: _m, ...answer } = await getConfig(mock.client, 'orders', '2');
    expect(answer).toEqual(ready(3, second.LastModified));
  });

  test("List answers every config of the function READY and stores them so; another function's stays IN_PROGRESS", async () => {
    await publishedFunction(mock.lambda, mock.client, 'billing');
    const first = await putConfig(mock.client, 'orders', '1', 2);
    const second = await putConfig(mock.client, 'orders', '2', 3);
    await putConfig(mock.client, 'billing', '1', 1);
    expect((await listConfigs(mock.client, 'orders')).ProvisionedConcurrencyConfigs).toEqual([
      { FunctionArn: arnOf('orders', '1'), ...ready(2, first.LastModified) },
      { FunctionArn: arnOf('orders', '2'), ...ready(3, second.LastModified) },
    ]);
    expect([storedStatus(mock.lambda, 'orders', '1'), storedStatus(mock.lambda, 'orders', '2')]).toEqual(['READY', 'READY']);
    expect(storedStatus(mock.lambda, 'billing', '1')).toBe('IN_PROGRESS');
  });

  test('a Get that fails completes nothing', async () => {
    await putConfig(mock.client, 'orders', '1', 2);
    await expectServiceError(getConfig(mock.client, 'orders', '9'), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', '9')}`);
    expect(storedStatus(mock.lambda, 'orders', '1')).toBe('IN_PROGRESS');
  });

  test('reading a config already READY writes nothing: the stored function record stays the very same object', async () => {
    await putConfig(mock.client, 'orders', '1', 2);
    await getConfig(mock.client, 'orders', '1');
    const before = mock.lambda.state.function('orders');
    await getConfig(mock.client, 'orders', '1');
    await listConfigs(mock.client, 'orders');
    expect(mock.lambda.state.function('orders')).toBe(before);
  });

  test('lambda.settle() completes it too, unread', async () => {
    const { LastModified } = await putConfig(mock.client, 'orders', '1', 5);
    mock.lambda.settle();
    expect(storedStatus(mock.lambda, 'orders', '1')).toBe('READY');
    expect(await getConfig(mock.client, 'orders', '1')).toMatchObject(ready(5, LastModified));
  });
});
