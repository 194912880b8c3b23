import { invalidParameter } from '../../errors/service-error';
import type { OperationHandler } from '../operation-handler';
import { saveFunction } from './function-record';
import { functionNotFound, getFunctionState, parseFunctionName } from './function-ref';

/** DeleteFunction: the whole function, or one published version with a qualifier. Answers 204. */
export const deleteFunction: OperationHandler<'DeleteFunction'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!, input.Qualifier);
  const fn = getFunctionState(ctx, ref);
  if (ref.qualifier === undefined) {
    ctx.table('functions').delete(fn.name);
  } else {
    if (ref.qualifier === '$LATEST') throw invalidParameter('$LATEST version cannot be deleted without deleting the function.');
    const versions = fn.versions.filter((v) => v.configuration.Version !== ref.qualifier);
    if (versions.length === fn.versions.length) throw functionNotFound(ctx, ref);
    // A version's provisioned concurrency goes with it.
    const { [ref.qualifier]: _removed, ...provisioned } = fn.provisionedConcurrency ?? {};
    saveFunction(ctx, { ...fn, versions, ...(fn.provisionedConcurrency ? { provisionedConcurrency: provisioned } : {}) });
  }
  return { StatusCode: 204 };
};
