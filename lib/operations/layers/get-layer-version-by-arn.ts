import type { OperationHandler } from '../operation-handler';
import { layerResourceNotFound, parseLayerVersionArn, storedLayerVersion } from './layer-record';

/** GetLayerVersionByArn: one version of a layer, by its version ARN. */
export const getLayerVersionByArn: OperationHandler<'GetLayerVersionByArn'> = (input, ctx) => {
  // Validation has matched the model's pattern, so the ARN parses.
  const { layer, version } = parseLayerVersionArn(input.Arn!)!;
  const found = storedLayerVersion(ctx, layer, version);
  if (!found) throw layerResourceNotFound();
  return found.details;
};
