import { DeleteLayerVersionCommand, InvalidParameterValueException, ListLayersCommand, ListLayerVersionsCommand, type ListLayerVersionsCommandInput } from '@aws-sdk/client-lambda';
import { expectServiceError, expectValidationError, useMockLambda } from '../../helpers/fixtures';
import { CREATED_DATE, layerArnOf, publishLayer } from './layer-helpers';

describe('ListLayerVersions and ListLayers', () => {
  const mock = useMockLambda();
  const versions = (input: Partial<ListLayerVersionsCommandInput> = {}) =>
    mock.client.send(new ListLayerVersionsCommand({ LayerName: 'tools', ...input }));
  const layers = (input: ConstructorParameters<typeof ListLayersCommand>[0] = {}) => mock.client.send(new ListLayersCommand(input));
  beforeEach(async () => {
    await publishLayer(mock, 'tools', { CompatibleRuntimes: ['nodejs20.x'], CompatibleArchitectures: ['x86_64'], LicenseInfo: 'MIT' });
    await publishLayer(mock, 'tools', { CompatibleRuntimes: ['nodejs22.x'], CompatibleArchitectures: ['arm64'] });
    await publishLayer(mock, 'tools', { CompatibleRuntimes: ['nodejs20.x', 'nodejs22.x'], CompatibleArchitectures: ['arm64'] });
    await publishLayer(mock, 'another', { CompatibleRuntimes: ['python3.12'] });
  });

  describe('ListLayerVersions', () => {
    test('lists a layer’s versions newest first, without Content or LayerArn', async () => {
      const { LayerVersions, NextMarker } = await versions();
      expect(LayerVersions?.map((v) => v.Version)).toEqual([3, 2, 1]);
      expect(LayerVersions?.[2]).toEqual({
        LayerVersionArn: layerArnOf('tools', 1),
        Version: 1,
        Description: '',
        CreatedDate: expect.stringMatching(CREATED_DATE),
        CompatibleRuntimes: ['nodejs20.x'],
        CompatibleArchitectures: ['x86_64'],
        LicenseInfo: 'MIT',
      });
      expect(NextMarker).toBeUndefined();
    });

    test('filters by runtime, by architecture, and by both', async () => {
      expect((await versions({ CompatibleRuntime: 'nodejs20.x' })).LayerVersions?.map((v) => v.Version)).toEqual([3, 1]);
      expect((await versions({ CompatibleArchitecture: 'arm64' })).LayerVersions?.map((v) => v.Version)).toEqual([3, 2]);
      expect((await versions({ CompatibleRuntime: 'nodejs20.x', CompatibleArchitecture: 'arm64' })).LayerVersions?.map((v) => v.Version)).toEqual([3]);
      expect((await versions({ CompatibleRuntime: 'java21' })).LayerVersions).toEqual([]);
    });

    test('pages with MaxItems and Marker; MaxItems is at most 50', async () => {
      const first = await versions({ MaxItems: 2 });
      expect(first.LayerVersions?.map((v) => v.Version)).toEqual([3, 2]);
      const second = await versions({ MaxItems: 2, Marker: first.NextMarker });
      expect(second.LayerVersions?.map((v) => v.Version)).toEqual([1]);
      expect(second.NextMarker).toBeUndefined();
      await expectValidationError(versions({ MaxItems: 51 }), "1 validation error detected: Value '51' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 50");
      await expectServiceError(versions({ Marker: 'nonsense' }), InvalidParameterValueException, 400, 'Invalid Marker.');
    });

    test('an unknown layer, or one whose versions are all deleted, has none', async () => {
      expect((await versions({ LayerName: 'nope' })).LayerVersions).toEqual([]);
      await mock.client.send(new DeleteLayerVersionCommand({ LayerName: 'another', VersionNumber: 1 }));
      expect((await versions({ LayerName: 'another' })).LayerVersions).toEqual([]);
    });
  });

  describe('ListLayers', () => {
    test('lists each layer by name with its latest version', async () => {
      const { Layers } = await layers();
      expect(Layers?.map((l) => [l.LayerName, l.LayerArn, l.LatestMatchingVersion?.Version])).toEqual([
        ['another', layerArnOf('another'), 1],
        ['tools', layerArnOf('tools'), 3],
      ]);
      expect(Layers?.[1]?.LatestMatchingVersion).toEqual((await versions()).LayerVersions?.[0]);
    });

    test('with filters, the latest matching version of each layer that has one', async () => {
      const listed = async (input: ConstructorParameters<typeof ListLayersCommand>[0]) =>
        (await layers(input)).Layers?.map((l) => [l.LayerName, l.LatestMatchingVersion?.Version]);
      expect(await listed({ CompatibleArchitecture: 'x86_64' })).toEqual([['tools', 1]]);
      expect(await listed({ CompatibleRuntime: 'python3.12' })).toEqual([['another', 1]]);
      expect(await listed({ CompatibleRuntime: 'nodejs22.x', CompatibleArchitecture: 'arm64' })).toEqual([['tools', 3]]);
    });

    test('a deleted latest version leaves the one before; a layer with none left is not listed', async () => {
      await mock.client.send(new DeleteLayerVersionCommand({ LayerName: 'tools', VersionNumber: 3 }));
      await mock.client.send(new DeleteLayerVersionCommand({ LayerName: 'another', VersionNumber: 1 }));
      expect((await layers()).Layers?.map((l) => [l.LayerName, l.LatestMatchingVersion?.Version])).toEqual([['tools', 2]]);
    });

    test('pages with MaxItems and Marker', async () => {
      const first = await layers({ MaxItems: 1 });
      expect(first.Layers?.map((l) => l.LayerName)).toEqual(['another']);
      const second = await layers({ MaxItems: 1, Marker: first.NextMarker });
      expect(second.Layers?.map((l) => l.LayerName)).toEqual(['tools']);
      expect(second.NextMarker).toBeUndefined();
    });
  });
});
