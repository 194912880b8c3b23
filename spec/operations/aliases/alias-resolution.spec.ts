import {
  DeleteFunctionCommand,
  GetFunctionConfigurationCommand,
  GetProvisionedConcurrencyConfigCommand,
  InvokeAsyncCommand,
  InvokeCommand,
  ListProvisionedConcurrencyConfigsCommand,
  PutProvisionedConcurrencyConfigCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  UpdateAliasCommand,
  type PutProvisionedConcurrencyConfigCommandInput,
} from '@aws-sdk/client-lambda';
import { arnOf, expectNoPollution, expectServiceError, settledState, storedState, useMockLambda } from '../../helpers/fixtures';
import { createAliasOn, ordersWithVersions } from './alias-helpers';

describe('an alias as a qualifier', () => {
  const mock = useMockLambda();
  beforeEach(async () => {
    await ordersWithVersions(mock, 2);
    await createAliasOn(mock, { Name: 'live', FunctionVersion: '1' });
  });

  describe('GetFunction and GetFunctionConfiguration', () => {
    test("answer the alias's version under the alias's ARN", async () => {
      const version = (await mock.get('orders', '1')).Configuration!;
      const { Configuration, Code } = await mock.get('orders', 'live');
      expect(Configuration).toEqual({ ...version, FunctionArn: arnOf('orders', 'live') });
      expect(Code).toEqual((await mock.get('orders', '1')).Code);
      const { $metadata: _m, ...configuration } = await mock.client.send(new GetFunctionConfigurationCommand({ FunctionName: arnOf('orders', 'live') }));
      expect(configuration).toEqual({ ...version, FunctionArn: arnOf('orders', 'live') });
    });

    test('follow the alias when it moves', async () => {
      await mock.client.send(new UpdateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '2' }));
      expect((await mock.get('orders', 'live')).Configuration?.Version).toBe('2');
    });

    test('an unknown alias: Function not found: <alias ARN> (404)', async () => {
      await expectServiceError(mock.get('orders', 'beta'), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', 'beta')}`);
      await expectServiceError(
        mock.client.send(new GetFunctionConfigurationCommand({ FunctionName: 'orders:constructor' })),
        ResourceNotFoundException,
        404,
        `Function not found: ${arnOf('orders', 'constructor')}`,
      );
    });
  });

  describe('Invoke', () => {
    test("runs the alias's version and reports it in ExecutedVersion", async () => {
      const answer = await mock.client.send(new InvokeCommand({ FunctionName: 'orders', Qualifier: 'live', Payload: '{"a":1}' }));
      expect(answer.ExecutedVersion).toBe('1');
      expect(mock.lambda.invocations('orders')).toMatchObject([{ qualifier: 'live', executedVersion: '1', payload: '{"a":1}' }]);
      expect((await mock.client.send(new InvokeCommand({ FunctionName: 'orders:live' }))).ExecutedVersion).toBe('1');
    });

    test('InvokeAsync through an alias records the alias and its version', async () => {
      expect((await mock.client.send(new InvokeAsyncCommand({ FunctionName: 'orders:live', InvokeArgs: '{}' }))).Status).toBe(202);
      expect(mock.lambda.invocations('orders')).toMatchObject([{ qualifier: 'live', executedVersion: '1', invocationType: 'Event' }]);
    });

    test('an alias to $LATEST runs $LATEST', async () => {
      await createAliasOn(mock, { Name: 'dev', FunctionVersion: '$LATEST' });
      expect((await mock.client.send(new InvokeCommand({ FunctionName: 'orders', Qualifier: 'dev' }))).ExecutedVersion).toBe('$LATEST');
    });

    test('an unknown alias: Function not found: <alias ARN> (404), and nothing is recorded', async () => {
      await expectServiceError(
        mock.client.send(new InvokeCommand({ FunctionName: 'orders', Qualifier: '__proto__' })),
        ResourceNotFoundException,
        404,
        `Function not found: ${arnOf('orders', '__proto__')}`,
      );
      expect(mock.lambda.invocations()).toEqual([]);
    });
  });

  describe('provisioned concurrency', () => {
    const put = (input: Partial<PutProvisionedConcurrencyConfigCommandInput>) =>
      mock.client.send(new PutProvisionedConcurrencyConfigCommand({ FunctionName: 'orders', Qualifier: 'live', ProvisionedConcurrentExecutions: 5, ...input }));

    test('is configured on the alias and listed under its ARN', async () => {
      expect((await put({})).Status).toBe('IN_PROGRESS');
      const config = await mock.client.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName: 'orders', Qualifier: 'live' }));
      expect(config).toMatchObject({ RequestedProvisionedConcurrentExecutions: 5, Status: 'READY' });
      const { ProvisionedConcurrencyConfigs } = await mock.client.send(new ListProvisionedConcurrencyConfigsCommand({ FunctionName: 'orders' }));
      expect(ProvisionedConcurrencyConfigs?.map((c) => c.FunctionArn)).toEqual([arnOf('orders', 'live')]);
    });

    test('an unknown alias: Cannot find alias arn (404), names like constructor included', async () => {
      const before = Reflect.ownKeys(Object.prototype);
      for (const alias of ['beta', 'constructor', '__proto__']) {
        await expectServiceError(put({ Qualifier: alias }), ResourceNotFoundException, 404, `Cannot find alias arn: ${arnOf('orders', alias)}`);
        await expectServiceError(
          mock.client.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName: 'orders', Qualifier: alias })),
          ResourceNotFoundException,
          404,
          `Cannot find alias arn: ${arnOf('orders', alias)}`,
        );
      }
      expectNoPollution(before);
    });

    test('a version and an alias pointing to it cannot both have a config', async () => {
      await put({ Qualifier: '1' });
      await expectServiceError(put({}), ResourceConflictException, 409, "Alias can't be used for Provisioned Concurrency configuration on an already Provisioned version");
      await createAliasOn(mock, { Name: 'next', FunctionVersion: '2' });
      await put({ Qualifier: 'next' });
      await expectServiceError(put({ Qualifier: '2' }), ResourceConflictException, 409, 'Version is pointed by a Provisioned Concurrency alias');
    });
  });

  describe('DeleteFunction of a version', () => {
    const removeVersion = (version: string) => mock.client.send(new DeleteFunctionCommand({ FunctionName: 'orders', Qualifier: version }));

    test('an alias points to fails as the service fails, naming the aliases, and changes nothing', async () => {
      await createAliasOn(mock, { Name: 'also', FunctionVersion: '1' });
      const before = settledState(mock.lambda);
      await expectServiceError(removeVersion('1'), ResourceConflictException, 409, 'Unable to delete version because the following aliases reference it: [also, live]');
      expect(storedState(mock.lambda)).toEqual(before);
    });

    test('an alias routes part of its traffic to also fails', async () => {
      await mock.client.send(new UpdateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } } }));
      await expectServiceError(removeVersion('2'), ResourceConflictException, 409, 'Unable to delete version because the following aliases reference it: [live]');
    });

    test('no alias uses succeeds', async () => {
      expect((await removeVersion('2')).StatusCode).toBe(204);
    });
  });

  test('deleting the function removes its aliases', async () => {
    await mock.client.send(new DeleteFunctionCommand({ FunctionName: 'orders' }));
    await mock.create('orders');
    await expectServiceError(mock.get('orders', 'live'), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', 'live')}`);
    expect(mock.lambda.state.region('us-east-1').functions.get('orders')?.aliases).toBeUndefined();
  });
});
