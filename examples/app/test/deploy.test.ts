import { GetAliasCommand, LambdaClient, UpdateAliasCommand } from '@aws-sdk/client-lambda';
import { lambda } from 'lambda-mock/jest';
import { deploy, type Release } from '../src/deploy';

const client = new LambdaClient({ region: 'eu-west-1' });
const release = (key: string): Release => ({ functionName: 'orders', role: 'arn:aws:iam::123456789012:role/orders', bucket: 'builds', key });

test('the first deploy creates the function, version 1 and the live alias', async () => {
  expect(await deploy(client, release('orders-1.0.0.zip'))).toEqual({ version: '1', created: true });

  expect(lambda).toHaveFunction('orders', { Runtime: 'nodejs22.x', State: 'Active' }, { region: 'eu-west-1' });
  const alias = await client.send(new GetAliasCommand({ FunctionName: 'orders', Name: 'live' }));
  expect(alias.FunctionVersion).toBe('1');
});

test('a later deploy publishes a new version and moves the alias to it', async () => {
  await deploy(client, release('orders-1.0.0.zip'));
  expect(await deploy(client, release('orders-1.1.0.zip'))).toEqual({ version: '2', created: false });

  expect(lambda).toHaveReceivedCommandWith(UpdateAliasCommand, { Name: 'live', FunctionVersion: '2' });
  expect(lambda.state.function('orders')?.versions.map((v) => v.configuration.Description)).toEqual(['orders-1.0.0.zip', 'orders-1.1.0.zip']);
});
