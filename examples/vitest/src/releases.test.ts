import { CreateAliasCommand, CreateFunctionCommand, InvokeCommand, LambdaClient, UpdateFunctionCodeCommand } from '@aws-sdk/client-lambda';
import { lambda } from 'lambda-mock/vitest';
import { beforeEach, expect, test } from 'vitest';
import { release } from './releases.js';

const client = new LambdaClient({ region: 'us-east-1' });

beforeEach(async () => {
  await client.send(
    new CreateFunctionCommand({
      FunctionName: 'orders',
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: 'arn:aws:iam::123456789012:role/orders',
      Code: { S3Bucket: 'artifacts', S3Key: 'orders-1.zip' },
    }),
  );
});

test('the first release creates the alias', async () => {
  expect(await release(client, 'orders')).toBe('1');
  expect(lambda).toHaveReceivedCommandWith(CreateAliasCommand, { Name: 'live', FunctionVersion: '1' });
});

test('a later release moves it, and invokes through it run the new version', async () => {
  await release(client, 'orders');
  await client.send(new UpdateFunctionCodeCommand({ FunctionName: 'orders', S3Bucket: 'artifacts', S3Key: 'orders-2.zip' }));
  expect(await release(client, 'orders')).toBe('2');

  await client.send(new InvokeCommand({ FunctionName: 'orders', Qualifier: 'live', Payload: '{"id":7}' }));
  expect(lambda.invocations('orders')[0]?.executedVersion).toBe('2');
  expect(lambda).toHaveInvoked('orders', { payload: { id: 7 }, qualifier: 'live' });
});
