import type { OperationHandler } from '../operation-handler';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';
import { paginate } from '../paginate';

/** ListVersionsByFunction: `$LATEST`, then every published version in order, paged. */
export const listVersionsByFunction: OperationHandler<'ListVersionsByFunction'> = (input, ctx) => {
  const fn = getFunctionState(ctx, parseFunctionName(ctx, input.FunctionName!));
  const all = [fn.latest.configuration, ...fn.versions.map((v) => v.configuration)];
  const { page, nextMarker } = paginate(all, input.Marker, input.MaxItems);
  return { Versions: page, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
};
