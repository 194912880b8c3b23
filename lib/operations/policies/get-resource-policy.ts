import type { OperationHandler } from '../operation-handler';
import { policyNotFound } from './policy-target';
import { resourcePolicyTarget } from './resource-policy';

/** GetResourcePolicy: the resource-based policy of a function, version or alias named by ARN, and its RevisionId. */
export const getResourcePolicy: OperationHandler<'GetResourcePolicy'> = (input, ctx) => {
  const target = resourcePolicyTarget(ctx, input.ResourceArn!);
  if (!target.policy) throw policyNotFound();
  return { Policy: JSON.stringify(target.policy), RevisionId: target.revisionId };
};
