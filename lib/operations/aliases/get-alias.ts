import type { OperationHandler } from '../operation-handler';
import { parseFunctionName } from '../functions/function-ref';
import { aliasFunction, getAliasOf } from './alias-record';

/** GetAlias: one alias, or `Cannot find alias arn: …` (404). */
export const getAlias: OperationHandler<'GetAlias'> = (input, ctx) => {
  const fn = aliasFunction(ctx, parseFunctionName(ctx, input.FunctionName!).name);
  return getAliasOf(ctx, fn, input.Name!);
};
