import {
  CreateAliasCommand,
  GetRuntimeManagementConfigCommand,
  InvalidParameterValueException,
  PutRuntimeManagementConfigCommand,
  ResourceNotFoundException,
  type PutRuntimeManagementConfigCommandInput,
} from '@aws-sdk/client-lambda';
import { arnOf, expectServiceError, expectValidationError, settledState, storedState, useMockLambda } from '../../helpers/fixtures';

const RUNTIME_VERSION = 'arn:aws:lambda:us-east-1::runtime:0b1b4cd8d3a0d5f8a91f6bd1aa9b3e2c4d5e6f708192a3b4c5d6e7f8091a2b3c';

describe('PutRuntimeManagementConfig / GetRuntimeManagementConfig', () => {
  const mock = useMockLambda();
  const put = (input: Partial<PutRuntimeManagementConfigCommandInput>) =>
    mock.client.send(new PutRuntimeManagementConfigCommand({ FunctionName: 'orders', UpdateRuntimeOn: 'Auto', ...input }));
  const get = (FunctionName = 'orders', Qualifier?: string) => mock.client.send(new GetRuntimeManagementConfigCommand({ FunctionName, Qualifier }));

  beforeEach(async () => {
    await mock.create('orders', { Publish: true });
  });

  test('Get answers Auto, without a runtime version, for a function never configured', async () => {
    const { $metadata, ...answer } = await get();
    expect($metadata.httpStatusCode).toBe(200);
    expect(answer).toEqual({ UpdateRuntimeOn: 'Auto', FunctionArn: arnOf('orders') });
  });

  test('Manual pins the runtime version given: Put answers it and Get reads it back', async () => {
    const { $metadata, ...answer } = await put({ UpdateRuntimeOn: 'Manual', RuntimeVersionArn: RUNTIME_VERSION });
    expect($metadata.httpStatusCode).toBe(200);
    expect(answer).toEqual({ UpdateRuntimeOn: 'Manual', RuntimeVersionArn: RUNTIME_VERSION, FunctionArn: arnOf('orders') });
    const { $metadata: _m, ...read } = await get();
    expect(read).toEqual(answer);
  });

  test('FunctionUpdate and Auto answer no runtime version, and replace a Manual pin', async () => {
    await put({ UpdateRuntimeOn: 'Manual', RuntimeVersionArn: RUNTIME_VERSION });
    const { $metadata, ...answer } = await put({ UpdateRuntimeOn: 'FunctionUpdate' });
    expect(answer).toEqual({ UpdateRuntimeOn: 'FunctionUpdate', FunctionArn: arnOf('orders') });
    expect(await get()).not.toHaveProperty('RuntimeVersionArn');
  });

  test('each qualifier keeps its own config, and answers its qualified ARN', async () => {
    await put({ Qualifier: '1', UpdateRuntimeOn: 'Manual', RuntimeVersionArn: RUNTIME_VERSION });
    await put({ Qualifier: '$LATEST', UpdateRuntimeOn: 'FunctionUpdate' });
    expect(await get('orders', '1')).toMatchObject({ UpdateRuntimeOn: 'Manual', RuntimeVersionArn: RUNTIME_VERSION, FunctionArn: arnOf('orders', '1') });
    expect(await get('orders', '$LATEST')).toMatchObject({ UpdateRuntimeOn: 'FunctionUpdate', FunctionArn: arnOf('orders', '$LATEST') });
    expect((await get()).UpdateRuntimeOn).toBe('FunctionUpdate');
  });

  test('through an alias, the config is that of the version the alias points to', async () => {
    await mock.client.send(new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '1' }));
    const answer = await put({ Qualifier: 'live', UpdateRuntimeOn: 'FunctionUpdate' });
    expect(answer.FunctionArn).toBe(arnOf('orders', 'live'));
    expect((await get('orders', '1')).UpdateRuntimeOn).toBe('FunctionUpdate');
    expect((await get('orders', 'live')).UpdateRuntimeOn).toBe('FunctionUpdate');
    expect((await get('orders')).UpdateRuntimeOn).toBe('Auto');
  });

  test('Manual without a runtime version ARN is refused (400), and nothing changes', async () => {
    const before = settledState(mock.lambda);
    await expectServiceError(put({ UpdateRuntimeOn: 'Manual' }), InvalidParameterValueException, 400, 'RuntimeVersionArn is required when UpdateRuntimeOn is Manual.');
    expect(storedState(mock.lambda)).toEqual(before);
  });

  test('a runtime version ARN with Auto or FunctionUpdate is refused (400)', async () => {
    await expectServiceError(
      put({ UpdateRuntimeOn: 'Auto', RuntimeVersionArn: RUNTIME_VERSION }),
      InvalidParameterValueException,
      400,
      'RuntimeVersionArn can only be set when UpdateRuntimeOn is Manual, not Auto.',
    );
    await expectServiceError(
      put({ UpdateRuntimeOn: 'FunctionUpdate', RuntimeVersionArn: RUNTIME_VERSION }),
      InvalidParameterValueException,
      400,
      'RuntimeVersionArn can only be set when UpdateRuntimeOn is Manual, not FunctionUpdate.',
    );
  });

  test('an unknown mode or a malformed runtime version ARN answers ValidationException', async () => {
    await expectValidationError(
      put({ UpdateRuntimeOn: 'Never' as 'Auto' }),
      "1 validation error detected: Value 'Never' at 'updateRuntimeOn' failed to satisfy constraint: Member must satisfy enum value set: [Auto, Manual, FunctionUpdate]",
    );
    await expectValidationError(
      put({ UpdateRuntimeOn: 'Manual', RuntimeVersionArn: 'arn:aws:lambda:us-east-1:123456789012:runtime:x' }),
      "1 validation error detected: Value 'arn:aws:lambda:us-east-1:123456789012:runtime:x' at 'runtimeVersionArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ^arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}::runtime:.+$",
    );
  });

  describe('an unknown function or version answers 404', () => {
    test('Get', async () => {
      await expectServiceError(get('missing'), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing')}`);
      await expectServiceError(get('orders', '7'), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', '7')}`);
    });
    test('Put', async () => {
      await expectServiceError(put({ FunctionName: 'missing' }), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing')}`);
      await expectServiceError(put({ Qualifier: '7' }), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', '7')}`);
    });
  });
});
