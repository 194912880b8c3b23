import type { OperationHandler } from '../operation-handler';
import { assertVersionNumber, parseLayerName, storedLayer } from './layer-record';

/**
 * DeleteLayerVersion: removes one version (204). Idempotent: an unknown layer or version also answers
 * 204. Its number is never reused, and functions that use it keep their configuration.
 */
export const deleteLayerVersion: OperationHandler<'DeleteLayerVersion'> = (input, ctx) => {
  const number = input.VersionNumber!;
  assertVersionNumber(number);
  const layer = storedLayer(ctx, parseLayerName(ctx, input.LayerName!));
  if (layer?.versions.some((v) => v.details.Version === number)) {
    ctx.table('layers').set(layer.name, { ...layer, versions: layer.versions.filter((v) => v.details.Version !== number) });
  }
  return {};
};
