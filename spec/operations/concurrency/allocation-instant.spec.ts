import { GetAccountSettingsCommand, GetFunctionCommand, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaMock } from '../../../lib';
import { arnOf, expectServiceError, newClient, REGION } from '../../helpers/fixtures';
import { useMockLambdaWith } from '../invocation/invoke-helpers';
import { getConfig, inProgress, listConfigs, publishedFunction, putConfig, ready, storedStatus } from './allocation-helpers';

describe("provisioned concurrency with settle: 'instant' (the default)", () => {
  const mock = useMockLambdaWith({});
  beforeEach(() => publishedFunction(mock.lambda, mock.client, 'orders', 2));

  test('Put answers 202 IN_PROGRESS, as AWS; the state holds IN_PROGRESS until the next command', async () => {
    const { $metadata, ...answer } = await putConfig(mock.client, 'orders', '1', 5);
    expect($metadata.httpStatusCode).toBe(202);
    expect(answer).toEqual(inProgress(5, answer.LastModified));
    expect(storedStatus(mock.lambda, 'orders', '1')).toBe('IN_PROGRESS');
  });

  test('the next Get answers READY, everything requested allocated and available, LastModified as put', async () => {
    const { LastModified } = await putConfig(mock.client, 'orders', '1', 5);
    const { $metadata: _m, ...answer } = await getConfig(mock.client, 'orders', '1');
    expect(answer).toEqual(ready(5, LastModified));
    expect(storedStatus(mock.lambda, 'orders', '1')).toBe('READY');
  });

  test('the next List answers every config READY', async () => {
    const first = await putConfig(mock.client, 'orders', '1', 2);
    const second = await putConfig(mock.client, 'orders', '2', 3);
    expect((await listConfigs(mock.client, 'orders')).ProvisionedConcurrencyConfigs).toEqual([
      { FunctionArn: arnOf('orders', '1'), ...ready(2, first.LastModified) },
      { FunctionArn: arnOf('orders', '2'), ...ready(3, second.LastModified) },
    ]);
  });

  test('any next command completes the allocation, one that reads no config or fails too', async () => {
    await putConfig(mock.client, 'orders', '1', 5);
    await mock.client.send(new GetAccountSettingsCommand({}));
    expect(storedStatus(mock.lambda, 'orders', '1')).toBe('READY');
    await putConfig(mock.client, 'orders', '2', 3);
    await expectServiceError(
      mock.client.send(new GetFunctionCommand({ FunctionName: 'missing' })),
      ResourceNotFoundException,
      404,
      `Function not found: ${arnOf('missing')}`,
    );
    expect(storedStatus(mock.lambda, 'orders', '2')).toBe('READY');
  });

  test('Get and List write nothing: the stored function record stays the very same object', async () => {
    await putConfig(mock.client, 'orders', '1', 5);
    await mock.client.send(new GetAccountSettingsCommand({})); // completes the allocation
    const before = mock.lambda.state.region(REGION).functions.get('orders');
    await getConfig(mock.client, 'orders', '1');
    await listConfigs(mock.client, 'orders');
    expect(mock.lambda.state.region(REGION).functions.get('orders')).toBe(before);
  });

  test('a second Put answers IN_PROGRESS again, nothing allocated, and the next read READY with the new amount', async () => {
    await putConfig(mock.client, 'orders', '1', 5);
    const replaced = await putConfig(mock.client, 'orders', '1', 8);
    expect(replaced).toMatchObject(inProgress(8, replaced.LastModified));
    expect(await getConfig(mock.client, 'orders', '1')).toMatchObject(ready(8, replaced.LastModified));
  });
});

describe("a snapshot taken mid-allocation, loaded with settle: 'instant'", () => {
  let installed: LambdaMock | undefined;
  afterEach(() => installed?.restore());

  test('completes the allocation before the next command, as a seeded Pending function', async () => {
    const client = newClient();
    const builder = (installed = mockLambda({ settle: 'manual' }));
    await publishedFunction(builder, client, 'orders');
    await putConfig(client, 'orders', '1', 4);
    const snapshot = builder.snapshot();
    builder.restore();
    const lambda = (installed = mockLambda({ seed: snapshot }));
    expect(storedStatus(lambda, 'orders', '1')).toBe('IN_PROGRESS');
    expect((await getConfig(client, 'orders', '1')).Status).toBe('READY');
    lambda.reset(); // back to the seed, mid-allocation again
    expect(storedStatus(lambda, 'orders', '1')).toBe('IN_PROGRESS');
    expect((await listConfigs(client, 'orders')).ProvisionedConcurrencyConfigs?.[0]?.Status).toBe('READY');
  });
});
