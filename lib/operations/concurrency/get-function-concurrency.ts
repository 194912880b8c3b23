import type { OperationHandler } from '../operation-handler';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';

/** GetFunctionConcurrency: the reservation, or an empty answer when there is none. */
export const getFunctionConcurrency: OperationHandler<'GetFunctionConcurrency'> = (input, ctx) => {
  const fn = getFunctionState(ctx, parseFunctionName(ctx, input.FunctionName!));
  return fn.reservedConcurrency === undefined ? {} : { ReservedConcurrentExecutions: fn.reservedConcurrency };
};
