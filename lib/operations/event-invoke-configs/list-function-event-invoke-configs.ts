import type { OperationHandler } from '../operation-handler';
import { paginate } from '../paginate';
import { describeConfig, existingTarget } from './invoke-config-ref';

/** ListFunctionEventInvokeConfigs: every config of a function (its own, its versions' and aliases'), as they were first put, 50 a page at most. */
export const listFunctionEventInvokeConfigs: OperationHandler<'ListFunctionEventInvokeConfigs'> = (input, ctx) => {
  const { fn } = existingTarget(ctx, input.FunctionName!, undefined);
  const configs = Object.entries(fn.eventInvokeConfigs ?? {}).map(([key, config]) => describeConfig(ctx, fn.name, key, config));
  const { page, nextMarker } = paginate(configs, input.Marker, input.MaxItems, 50, 50);
  return { FunctionEventInvokeConfigs: page, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
};
