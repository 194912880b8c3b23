import type { OperationHandler } from '../operation-handler';
import { paginate } from '../paginate';

/** ListCapacityProviders answers at most 50 providers per call. */
const MAX_PER_PAGE = 50;

/** ListCapacityProviders: the region's providers in the order they were created, by `State` if asked, paged. */
export const listCapacityProviders: OperationHandler<'ListCapacityProviders'> = (input, ctx) => {
  const providers = [...ctx.table('capacityProviders').values()]
    .map((record) => record.provider)
    .filter((provider) => input.State === undefined || provider.State === input.State);
  const { page, nextMarker } = paginate(providers, input.Marker, input.MaxItems, MAX_PER_PAGE, MAX_PER_PAGE);
  return { CapacityProviders: page, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
};
