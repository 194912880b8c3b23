import { invalidParameter, resourceConflict } from '../../errors/service-error';
import { withoutEntry } from '../../util/name-map';
import type { OperationHandler } from '../operation-handler';
import { aliasesUsing } from '../aliases/alias-record';
import { saveFunction } from './function-record';
import { functionNotFound, getFunctionState, parseFunctionName } from './function-ref';

/**
 * DeleteFunction: the whole function (with its aliases, policies, URLs and configs; event source
 * mappings stay, as the service keeps them), or one published
 * version with a qualifier. A version an alias runs cannot be deleted. Answers 204.
 */
export const deleteFunction: OperationHandler<'DeleteFunction'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!, input.Qualifier);
  const fn = getFunctionState(ctx, ref);
  if (ref.qualifier === undefined) {
    ctx.table('functions').delete(fn.name);
  } else {
    if (ref.qualifier === '$LATEST') throw invalidParameter('$LATEST version cannot be deleted without deleting the function.');
    const versions = fn.versions.filter((v) => v.configuration.Version !== ref.qualifier);
    if (versions.length === fn.versions.length) throw functionNotFound(ctx, ref);
    const aliases = aliasesUsing(fn, ref.qualifier);
    if (aliases.length > 0) {
      throw resourceConflict(`Unable to delete version because the following aliases reference it: [${aliases.join(', ')}]`);
    }
    // What lives on the version goes with it: its provisioned concurrency, resource-based policy and event invoke config.
    saveFunction(ctx, {
      ...fn,
      versions,
      ...(fn.provisionedConcurrency ? { provisionedConcurrency: withoutEntry(fn.provisionedConcurrency, ref.qualifier) } : {}),
      ...(fn.policies ? { policies: withoutEntry(fn.policies, ref.qualifier) } : {}),
      ...(fn.eventInvokeConfigs ? { eventInvokeConfigs: withoutEntry(fn.eventInvokeConfigs, ref.qualifier) } : {}),
    });
  }
  return { StatusCode: 204 };
};
