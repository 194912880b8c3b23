import type { OperationHandler } from '../operation-handler';
import { paginate } from '../paginate';
import { describeConfig, existingTarget, UNQUALIFIED } from './invoke-config-ref';

/** `$LATEST` first, then versions by number, then aliases by name. */
function byQualifier(a: string, b: string): number {
  const rank = (key: string) => (key === UNQUALIFIED ? 0 : /^\d+$/.test(key) ? 1 : 2);
  return rank(a) - rank(b) || (rank(a) === 1 ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0);
}

/** ListFunctionEventInvokeConfigs: every config of a function (its own, its versions' and aliases'), 50 a page at most. */
export const listFunctionEventInvokeConfigs: OperationHandler<'ListFunctionEventInvokeConfigs'> = (input, ctx) => {
  const { fn } = existingTarget(ctx, input.FunctionName!, undefined);
  const configs = Object.keys(fn.eventInvokeConfigs ?? {})
    .sort(byQualifier)
    .map((key) => describeConfig(ctx, fn.name, key, fn.eventInvokeConfigs![key]!));
  const { page, nextMarker } = paginate(configs, input.Marker, input.MaxItems, 50, 50);
  return { FunctionEventInvokeConfigs: page, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
};
