import type { OperationHandler } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';

/** DeleteFunctionCodeSigningConfig (204): the function no longer uses a config (nothing changes if it used none). */
export const deleteFunctionCodeSigningConfig: OperationHandler<'DeleteFunctionCodeSigningConfig'> = (input, ctx) => {
  const fn = getFunctionState(ctx, parseFunctionName(ctx, input.FunctionName!));
  if (fn.codeSigningConfigArn !== undefined) {
    const { codeSigningConfigArn: _removed, ...rest } = fn;
    saveFunction(ctx, rest);
  }
  return {};
};
