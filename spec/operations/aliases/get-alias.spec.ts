import { GetAliasCommand, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { arnOf, expectServiceError, expectValidationError, useMockLambda } from '../../helpers/fixtures';
import { createAliasOn, ordersWithVersions } from './alias-helpers';

describe('GetAlias', () => {
  const mock = useMockLambda();
  const get = (name: string, functionName = 'orders') => mock.client.send(new GetAliasCommand({ FunctionName: functionName, Name: name }));
  beforeEach(async () => {
    await ordersWithVersions(mock, 2);
    await createAliasOn(mock, { FunctionVersion: '2', Description: 'prod', RoutingConfig: { AdditionalVersionWeights: { '1': 0.1 } } });
  });

  test('answers the alias as CreateAlias did, by name, ARN or partial ARN of the function', async () => {
    for (const functionName of ['orders', arnOf('orders'), '123456789012:function:orders']) {
      const { $metadata, ...alias } = await get('live', functionName);
      expect($metadata.httpStatusCode).toBe(200);
      expect(alias).toMatchObject({
        AliasArn: arnOf('orders', 'live'),
        Name: 'live',
        FunctionVersion: '2',
        Description: 'prod',
        RoutingConfig: { AdditionalVersionWeights: { '1': 0.1 } },
      });
    }
  });

  test('an unknown alias: Cannot find alias arn (404)', async () => {
    await expectServiceError(get('beta'), ResourceNotFoundException, 404, `Cannot find alias arn: ${arnOf('orders', 'beta')}`);
  });

  test('an unknown function: Function not found (404)', async () => {
    await expectServiceError(get('live', 'nope'), ResourceNotFoundException, 404, `Function not found: ${arnOf('nope')}`);
  });

  test('an alias name that cannot be one fails validation', async () => {
    await expectValidationError(
      get('1'),
      "1 validation error detected: Value '1' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$",
    );
  });
});
