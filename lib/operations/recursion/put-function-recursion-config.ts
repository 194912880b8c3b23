import type { OperationHandler } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';

/**
 * PutFunctionRecursionConfig: `Allow` lets recursive loops run; `Terminate` (the default) stops them.
 * (A loop of Lambda destinations reads it: lib/operations/invocation/invocation-chain.ts.)
 */
export const putFunctionRecursionConfig: OperationHandler<'PutFunctionRecursionConfig'> = (input, ctx) => {
  const fn = getFunctionState(ctx, parseFunctionName(ctx, input.FunctionName!));
  saveFunction(ctx, { ...fn, recursiveLoop: input.RecursiveLoop! });
  return { RecursiveLoop: input.RecursiveLoop! };
};
