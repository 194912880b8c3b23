import type { LayersListItem } from '@aws-sdk/client-lambda';
import type { OperationHandler } from '../operation-handler';
import { paginate } from '../paginate';
import { listItemOf, matchesFilters } from './layer-record';
import { LAYERS_PER_PAGE } from './list-layer-versions';

/**
 * ListLayers: every layer by name with its latest version compatible with the filters; a layer with
 * no such version (or none left) is not listed. Paged.
 */
export const listLayers: OperationHandler<'ListLayers'> = (input, ctx) => {
  const layers = [...ctx.table('layers').values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const items: LayersListItem[] = [];
  for (const layer of layers) {
    const latest = [...layer.versions].reverse().find((v) => matchesFilters(v, input.CompatibleRuntime, input.CompatibleArchitecture));
    if (latest) items.push({ LayerName: layer.name, LayerArn: layer.layerArn, LatestMatchingVersion: listItemOf(latest) });
  }
  const { page, nextMarker } = paginate(items, input.Marker, input.MaxItems, LAYERS_PER_PAGE, LAYERS_PER_PAGE);
  return { Layers: page, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
};
