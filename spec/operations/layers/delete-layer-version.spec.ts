import { DeleteLayerVersionCommand, GetLayerVersionCommand, InvalidParameterValueException, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { expectServiceError, useMockLambda } from '../../helpers/fixtures';
import { layerArnOf, publishLayer } from './layer-helpers';

describe('DeleteLayerVersion', () => {
  const mock = useMockLambda();
  const remove = (layerName: string, version: number) => mock.client.send(new DeleteLayerVersionCommand({ LayerName: layerName, VersionNumber: version }));
  beforeEach(async () => {
    await publishLayer(mock, 'tools');
    await publishLayer(mock, 'tools');
  });

  test('removes one version (204), leaving the others', async () => {
    expect((await remove('tools', 1)).$metadata.httpStatusCode).toBe(204);
    await expectServiceError(
      mock.client.send(new GetLayerVersionCommand({ LayerName: 'tools', VersionNumber: 1 })),
      ResourceNotFoundException,
      404,
      'The resource you requested does not exist.',
    );
    expect((await mock.client.send(new GetLayerVersionCommand({ LayerName: 'tools', VersionNumber: 2 }))).Version).toBe(2);
  });

  test('is idempotent: a deleted or unknown version or layer also answers 204', async () => {
    await remove('tools', 1);
    expect((await remove('tools', 1)).$metadata.httpStatusCode).toBe(204);
    expect((await remove('tools', 9)).$metadata.httpStatusCode).toBe(204);
    expect((await remove('nope', 1)).$metadata.httpStatusCode).toBe(204);
    expect((await remove(layerArnOf('tools'), 2)).$metadata.httpStatusCode).toBe(204);
    expect(mock.lambda.state.region('us-east-1').layers.get('tools')?.versions).toEqual([]);
  });

  // An error the operation does not declare, but the service's: recorded from AWS for -1 (localstack's
  // AWS-validated test_layer_exceptions snapshot), and for 0 by GetLayerVersion, which shares the check.
  test('a version number below 1 is refused, though the operation declares no such error', async () => {
    await expectServiceError(remove('tools', 0), InvalidParameterValueException, 400, 'Layer Version Cannot be less than 1');
    await expectServiceError(remove('tools', -1), InvalidParameterValueException, 400, 'Layer Version Cannot be less than 1');
    await expectServiceError(remove('nope', 0), InvalidParameterValueException, 400, 'Layer Version Cannot be less than 1');
    expect(mock.lambda.state.region('us-east-1').layers.get('tools')?.versions).toHaveLength(2);
  });
});
