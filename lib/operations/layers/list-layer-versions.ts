import type { OperationHandler } from '../operation-handler';
import { paginate } from '../paginate';
import { listItemOf, matchesFilters, parseLayerName, storedLayer } from './layer-record';

/** The most versions ListLayerVersions and ListLayers return in one call (the model's `MaxItems` range). */
export const LAYERS_PER_PAGE = 50;

/**
 * ListLayerVersions: a layer's versions, newest first, only those compatible with `CompatibleRuntime`
 * and `CompatibleArchitecture` when given, paged. An unknown layer has none.
 */
export const listLayerVersions: OperationHandler<'ListLayerVersions'> = (input, ctx) => {
  const layer = storedLayer(ctx, parseLayerName(ctx, input.LayerName!));
  const versions = [...(layer?.versions ?? [])]
    .reverse()
    .filter((v) => matchesFilters(v, input.CompatibleRuntime, input.CompatibleArchitecture))
    .map(listItemOf);
  const { page, nextMarker } = paginate(versions, input.Marker, input.MaxItems, LAYERS_PER_PAGE, LAYERS_PER_PAGE);
  return { LayerVersions: page, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
};
