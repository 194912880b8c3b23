import type { OperationHandler } from '../operation-handler';
import { assertRevision } from '../functions/function-lifecycle';
import { noPolicy } from './policy-statement';
import { savePolicy } from './policy-target';
import { resourcePolicyTarget } from './resource-policy';

/** DeleteResourcePolicy: removes the whole resource-based policy of a function, version or alias named by ARN (204). */
export const deleteResourcePolicy: OperationHandler<'DeleteResourcePolicy'> = (input, ctx) => {
  const target = resourcePolicyTarget(ctx, input.ResourceArn!);
  if (!target.policy) throw noPolicy();
  assertRevision(target.revisionId, input.RevisionId);
  savePolicy(ctx, target, undefined);
  return {};
};
