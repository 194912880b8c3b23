import type { OperationHandler } from '../operation-handler';
import { functionNotFound, parseFunctionName } from '../functions/function-ref';
import { policyNotFound, policyRevisionId, storedPolicy } from './policy-target';

/**
 * GetPolicy: the resource-based policy of the function (no Qualifier, or `$LATEST`), a version or an
 * alias, as a JSON document, with the version's or alias's RevisionId.
 */
export const getPolicy: OperationHandler<'GetPolicy'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!, input.Qualifier);
  const fn = ctx.table('functions').get(ref.name);
  if (!fn) throw functionNotFound(ctx, { name: ref.name, qualifier: undefined });
  const policy = storedPolicy(fn, ref.qualifier);
  if (!policy) throw policyNotFound();
  return { Policy: JSON.stringify(policy), RevisionId: policyRevisionId(fn, ref.qualifier ?? '$LATEST') };
};
