import { ServiceError } from '../../errors/service-error';
import { entryOf } from '../../util/name-map';
import type { OperationContext, OperationHandler } from '../operation-handler';
import { parseFunctionName } from '../functions/function-ref';
import { removeAlias } from './alias-record';

/** The function a DeleteAlias request names, or `undefined` for one that is not here (another account's or region's included). */
function functionNamed(ctx: OperationContext, functionName: string) {
  try {
    return ctx.table('functions').get(parseFunctionName(ctx, functionName).name);
  } catch (error) {
    // DeleteAlias declares no 404: a function of another account or region is just one that is not here.
    if (error instanceof ServiceError && error.code === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

/**
 * DeleteAlias: removes an alias with its policy and provisioned concurrency (204). Idempotent, as the
 * service declares no 404 for it: an unknown alias or function also answers 204.
 */
export const deleteAlias: OperationHandler<'DeleteAlias'> = (input, ctx) => {
  const fn = functionNamed(ctx, input.FunctionName!);
  if (fn && entryOf(fn.aliases, input.Name!)) removeAlias(ctx, fn, input.Name!);
  return {};
};
