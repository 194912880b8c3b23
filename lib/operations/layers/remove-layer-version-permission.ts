import type { OperationHandler } from '../operation-handler';
import { sidOf, statementNotFound } from '../policies/policy-statement';
import { newRevisionId } from '../../util/aws';
import { staleLayerPolicy } from './add-layer-version-permission';
import { layerVersionForPolicy, saveLayerVersion } from './layer-record';

/** RemoveLayerVersionPermission: removes one statement (204); the last one removes the policy. */
export const removeLayerVersionPermission: OperationHandler<'RemoveLayerVersionPermission'> = (input, ctx) => {
  const { layer, version } = layerVersionForPolicy(ctx, input.LayerName!, input.VersionNumber!);
  if (input.RevisionId !== undefined && input.RevisionId !== version.policy?.revisionId) throw staleLayerPolicy();
  const statements = version.policy?.statements ?? [];
  const rest = statements.filter((s) => sidOf(s) !== input.StatementId);
  if (rest.length === statements.length) throw statementNotFound(input.StatementId!);
  const { policy: _removed, ...withoutPolicy } = version;
  saveLayerVersion(ctx, layer, rest.length > 0 ? { ...version, policy: { statements: rest, revisionId: newRevisionId() } } : withoutPolicy);
  return {};
};
