import type { OperationHandler } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';
import { paginate } from '../paginate';
import { listItem, readyConfig } from './provisioned-concurrency';

/** ListProvisionedConcurrencyConfigs: every config of a function, `READY` once read, paged. */
export const listProvisionedConcurrencyConfigs: OperationHandler<'ListProvisionedConcurrencyConfigs'> = (input, ctx) => {
  const fn = getFunctionState(ctx, parseFunctionName(ctx, input.FunctionName!));
  const configs = Object.fromEntries(Object.entries(fn.provisionedConcurrency ?? {}).map(([q, c]) => [q, readyConfig(c)]));
  if (Object.entries(configs).some(([q, c]) => c !== fn.provisionedConcurrency?.[q])) {
    saveFunction(ctx, { ...fn, provisionedConcurrency: configs });
  }
  const items = Object.entries(configs).map(([q, c]) => listItem(ctx, fn, q, c));
  const { page, nextMarker } = paginate(items, input.Marker, input.MaxItems);
  return { ProvisionedConcurrencyConfigs: page, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
};
