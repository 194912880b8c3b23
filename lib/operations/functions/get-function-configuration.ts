import type { OperationHandler } from '../operation-handler';
import { readFunction } from './function-lifecycle';
import { configurationOf, parseFunctionName, resolveQualifier } from './function-ref';

/** GetFunctionConfiguration: the configuration of `$LATEST`, a version, or the version an alias points to (under the alias's ARN). */
export const getFunctionConfiguration: OperationHandler<'GetFunctionConfiguration'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!, input.Qualifier);
  return configurationOf(resolveQualifier(ctx, readFunction(ctx, ref), ref));
};
