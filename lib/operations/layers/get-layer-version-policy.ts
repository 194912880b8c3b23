import type { OperationHandler } from '../operation-handler';
import { documentOf, noPolicy } from '../policies/policy-statement';
import { layerVersionForPolicy } from './layer-record';

/** GetLayerVersionPolicy: the layer version's policy document as JSON, and its RevisionId. */
export const getLayerVersionPolicy: OperationHandler<'GetLayerVersionPolicy'> = (input, ctx) => {
  const { version } = layerVersionForPolicy(ctx, input.LayerName!, input.VersionNumber!);
  if (!version.policy) throw noPolicy();
  return { Policy: JSON.stringify(documentOf(version.policy.statements)), RevisionId: version.policy.revisionId };
};
