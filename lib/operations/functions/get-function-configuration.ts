import type { OperationHandler } from '../operation-handler';
import { readFunction } from './function-lifecycle';
import { getVersion, parseFunctionName } from './function-ref';

/** GetFunctionConfiguration: the configuration of `$LATEST` or a version. */
export const getFunctionConfiguration: OperationHandler<'GetFunctionConfiguration'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!, input.Qualifier);
  return getVersion(ctx, readFunction(ctx, ref), ref).configuration;
};
