import type { OperationHandler } from '../operation-handler';
import { paginate } from '../paginate';

/** ListCodeSigningConfigs answers up to 10,000 configs per call. */
const MAX_PER_PAGE = 10_000;

/** ListCodeSigningConfigs: the region's configs in the order they were created, paged. */
export const listCodeSigningConfigs: OperationHandler<'ListCodeSigningConfigs'> = (input, ctx) => {
  const configs = [...ctx.table('codeSigningConfigs').values()].map((record) => record.config);
  const { page, nextMarker } = paginate(configs, input.Marker, input.MaxItems, MAX_PER_PAGE, MAX_PER_PAGE);
  return { CodeSigningConfigs: page, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
};
