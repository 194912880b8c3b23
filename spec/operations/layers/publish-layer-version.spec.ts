import { DeleteLayerVersionCommand, GetAccountSettingsCommand, InvalidParameterValueException, PublishLayerVersionCommand } from '@aws-sdk/client-lambda';
import { expectNoPollution, expectServiceError, expectValidationError, oneViolation, sha256Base64, useMockLambda } from '../../helpers/fixtures';
import { CREATED_DATE, layerArnOf, layerZip, publishLayer } from './layer-helpers';

describe('PublishLayerVersion', () => {
  const mock = useMockLambda();

  test('answers 201 with version 1 of a new layer: ARNs, content, dates and what the request declared', async () => {
    const zip = layerZip('exports.util = 1;');
    const { $metadata, ...layer } = await publishLayer(mock, 'tools', {
      Content: { ZipFile: zip },
      Description: 'shared helpers',
      CompatibleRuntimes: ['nodejs20.x', 'nodejs22.x'],
      CompatibleArchitectures: ['arm64'],
      LicenseInfo: 'MIT',
    });
    expect($metadata.httpStatusCode).toBe(201);
    expect(layer).toEqual({
      Content: {
        Location: expect.stringMatching(/^https:\/\/awslambda-us-east-1-layers\.s3\.us-east-1\.amazonaws\.com\/snapshots\/123456789012\/tools-[0-9a-f]{32}\?/),
        CodeSha256: sha256Base64(zip),
        CodeSize: zip.byteLength,
      },
      LayerArn: layerArnOf('tools'),
      LayerVersionArn: layerArnOf('tools', 1),
      Description: 'shared helpers',
      CreatedDate: expect.stringMatching(CREATED_DATE),
      Version: 1,
      CompatibleRuntimes: ['nodejs20.x', 'nodejs22.x'],
      CompatibleArchitectures: ['arm64'],
      LicenseInfo: 'MIT',
    });
  });

  test('without the optional members: an empty description, and no runtimes, architectures or license', async () => {
    const layer = await publishLayer(mock, 'bare');
    expect(layer.Description).toBe('');
    expect(layer).not.toHaveProperty('CompatibleRuntimes');
    expect(layer).not.toHaveProperty('CompatibleArchitectures');
    expect(layer).not.toHaveProperty('LicenseInfo');
  });

  test('numbers versions 1, 2, 3 per layer, and never reuses one after a delete', async () => {
    expect((await publishLayer(mock, 'tools')).Version).toBe(1);
    expect((await publishLayer(mock, 'tools')).Version).toBe(2);
    expect((await publishLayer(mock, 'other')).Version).toBe(1);
    await mock.client.send(new DeleteLayerVersionCommand({ LayerName: 'tools', VersionNumber: 2 }));
    await mock.client.send(new DeleteLayerVersionCommand({ LayerName: 'tools', VersionNumber: 1 }));
    expect((await publishLayer(mock, 'tools')).LayerVersionArn).toBe(layerArnOf('tools', 3));
  });

  test('a layer ARN as LayerName publishes that layer', async () => {
    await publishLayer(mock, 'tools');
    expect((await publishLayer(mock, layerArnOf('tools'))).LayerVersionArn).toBe(layerArnOf('tools', 2));
  });

  test('an S3 location is taken as given (no S3 here), with CodeSize 0', async () => {
    const layer = await publishLayer(mock, 's3-layer', { Content: { S3Bucket: 'artifacts', S3Key: 'layer.zip' } });
    expect(layer.Content).toMatchObject({ CodeSize: 0, CodeSha256: expect.any(String) });
  });

  test('content that is not a zip, or no content, is refused as the service refuses it', async () => {
    await expectServiceError(
      publishLayer(mock, 'broken', { Content: { ZipFile: new TextEncoder().encode('not a zip') } }),
      InvalidParameterValueException,
      400,
      'Could not unzip uploaded file. Please check your file, then try to upload again.',
    );
    await expectServiceError(publishLayer(mock, 'empty', { Content: {} }), InvalidParameterValueException, 400, 'Please provide a source for function code.');
  });

  test('the model refuses a bad name, runtime or too many architectures', async () => {
    const LAYER_NAME = '^(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+$';
    await expectValidationError(publishLayer(mock, 'a.b'), oneViolation('a.b', 'layerName', `Member must satisfy regular expression pattern: ${LAYER_NAME}`));
    await expectValidationError(
      publishLayer(mock, 'tools', { CompatibleArchitectures: ['x86_64', 'arm64', 'x86_64'] }),
      oneViolation('[x86_64, arm64, x86_64]', 'compatibleArchitectures', 'Member must have length less than or equal to 2'),
    );
    await expectValidationError(
      mock.client.send(new PublishLayerVersionCommand({ LayerName: 'tools', Content: undefined })),
      "1 validation error detected: Value null at 'content' failed to satisfy constraint: Member must not be null",
    );
  });

  test("counts in GetAccountSettings' TotalCodeSize, as layer archives do", async () => {
    const before = (await mock.client.send(new GetAccountSettingsCommand({}))).AccountUsage!.TotalCodeSize!;
    const { Content } = await publishLayer(mock, 'tools');
    expect((await mock.client.send(new GetAccountSettingsCommand({}))).AccountUsage!.TotalCodeSize).toBe(before + Content!.CodeSize!);
  });

  test('names such as __proto__ and constructor are ordinary layers and pollute nothing', async () => {
    const before = Reflect.ownKeys(Object.prototype);
    expect((await publishLayer(mock, '__proto__')).LayerArn).toBe(layerArnOf('__proto__'));
    expect((await publishLayer(mock, 'constructor')).Version).toBe(1);
    expect([...mock.lambda.state.region('us-east-1').layers.keys()].sort()).toEqual(['__proto__', 'constructor']);
    expectNoPollution(before);
  });
});
