import {
  AddPermissionCommand,
  DeleteAliasCommand,
  GetAliasCommand,
  GetPolicyCommand,
  ListProvisionedConcurrencyConfigsCommand,
  PutProvisionedConcurrencyConfigCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { arnOf, expectServiceError, useMockLambda } from '../../helpers/fixtures';
import { createAliasOn, ordersWithVersions } from './alias-helpers';

describe('DeleteAlias', () => {
  const mock = useMockLambda();
  const remove = (name: string, functionName = 'orders') => mock.client.send(new DeleteAliasCommand({ FunctionName: functionName, Name: name }));
  beforeEach(async () => {
    await ordersWithVersions(mock, 1);
    await createAliasOn(mock);
  });

  test('removes the alias (204)', async () => {
    expect((await remove('live')).$metadata.httpStatusCode).toBe(204);
    await expectServiceError(
      mock.client.send(new GetAliasCommand({ FunctionName: 'orders', Name: 'live' })),
      ResourceNotFoundException,
      404,
      `Cannot find alias arn: ${arnOf('orders', 'live')}`,
    );
  });

  test('is idempotent: an unknown alias or function (another account\'s included) also answers 204', async () => {
    expect((await remove('beta')).$metadata.httpStatusCode).toBe(204);
    expect((await remove('live', 'nope')).$metadata.httpStatusCode).toBe(204);
    expect((await remove('live', '210987654321:function:orders')).$metadata.httpStatusCode).toBe(204);
  });

  test("takes the alias's policy and provisioned concurrency with it", async () => {
    await mock.client.send(new AddPermissionCommand({ FunctionName: 'orders', Qualifier: 'live', StatementId: 's3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' }));
    await mock.client.send(new PutProvisionedConcurrencyConfigCommand({ FunctionName: 'orders', Qualifier: 'live', ProvisionedConcurrentExecutions: 5 }));
    await remove('live');
    await createAliasOn(mock);
    await expectServiceError(mock.client.send(new GetPolicyCommand({ FunctionName: 'orders', Qualifier: 'live' })), ResourceNotFoundException, 404, 'The resource you requested does not exist.');
    expect((await mock.client.send(new ListProvisionedConcurrencyConfigsCommand({ FunctionName: 'orders' }))).ProvisionedConcurrencyConfigs).toEqual([]);
  });

  test('ignores a RevisionId: the API has none for DeleteAlias, and the SDK never sends one', async () => {
    const input = { FunctionName: 'orders', Name: 'live', RevisionId: 'stale' } as ConstructorParameters<typeof DeleteAliasCommand>[0];
    expect((await mock.client.send(new DeleteAliasCommand(input))).$metadata.httpStatusCode).toBe(204);
  });
});
