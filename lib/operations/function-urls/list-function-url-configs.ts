import type { OperationHandler } from '../operation-handler';
import { paginate } from '../paginate';
import { functionMissing, UNQUALIFIED, urlTarget } from './url-config-ref';

/** ListFunctionUrlConfigs: the function's URL and its aliases' (by alias name), 50 a page at most; none is `[]`. */
export const listFunctionUrlConfigs: OperationHandler<'ListFunctionUrlConfigs'> = (input, ctx) => {
  const { fn } = urlTarget(ctx, input.FunctionName!, undefined, functionMissing);
  const keys = Object.keys(fn.urlConfigs ?? {}).sort((a, b) => (a === UNQUALIFIED ? -1 : b === UNQUALIFIED ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const { page, nextMarker } = paginate(keys.map((key) => fn.urlConfigs![key]!), input.Marker, input.MaxItems, 50, 50);
  return { FunctionUrlConfigs: page, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
};
