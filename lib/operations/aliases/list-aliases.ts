import type { OperationHandler } from '../operation-handler';
import { parseFunctionName } from '../functions/function-ref';
import { paginate } from '../paginate';
import { aliasFunction } from './alias-record';

/** ListAliases: a function's aliases by name, those pointing to `FunctionVersion` only when it is given, paged. */
export const listAliases: OperationHandler<'ListAliases'> = (input, ctx) => {
  const fn = aliasFunction(ctx, parseFunctionName(ctx, input.FunctionName!).name);
  const aliases = Object.values(fn.aliases ?? {})
    .filter((a) => input.FunctionVersion === undefined || a.FunctionVersion === input.FunctionVersion)
    .sort((a, b) => (a.Name! < b.Name! ? -1 : a.Name! > b.Name! ? 1 : 0));
  const { page, nextMarker } = paginate(aliases, input.Marker, input.MaxItems);
  return { Aliases: page, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
};
