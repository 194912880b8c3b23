import type { OperationHandler } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';
import { assertReservationFits } from './account-concurrency';

/** PutFunctionConcurrency: reserves concurrency for a function (0 throttles every invoke). */
export const putFunctionConcurrency: OperationHandler<'PutFunctionConcurrency'> = (input, ctx) => {
  const fn = getFunctionState(ctx, parseFunctionName(ctx, input.FunctionName!));
  const requested = input.ReservedConcurrentExecutions!;
  assertReservationFits(ctx, fn.name, requested);
  saveFunction(ctx, { ...fn, reservedConcurrency: requested });
  return { ReservedConcurrentExecutions: requested };
};
