import {
  GetFunctionScalingConfigCommand,
  InvalidParameterValueException,
  PutFunctionScalingConfigCommand,
  ResourceNotFoundException,
  type FunctionScalingConfig,
} from '@aws-sdk/client-lambda';
import { arnOf, expectServiceError, expectValidationError, settledState, storedState, useMockLambda } from '../../helpers/fixtures';
import { createProvider, onProvider } from '../capacity-providers/capacity-provider-helpers';

describe('PutFunctionScalingConfig / GetFunctionScalingConfig', () => {
  const mock = useMockLambda();
  const put = (Qualifier: string, FunctionScalingConfig?: FunctionScalingConfig, FunctionName = 'orders') =>
    mock.client.send(new PutFunctionScalingConfigCommand({ FunctionName, Qualifier, FunctionScalingConfig }));
  const get = (Qualifier: string, FunctionName = 'orders') => mock.client.send(new GetFunctionScalingConfigCommand({ FunctionName, Qualifier }));

  beforeEach(async () => {
    const provider = await createProvider(mock.client, 'fleet');
    await mock.create('orders', { ...onProvider(provider), Publish: true });
  });

  test('Get answers the default minimum (3 environments) applied, and nothing requested, before any Put', async () => {
    const { $metadata, ...answer } = await get('1');
    expect($metadata.httpStatusCode).toBe(200);
    expect(answer).toEqual({ FunctionArn: arnOf('orders', '1'), AppliedFunctionScalingConfig: { MinExecutionEnvironments: 3 } });
  });

  test('Put answers 202 with the version state; Get answers the config as requested and applied', async () => {
    const { $metadata, ...answer } = await put('1', { MinExecutionEnvironments: 2, MaxExecutionEnvironments: 10 });
    expect($metadata.httpStatusCode).toBe(202);
    expect(answer).toEqual({ FunctionState: 'Active' });
    const { $metadata: _m, ...read } = await get('1');
    expect(read).toEqual({
      FunctionArn: arnOf('orders', '1'),
      RequestedFunctionScalingConfig: { MinExecutionEnvironments: 2, MaxExecutionEnvironments: 10 },
      AppliedFunctionScalingConfig: { MinExecutionEnvironments: 2, MaxExecutionEnvironments: 10 },
    });
  });

  test('$LATEST.PUBLISHED names the newest published version and keeps its own config', async () => {
    await mock.deploy('orders', 'exports.handler = async () => 2;');
    await put('$LATEST.PUBLISHED', { MinExecutionEnvironments: 0, MaxExecutionEnvironments: 4 });
    expect((await get('$LATEST.PUBLISHED')).RequestedFunctionScalingConfig).toEqual({ MinExecutionEnvironments: 0, MaxExecutionEnvironments: 4 });
    expect(await get('2')).not.toHaveProperty('RequestedFunctionScalingConfig');
  });

  test('a minimum above the maximum is refused (400), and nothing changes', async () => {
    const before = settledState(mock.lambda);
    await expectServiceError(
      put('1', { MinExecutionEnvironments: 5, MaxExecutionEnvironments: 2 }),
      InvalidParameterValueException,
      400,
      'MinExecutionEnvironments (5) cannot be greater than MaxExecutionEnvironments (2).',
    );
    expect(storedState(mock.lambda)).toEqual(before);
  });

  test('a function that runs on no capacity provider is refused (400)', async () => {
    await mock.create('plain', { Publish: true });
    const message = `Function scaling configuration is only supported for functions that use a capacity provider: ${arnOf('plain', '1')}`;
    await expectServiceError(get('1', 'plain'), InvalidParameterValueException, 400, message);
    await expectServiceError(put('1', { MinExecutionEnvironments: 1 }, 'plain'), InvalidParameterValueException, 400, message);
  });

  test('an unknown function or version answers 404', async () => {
    await expectServiceError(get('1', 'missing'), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing', '1')}`);
    await expectServiceError(put('9', {}), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', '9')}`);
    await mock.create('unpublished');
    await expectServiceError(get('$LATEST.PUBLISHED', 'unpublished'), ResourceNotFoundException, 404, `Function not found: ${arnOf('unpublished', '$LATEST.PUBLISHED')}`);
  });

  test('$LATEST, or a count out of range, answers ValidationException', async () => {
    await expectValidationError(
      get('$LATEST'),
      "1 validation error detected: Value '$LATEST' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(\\$LATEST\\.PUBLISHED|[0-9]+)$",
    );
    await expectValidationError(
      put('1', { MaxExecutionEnvironments: 15001 }),
      "1 validation error detected: Value '15001' at 'functionScalingConfig.maxExecutionEnvironments' failed to satisfy constraint: Member must have value less than or equal to 15000",
    );
  });
});
