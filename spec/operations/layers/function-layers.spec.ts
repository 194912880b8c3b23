import {
  DeleteLayerVersionCommand,
  InvalidParameterValueException,
  PublishVersionCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { expectServiceError, settledState, storedState, useMockLambda } from '../../helpers/fixtures';
import { layerArnOf, layerZip, publishLayer } from './layer-helpers';

describe('functions using layers', () => {
  const mock = useMockLambda();
  const configure = (layers: string[]) => mock.client.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'orders', Layers: layers }));
  const sizes: Record<string, number> = {};
  beforeEach(async () => {
    sizes.tools1 = (await publishLayer(mock, 'tools', { Content: { ZipFile: layerZip('a'.repeat(300)) } })).Content!.CodeSize!;
    await publishLayer(mock, 'tools');
    sizes.vendor1 = (await publishLayer(mock, 'vendor', { Content: { ZipFile: layerZip('vendored code') } })).Content!.CodeSize!;
  });

  test("CreateFunction lists each layer's Arn and real CodeSize, in the order given", async () => {
    const created = await mock.create('orders', { Layers: [layerArnOf('vendor', 1), layerArnOf('tools', 1)] });
    expect(sizes.tools1).not.toBe(sizes.vendor1);
    expect(created.Layers).toEqual([
      { Arn: layerArnOf('vendor', 1), CodeSize: sizes.vendor1 },
      { Arn: layerArnOf('tools', 1), CodeSize: sizes.tools1 },
    ]);
    expect((await mock.get('orders')).Configuration?.Layers).toEqual(created.Layers);
  });

  test('UpdateFunctionConfiguration replaces the layers, and a published version keeps them', async () => {
    await mock.create('orders');
    const updated = await configure([layerArnOf('tools', 2)]);
    expect(updated.Layers?.map((l) => l.Arn)).toEqual([layerArnOf('tools', 2)]);
    const version = await mock.client.send(new PublishVersionCommand({ FunctionName: 'orders' }));
    expect(version.Layers).toEqual(updated.Layers);
  });

  test('a layer version that does not exist (unknown, deleted, another account) is refused and nothing is stored', async () => {
    const missing = (arn: string) => `Layer version ${arn} does not exist.`;
    await mock.client.send(new DeleteLayerVersionCommand({ LayerName: 'tools', VersionNumber: 1 }));
    await expectServiceError(mock.create('orders', { Layers: [layerArnOf('tools', 1)] }), InvalidParameterValueException, 400, missing(layerArnOf('tools', 1)));
    await expectServiceError(mock.create('orders', { Layers: [layerArnOf('nope', 1)] }), InvalidParameterValueException, 400, missing(layerArnOf('nope', 1)));
    const foreign = layerArnOf('shared', 3, 'us-east-1', '210987654321');
    await expectServiceError(mock.create('orders', { Layers: [foreign] }), InvalidParameterValueException, 400, missing(foreign));
    expect(mock.lambda.state.region('us-east-1').functions.has('orders')).toBe(false);
    await mock.create('orders');
    const before = settledState(mock.lambda);
    await expectServiceError(configure([layerArnOf('tools', 7)]), InvalidParameterValueException, 400, missing(layerArnOf('tools', 7)));
    expect(storedState(mock.lambda)).toEqual(before);
  });

  test('a function keeps a layer version deleted after it was added', async () => {
    await mock.create('orders', { Layers: [layerArnOf('vendor', 1)] });
    await mock.client.send(new DeleteLayerVersionCommand({ LayerName: 'vendor', VersionNumber: 1 }));
    expect((await mock.get('orders')).Configuration?.Layers?.map((l) => l.Arn)).toEqual([layerArnOf('vendor', 1)]);
  });

  test('at most 5 layers, one version per layer, all of this region', async () => {
    await mock.create('orders');
    const six = Array.from({ length: 6 }, (_, i) => layerArnOf(`many${i}`, 1));
    await expectServiceError(configure(six), InvalidParameterValueException, 400, 'Cannot reference more than 5 layers.');
    await expectServiceError(
      configure([layerArnOf('tools', 1), layerArnOf('vendor', 1), layerArnOf('tools', 2)]),
      InvalidParameterValueException,
      400,
      `Two different versions of the same layer are not allowed to be referenced in the same function. ${layerArnOf('tools', 1)} and ${layerArnOf('tools', 2)} are versions of the same layer.`,
    );
    await expectServiceError(
      configure([layerArnOf('tools', 1, 'eu-west-1')]),
      InvalidParameterValueException,
      400,
      'Layers are not in the same region as the function. Layers are expected to be in region us-east-1.',
    );
    const five = await Promise.all(Array.from({ length: 5 }, (_, i) => publishLayer(mock, `five${i}`)));
    expect((await configure(five.map((l) => l.LayerVersionArn!))).Layers).toHaveLength(5);
  });
});
