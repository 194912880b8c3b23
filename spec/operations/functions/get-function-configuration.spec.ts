import {
  GetFunctionConfigurationCommand,
  InvalidParameterValueException,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import {
  ACCOUNT,
  arnOf,
  createWithVersion,
  expectServiceError,
  LAMBDA_TIMESTAMP,
  REGION,
  sha256Base64,
  settledState,
  storedState,
  useMockLambda,
} from '../../helpers/fixtures';

describe('GetFunctionConfiguration', () => {
  const mock = useMockLambda();
  let zips: { v1: Uint8Array; v2: Uint8Array };
  const getConfiguration = (functionName: string, qualifier?: string) =>
    mock.client.send(new GetFunctionConfigurationCommand({ FunctionName: functionName, Qualifier: qualifier }));

  beforeEach(async () => {
    zips = await createWithVersion(mock, 'orders');
  });

  test('answers 200 with exactly the Configuration GetFunction gives', async () => {
    const { $metadata, ...configuration } = await getConfiguration('orders');
    expect($metadata.httpStatusCode).toBe(200);
    expect(configuration).toEqual((await mock.get('orders')).Configuration);
    expect(configuration).toMatchObject({ State: 'Active', LastUpdateStatus: 'Successful' });
    expect(configuration.LastModified).toMatch(LAMBDA_TIMESTAMP);
  });

  test.each([
    // Every row has all three entries: a shorter row would make jest pass a `done` callback.
    ['its name', 'orders', undefined],
    ['its ARN', arnOf('orders'), undefined],
    ['its partial ARN', `${ACCOUNT}:function:orders`, undefined],
    ['the $LATEST Qualifier', 'orders', '$LATEST'],
    ['the $LATEST name qualifier', 'orders:$LATEST', undefined],
  ])('finds $LATEST by %s', async (_form, functionName, qualifier) => {
    expect(await getConfiguration(functionName, qualifier)).toMatchObject({
      FunctionArn: arnOf('orders'),
      Version: '$LATEST',
      CodeSha256: sha256Base64(zips.v2),
    });
  });

  test.each([
    ['a name qualifier', 'orders:1', undefined],
    ['Qualifier', 'orders', '1'],
    ['a qualified partial ARN', `${ACCOUNT}:function:orders:1`, undefined],
  ])('finds version 1 by %s', async (_form, functionName, qualifier) => {
    const configuration = await getConfiguration(functionName, qualifier);
    expect(configuration).toMatchObject({ FunctionArn: arnOf('orders', '1'), Version: '1', CodeSha256: sha256Base64(zips.v1) });
    expect(configuration).toMatchObject({ State: 'Active', LastUpdateStatus: 'Successful' });
  });

  test('answers 404 for an unknown function and for an unknown version', async () => {
    await expectServiceError(getConfiguration('missing'), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing')}`);
    await expectServiceError(getConfiguration('orders', '2'), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', '2')}`);
  });

  test('refuses a name qualifier that differs from Qualifier', async () => {
    await expectServiceError(
      getConfiguration('orders:$LATEST', '1'),
      InvalidParameterValueException,
      400,
      'The derived qualifier from the function name does not match the specified qualifier.',
    );
  });

  test('answers a copy: changing it changes neither the next answer nor lambda.state', async () => {
    const first = await getConfiguration('orders', '1');
    const stored = settledState(mock.lambda);
    const { $metadata: _ignored, ...expected } = structuredClone(first);

    first.MemorySize = 4096;
    first.EphemeralStorage!.Size = 10240;
    first.Architectures!.length = 0;

    const { $metadata: _again, ...second } = await getConfiguration('orders', '1');
    expect(second).toEqual(expected);
    expect(storedState(mock.lambda)).toEqual(stored);
    expect(mock.lambda.state.region(REGION).functions.get('orders')?.versions[0]?.configuration.MemorySize).toBe(128);
  });
});
