import type { OperationHandler } from '../operation-handler';
import { paginate } from '../paginate';
import { getCapacityProvider, providerOf } from './capacity-provider-ref';

/** At most 50 versions per call. */
const MAX_PER_PAGE = 50;

/**
 * ListFunctionVersionsByCapacityProvider: the published function versions that run on a provider
 * (`$LATEST` is not deployed to it), with their state, by function name and version, paged.
 */
export const listFunctionVersionsByCapacityProvider: OperationHandler<'ListFunctionVersionsByCapacityProvider'> = (input, ctx) => {
  const arn = getCapacityProvider(ctx, input.CapacityProviderName!).provider.CapacityProviderArn!;
  const functions = [...ctx.table('functions').values()].sort((a, b) => a.name.localeCompare(b.name));
  const versions = functions.flatMap((fn) =>
    fn.versions.filter((v) => providerOf(v.configuration) === arn).map((v) => ({ FunctionArn: v.configuration.FunctionArn!, State: v.configuration.State! })),
  );
  const { page, nextMarker } = paginate(versions, input.Marker, input.MaxItems, MAX_PER_PAGE, MAX_PER_PAGE);
  return { CapacityProviderArn: arn, FunctionVersions: page, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
};
