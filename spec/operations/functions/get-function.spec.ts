import { CreateFunctionCommand, InvalidParameterValueException, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import {
  ACCOUNT,
  arnOf,
  createWithVersion,
  expectServiceError,
  REGION,
  ROLE,
  sha256Base64,
  settledState,
  storedState,
  useMockLambda,
} from '../../helpers/fixtures';

describe('GetFunction', () => {
  const mock = useMockLambda();
  let zips: { v1: Uint8Array; v2: Uint8Array };

  beforeEach(async () => {
    zips = await createWithVersion(mock, 'orders');
  });

  test.each([
    ['its name', 'orders'],
    ['its ARN', arnOf('orders')],
    ['its partial ARN', `${ACCOUNT}:function:orders`],
  ])('finds $LATEST by %s', async (_form, functionName) => {
    const answer = await mock.get(functionName);
    expect(answer.$metadata.httpStatusCode).toBe(200);
    expect(answer.Configuration).toMatchObject({
      FunctionName: 'orders',
      FunctionArn: arnOf('orders'),
      Version: '$LATEST',
      CodeSha256: sha256Base64(zips.v2),
      CodeSize: zips.v2.byteLength,
    });
  });

  test.each([
    ['a name qualifier', 'orders:1', undefined],
    ['Qualifier', 'orders', '1'],
    ['both, when they agree', 'orders:1', '1'],
    ['a qualified ARN', arnOf('orders', '1'), undefined],
  ])('finds version 1 by %s', async (_form, functionName, qualifier) => {
    const { Configuration } = await mock.get(functionName, qualifier);
    expect(Configuration).toMatchObject({ Version: '1', FunctionArn: arnOf('orders', '1'), CodeSha256: sha256Base64(zips.v1) });
  });

  test.each([
    ['Qualifier', 'orders', '$LATEST'],
    ['a name qualifier', 'orders:$LATEST', undefined],
  ])('finds $LATEST by the $LATEST %s', async (_form, functionName, qualifier) => {
    const { Configuration } = await mock.get(functionName, qualifier);
    expect(Configuration).toMatchObject({ Version: '$LATEST', FunctionArn: arnOf('orders'), CodeSha256: sha256Base64(zips.v2) });
  });

  test('answers 404 with the ARN of an unknown function', async () => {
    await expectServiceError(mock.get('missing'), ResourceNotFoundException, 404, `Function not found: ${arnOf('missing')}`);
  });

  test.each([
    ['Qualifier', 'orders', '7'],
    ['a name qualifier', 'orders:7', undefined],
  ])('answers 404 with the qualified ARN of an unknown version given by %s', async (_form, functionName, qualifier) => {
    await expectServiceError(mock.get(functionName, qualifier), ResourceNotFoundException, 404, `Function not found: ${arnOf('orders', '7')}`);
  });

  test('refuses a name qualifier that differs from Qualifier', async () => {
    await expectServiceError(
      mock.get('orders:1', '$LATEST'),
      InvalidParameterValueException,
      400,
      'The derived qualifier from the function name does not match the specified qualifier.',
    );
  });

  test('gives an S3 download location per version of the code', async () => {
    const latest = (await mock.get('orders')).Code;
    const v1 = (await mock.get('orders', '1')).Code;
    const location = /^https:\/\/awslambda-us-east-1-tasks\.s3\.us-east-1\.amazonaws\.com\/snapshots\/123456789012\/orders-[0-9a-f]+\?/;
    expect(latest).toEqual({ RepositoryType: 'S3', Location: expect.stringMatching(location) });
    expect(v1).toEqual({ RepositoryType: 'S3', Location: expect.stringMatching(location) });
    expect(v1?.Location).not.toBe(latest?.Location);
  });

  test('gives the ECR image of an Image function and its resolved digest', async () => {
    const uri = '123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag';
    await mock.client.send(new CreateFunctionCommand({ FunctionName: 'img', Role: ROLE, PackageType: 'Image', Code: { ImageUri: uri } }));
    const { Code, Configuration } = await mock.get('img');
    expect(Code).toEqual({
      RepositoryType: 'ECR',
      ImageUri: uri,
      ResolvedImageUri: expect.stringMatching(/^123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/repo@sha256:[0-9a-f]{64}$/),
    });
    expect(Configuration).toMatchObject({ PackageType: 'Image', State: 'Active' });
  });

  test("answers the function's tags with any version", async () => {
    await mock.create('tagged', { Tags: { team: 'payments' }, Publish: true });
    expect((await mock.get('tagged')).Tags).toEqual({ team: 'payments' });
    expect((await mock.get('tagged', '1')).Tags).toEqual({ team: 'payments' });
  });

  test('answers copies: changing an answer changes neither the next answer nor lambda.state', async () => {
    const first = await mock.get('orders');
    const stored = settledState(mock.lambda);
    const expected = structuredClone(first.Configuration);

    first.Configuration!.Timeout = 900;
    first.Configuration!.Architectures!.push('arm64');
    first.Configuration!.LoggingConfig!.LogGroup = '/changed';
    first.Code!.Location = 'changed';

    const second = await mock.get('orders');
    expect(second.Configuration).toEqual(expected);
    expect(second.Code?.Location).not.toBe('changed');
    expect(storedState(mock.lambda)).toEqual(stored);
    expect(mock.lambda.state.region(REGION).functions.get('orders')?.latest.configuration.Timeout).toBe(3);
  });
});
