import type { OperationHandler } from '../operation-handler';
import { assertVersionNumber, layerResourceNotFound, parseLayerName, storedLayerVersion } from './layer-record';

/** GetLayerVersion: one version of a layer, by name or layer ARN and number. */
export const getLayerVersion: OperationHandler<'GetLayerVersion'> = (input, ctx) => {
  const number = input.VersionNumber!;
  assertVersionNumber(number);
  const version = storedLayerVersion(ctx, parseLayerName(ctx, input.LayerName!), number);
  if (!version) throw layerResourceNotFound();
  return version.details;
};
