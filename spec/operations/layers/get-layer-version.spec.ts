import {
  DeleteLayerVersionCommand,
  GetLayerVersionByArnCommand,
  GetLayerVersionCommand,
  InvalidParameterValueException,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { expectServiceError, expectValidationError, oneViolation, useMockLambda } from '../../helpers/fixtures';
import { layerArnOf, publishLayer } from './layer-helpers';

const NOT_FOUND = 'The resource you requested does not exist.';

describe('GetLayerVersion and GetLayerVersionByArn', () => {
  const mock = useMockLambda();
  const get = (layerName: string, version: number) => mock.client.send(new GetLayerVersionCommand({ LayerName: layerName, VersionNumber: version }));
  const byArn = (arn: string) => mock.client.send(new GetLayerVersionByArnCommand({ Arn: arn }));
  let published: Awaited<ReturnType<typeof publishLayer>>;
  beforeEach(async () => {
    published = await publishLayer(mock, 'tools', { Description: 'v1', CompatibleRuntimes: ['python3.12'] });
    await publishLayer(mock, 'tools', { Description: 'v2' });
  });

  test('answer what PublishLayerVersion answered, by name, layer ARN or version ARN', async () => {
    const { $metadata: _p, ...expected } = published;
    for (const answer of [await get('tools', 1), await get(layerArnOf('tools'), 1), await byArn(layerArnOf('tools', 1))]) {
      const { $metadata, ...layer } = answer;
      expect($metadata.httpStatusCode).toBe(200);
      expect(layer).toEqual(expected);
    }
    expect((await get('tools', 2)).Description).toBe('v2');
  });

  test('an unknown or deleted version, layer, or a layer of another region or account is the service 404', async () => {
    await mock.client.send(new DeleteLayerVersionCommand({ LayerName: 'tools', VersionNumber: 2 }));
    await expectServiceError(get('tools', 2), ResourceNotFoundException, 404, NOT_FOUND);
    await expectServiceError(get('tools', 3), ResourceNotFoundException, 404, NOT_FOUND);
    await expectServiceError(get('nope', 1), ResourceNotFoundException, 404, NOT_FOUND);
    await expectServiceError(byArn(layerArnOf('tools', 2)), ResourceNotFoundException, 404, NOT_FOUND);
    await expectServiceError(byArn(layerArnOf('tools', 1, 'eu-west-1')), ResourceNotFoundException, 404, NOT_FOUND);
    await expectServiceError(byArn(layerArnOf('tools', 1, 'us-east-1', '210987654321')), ResourceNotFoundException, 404, NOT_FOUND);
  });

  test('a version number below 1 is refused', async () => {
    await expectServiceError(get('tools', 0), InvalidParameterValueException, 400, 'Layer Version Cannot be less than 1');
  });

  test('the model refuses an ARN that is no layer version ARN', async () => {
    await expectValidationError(
      byArn(layerArnOf('tools')),
      oneViolation(layerArnOf('tools'), 'arn', 'Member must satisfy regular expression pattern: ^arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+$'),
    );
  });
});
