import type { Layer } from '@aws-sdk/client-lambda';
import { invalidParameter } from '../../errors/service-error';
import type { OperationContext } from '../operation-handler';
import { layerArnOf, parseLayerVersionArn, storedLayerVersion } from './layer-record';

/** The most layers a function can use. */
const MAX_LAYERS = 5;

/**
 * The `Layers` of a function's configuration for the layer version ARNs a CreateFunction or
 * UpdateFunctionConfiguration request names, checked as the service checks them: at most 5, each an
 * existing version of this region, one version per layer. Each lists its `Arn` and real `CodeSize`.
 * A layer of another account is not visible here, so it is reported as not existing.
 */
export function functionLayers(ctx: OperationContext, arns: readonly string[]): Layer[] {
  if (arns.length > MAX_LAYERS) throw invalidParameter(`Cannot reference more than ${MAX_LAYERS} layers.`);
  const seen = new Map<string, string>();
  return arns.map((arn) => {
    // Validation has matched each ARN against the model's pattern, so it parses.
    const { layer, version } = parseLayerVersionArn(arn)!;
    if (layer.accountId === ctx.accountId && layer.region !== ctx.region) {
      throw invalidParameter(`Layers are not in the same region as the function. Layers are expected to be in region ${ctx.region}.`);
    }
    const found = storedLayerVersion(ctx, layer, version);
    if (!found) throw invalidParameter(`Layer version ${arn} does not exist.`);
    const other = seen.get(layerArnOf(layer));
    if (other !== undefined) {
      throw invalidParameter(
        `Two different versions of the same layer are not allowed to be referenced in the same function. ${other} and ${arn} are versions of the same layer.`,
      );
    }
    seen.set(layerArnOf(layer), arn);
    return { Arn: arn, CodeSize: found.details.Content?.CodeSize ?? 0 };
  });
}
