import {
  CreateFunctionCommand,
  InvalidParameterValueException,
  ListTagsCommand,
  ListVersionsByFunctionCommand,
  ResourceConflictException,
} from '@aws-sdk/client-lambda';
import {
  ACCOUNT,
  arnOf,
  expectServiceError,
  expectValidationError,
  LAMBDA_TIMESTAMP,
  REGION,
  ROLE,
  sha256Base64,
  settledState,
  storedState,
  useMockLambda,
  zipOf,
} from '../../helpers/fixtures';

const IMAGE_URI = '123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('CreateFunction', () => {
  const mock = useMockLambda();

  test('answers 201 with every documented default, the code hash and size, Pending', async () => {
    // The zip is built once: fflate stamps the time into it, so a second zipOf() may differ.
    const zip = zipOf();
    const { $metadata, LastModified, RevisionId, ...configuration } = await mock.create('orders', { Code: { ZipFile: zip } });

    expect($metadata.httpStatusCode).toBe(201);
    expect(configuration).toEqual({
      FunctionName: 'orders',
      FunctionArn: arnOf('orders'),
      Runtime: 'nodejs22.x',
      Role: ROLE,
      Handler: 'index.handler',
      Description: '',
      Timeout: 3,
      MemorySize: 128,
      Version: '$LATEST',
      CodeSha256: sha256Base64(zip),
      CodeSize: zip.byteLength,
      PackageType: 'Zip',
      Architectures: ['x86_64'],
      EphemeralStorage: { Size: 512 },
      TracingConfig: { Mode: 'PassThrough' },
      SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
      LoggingConfig: { LogFormat: 'Text', LogGroup: '/aws/lambda/orders' },
      RuntimeVersionConfig: { RuntimeVersionArn: expect.stringMatching(/^arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/) },
      State: 'Pending',
      StateReason: 'The function is being created.',
      StateReasonCode: 'Creating',
    });
    expect(LastModified).toMatch(LAMBDA_TIMESTAMP);
    expect(Math.abs(Date.parse(LastModified!.replace('+0000', 'Z')) - Date.now())).toBeLessThan(5_000);
    expect(RevisionId).toMatch(UUID);
  });

  test('is Active with a successful last update on the next GetFunction', async () => {
    await mock.create('orders');
    const { Configuration } = await mock.get('orders');
    expect(Configuration).toMatchObject({ State: 'Active', LastUpdateStatus: 'Successful' });
    for (const transient of ['StateReason', 'StateReasonCode', 'LastUpdateStatusReason', 'LastUpdateStatusReasonCode']) {
      expect(Configuration).not.toHaveProperty(transient);
    }
  });

  test('refuses a ZipFile that is not a zip, and stores nothing', async () => {
    await mock.create('existing');
    const before = settledState(mock.lambda);

    await expectServiceError(
      mock.create('broken', { Code: { ZipFile: new TextEncoder().encode('not a zip archive') } }),
      InvalidParameterValueException,
      400,
      'Could not unzip uploaded file. Please check your file, then try to upload again.',
    );
    expect(storedState(mock.lambda)).toEqual(before);
    expect(mock.lambda.state.region(REGION).functions.has('broken')).toBe(false);
  });

  test('creates an Image function from a well-formed ECR image URI, with no runtime or handler', async () => {
    const created = await mock.client.send(
      new CreateFunctionCommand({ FunctionName: 'img', Role: ROLE, PackageType: 'Image', Code: { ImageUri: IMAGE_URI } }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created).toMatchObject({ FunctionName: 'img', PackageType: 'Image', CodeSize: 0, State: 'Pending' });
    expect(created).not.toHaveProperty('Runtime');
    expect(created).not.toHaveProperty('Handler');
    expect(mock.lambda.state.region(REGION).functions.get('img')?.latest.code).toEqual({ imageUri: IMAGE_URI });
  });

  test.each(['docker.io/library/node:20', '123456789012.dkr.ecr.us-east-1.amazonaws.com/Repo With Spaces:tag'])(
    'refuses the malformed image URI %s',
    async (uri) => {
      await expectServiceError(
        mock.client.send(new CreateFunctionCommand({ FunctionName: 'img', Role: ROLE, PackageType: 'Image', Code: { ImageUri: uri } })),
        InvalidParameterValueException,
        400,
        `Source image ${uri} is not valid. Provide a valid source image.`,
      );
      expect(mock.lambda.state.region(REGION).functions.size).toBe(0);
    },
  );

  test('accepts code from S3 and keeps its location', async () => {
    const created = await mock.create('from-s3', { Code: { S3Bucket: 'deploy-bucket', S3Key: 'builds/orders.zip' } });
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created.CodeSha256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(mock.lambda.state.region(REGION).functions.get('from-s3')?.latest.code).toEqual({
      s3: { bucket: 'deploy-bucket', key: 'builds/orders.zip' },
    });
  });

  test('refuses a second function of the same name with 409', async () => {
    const first = await mock.create('orders');
    await expectServiceError(mock.create('orders', { Timeout: 9 }), ResourceConflictException, 409, 'Function already exist: orders');
    expect((await mock.get('orders')).Configuration).toMatchObject({ Timeout: 3, RevisionId: first.RevisionId });
  });

  test.each([
    ['Runtime', { Runtime: undefined }],
    ['Handler', { Handler: undefined }],
  ])('refuses a Zip function without %s', async (_member, extra) => {
    await expectServiceError(
      mock.create('orders', extra),
      InvalidParameterValueException,
      400,
      'Runtime and Handler are mandatory parameters for functions created with deployment packages.',
    );
  });

  test('refuses a runtime the service has blocked', async () => {
    await expectServiceError(
      mock.create('orders', { Runtime: 'nodejs12.x' }),
      InvalidParameterValueException,
      400,
      'The runtime parameter of nodejs12.x is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.',
    );
  });

  test('refuses environment variables the runtime reserves', async () => {
    await expectServiceError(
      mock.create('orders', { Environment: { Variables: { STAGE: 'prod', AWS_REGION: 'eu-west-1' } } }),
      InvalidParameterValueException,
      400,
      'Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: AWS_REGION',
    );
  });

  test('stores Tags, as GetFunction and ListTags show them', async () => {
    await mock.create('orders', { Tags: { team: 'payments', stage: 'prod' } });
    expect((await mock.get('orders')).Tags).toEqual({ team: 'payments', stage: 'prod' });
    expect((await mock.client.send(new ListTagsCommand({ Resource: arnOf('orders') }))).Tags).toEqual({ team: 'payments', stage: 'prod' });
  });

  test('with Publish: true answers version 1, which is then listed', async () => {
    const created = await mock.create('orders', { Publish: true });
    expect(created).toMatchObject({ Version: '1', FunctionArn: arnOf('orders', '1'), State: 'Pending' });
    const { Versions } = await mock.client.send(new ListVersionsByFunctionCommand({ FunctionName: 'orders' }));
    expect(Versions?.map((v) => v.Version)).toEqual(['$LATEST', '1']);
  });

  test.each([
    ['a full ARN', arnOf('orders')],
    ['a partial ARN', `${ACCOUNT}:function:orders`],
  ])('takes the function name as %s', async (_form, functionName) => {
    const created = await mock.create(functionName);
    expect(created).toMatchObject({ FunctionName: 'orders', FunctionArn: arnOf('orders') });
    expect((await mock.get('orders')).Configuration?.FunctionName).toBe('orders');
  });

  test('accepts a name of 64 characters and refuses one of 65 with a ValidationException', async () => {
    await expect(mock.create('n'.repeat(64))).resolves.toMatchObject({ FunctionName: 'n'.repeat(64) });
    const long = 'n'.repeat(65);
    await expectValidationError(
      mock.create(long),
      `1 validation error detected: Value '${long}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    );
  });

  test('refuses Timeout: 0 with a ValidationException', async () => {
    await expectValidationError(
      mock.create('orders', { Timeout: 0 }),
      "1 validation error detected: Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  test('refuses a request without Role with a ValidationException', async () => {
    await expectValidationError(
      mock.create('orders', { Role: undefined }),
      "1 validation error detected: Value null at 'role' failed to satisfy constraint: Member must not be null",
    );
    expect(mock.lambda.state.region(REGION).functions.size).toBe(0);
  });
});
