import type { OperationHandler } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';

/** DeleteFunctionConcurrency: removes the reservation (204). */
export const deleteFunctionConcurrency: OperationHandler<'DeleteFunctionConcurrency'> = (input, ctx) => {
  const fn = getFunctionState(ctx, parseFunctionName(ctx, input.FunctionName!));
  if (fn.reservedConcurrency !== undefined) {
    const { reservedConcurrency: _removed, ...rest } = fn;
    saveFunction(ctx, rest);
  }
  return {};
};
