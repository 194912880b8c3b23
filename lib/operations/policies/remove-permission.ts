import { resourceNotFound } from '../../errors/service-error';
import type { OperationHandler } from '../operation-handler';
import { assertRevision } from '../functions/function-lifecycle';
import { functionArn, parseFunctionName } from '../functions/function-ref';
import { noPolicy, sidOf, statementNotFound } from './policy-statement';
import { policyTarget, savePolicy } from './policy-target';

/**
 * RemovePermission: removes one statement from the policy of the function, a version or an alias
 * (204); the last statement removes the policy. The version's or alias's RevisionId changes.
 */
export const removePermission: OperationHandler<'RemovePermission'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!, input.Qualifier);
  const fn = ctx.table('functions').get(ref.name);
  if (!fn) throw resourceNotFound(`No policy found for: ${functionArn(ctx, ref.name)}`);
  const target = policyTarget(ctx, fn, ref.qualifier);
  if (!target.policy) throw noPolicy();
  const rest = target.policy.Statement.filter((s) => sidOf(s) !== input.StatementId);
  if (rest.length === target.policy.Statement.length) throw statementNotFound(input.StatementId!);
  assertRevision(target.revisionId, input.RevisionId);
  savePolicy(ctx, target, rest.length > 0 ? { ...target.policy, Statement: rest } : undefined);
  return {};
};
