import type { OperationHandler } from '../operation-handler';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';
import { paginate } from '../paginate';
import { readConfigs } from './allocation-lifecycle';
import { listItem } from './provisioned-concurrency';

/** ListProvisionedConcurrencyConfigs: every config of a function, their allocations complete as the settle mode says, paged. */
export const listProvisionedConcurrencyConfigs: OperationHandler<'ListProvisionedConcurrencyConfigs'> = (input, ctx) => {
  const fn = readConfigs(ctx, getFunctionState(ctx, parseFunctionName(ctx, input.FunctionName!)));
  const items = Object.entries(fn.provisionedConcurrency ?? {}).map(([q, c]) => listItem(ctx, fn, q, c));
  const { page, nextMarker } = paginate(items, input.Marker, input.MaxItems);
  return { ProvisionedConcurrencyConfigs: page, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
};
