import { resourceConflict } from '../../errors/service-error';
import type { OperationHandler } from '../operation-handler';
import { capacityProviderName, getCapacityProvider, usesProvider } from './capacity-provider-ref';

/**
 * DeleteCapacityProvider (202): answers the provider `Deleting` and removes it. A provider that
 * function versions run on cannot be deleted (the service's 409).
 */
export const deleteCapacityProvider: OperationHandler<'DeleteCapacityProvider'> = (input, ctx) => {
  const { provider } = getCapacityProvider(ctx, input.CapacityProviderName!);
  const arn = provider.CapacityProviderArn!;
  const users = [...ctx.table('functions').values()].filter((fn) => usesProvider(fn, arn)).map((fn) => fn.name).sort();
  if (users.length > 0) {
    throw resourceConflict(`Capacity provider ${arn} cannot be deleted because it is used by the following functions: [${users.join(', ')}]`);
  }
  ctx.table('capacityProviders').delete(capacityProviderName(input.CapacityProviderName!));
  return { CapacityProvider: { ...provider, State: 'Deleting' } };
};
