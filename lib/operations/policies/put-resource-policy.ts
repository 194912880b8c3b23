import type { OperationHandler } from '../operation-handler';
import { assertRevision } from '../functions/function-lifecycle';
import { savePolicy } from './policy-target';
import { parsePolicyDocument, resourcePolicyTarget } from './resource-policy';

/**
 * PutResourcePolicy: replaces the whole resource-based policy of a function, version or alias named
 * by ARN, statements AddPermission added included. Answers the policy and its new RevisionId.
 */
export const putResourcePolicy: OperationHandler<'PutResourcePolicy'> = (input, ctx) => {
  const target = resourcePolicyTarget(ctx, input.ResourceArn!);
  const policy = parsePolicyDocument(input.Policy!);
  assertRevision(target.revisionId, input.RevisionId);
  const revisionId = savePolicy(ctx, target, policy);
  return { Policy: JSON.stringify(policy), RevisionId: revisionId };
};
