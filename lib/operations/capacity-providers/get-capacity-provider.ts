import type { OperationHandler } from '../operation-handler';
import { getCapacityProvider } from './capacity-provider-ref';

/** GetCapacityProvider: one provider, by name or ARN. */
export const getCapacityProviderHandler: OperationHandler<'GetCapacityProvider'> = (input, ctx) => ({
  CapacityProvider: getCapacityProvider(ctx, input.CapacityProviderName!).provider,
});
