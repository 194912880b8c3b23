import type { OperationHandler } from '../operation-handler';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';

/** GetFunctionRecursionConfig: the function's recursive loop detection, `Terminate` until put. */
export const getFunctionRecursionConfig: OperationHandler<'GetFunctionRecursionConfig'> = (input, ctx) => {
  const fn = getFunctionState(ctx, parseFunctionName(ctx, input.FunctionName!));
  return { RecursiveLoop: fn.recursiveLoop ?? 'Terminate' };
};
