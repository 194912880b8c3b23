import { lambdaTimestamp } from '../../util/aws';
import type { OperationHandler } from '../operation-handler';
import { capacityProviderName, getCapacityProvider } from './capacity-provider-ref';

/** UpdateCapacityProvider (202): replaces the provider's scaling configuration when one is given. */
export const updateCapacityProvider: OperationHandler<'UpdateCapacityProvider'> = (input, ctx) => {
  const record = getCapacityProvider(ctx, input.CapacityProviderName!);
  const provider = {
    ...record.provider,
    ...(input.CapacityProviderScalingConfig !== undefined ? { CapacityProviderScalingConfig: input.CapacityProviderScalingConfig } : {}),
    LastModified: lambdaTimestamp(ctx.now),
  };
  ctx.table('capacityProviders').set(capacityProviderName(input.CapacityProviderName!), { ...record, provider });
  return { CapacityProvider: provider };
};
