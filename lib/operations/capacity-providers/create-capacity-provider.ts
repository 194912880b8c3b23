import { resourceConflict } from '../../errors/service-error';
import { lambdaTimestamp } from '../../util/aws';
import type { OperationHandler } from '../operation-handler';
import { checkTags, tagMap } from '../tags/tag-limits';
import { capacityProviderArn, capacityProviderName } from './capacity-provider-ref';

/**
 * CreateCapacityProvider (202): a provider for Lambda Managed Instances. The answer reports it
 * `Pending`, as AWS does while it sets the provider up; every later command sees it `Active`.
 */
export const createCapacityProvider: OperationHandler<'CreateCapacityProvider'> = (input, ctx) => {
  const name = capacityProviderName(input.CapacityProviderName!);
  const table = ctx.table('capacityProviders');
  if (table.has(name)) throw resourceConflict(`Capacity provider already exists: ${capacityProviderArn(ctx, name)}`);
  const tags = tagMap(input.Tags ?? {});
  checkTags(tags);
  const provider = {
    CapacityProviderArn: capacityProviderArn(ctx, name),
    State: 'Active' as const,
    VpcConfig: { SubnetIds: [...input.VpcConfig!.SubnetIds!], SecurityGroupIds: [...(input.VpcConfig!.SecurityGroupIds ?? [])] },
    PermissionsConfig: { ...input.PermissionsConfig! },
    ...(input.InstanceRequirements !== undefined ? { InstanceRequirements: input.InstanceRequirements } : {}),
    ...(input.CapacityProviderScalingConfig !== undefined ? { CapacityProviderScalingConfig: input.CapacityProviderScalingConfig } : {}),
    ...(input.KmsKeyArn !== undefined ? { KmsKeyArn: input.KmsKeyArn } : {}),
    LastModified: lambdaTimestamp(ctx.now),
  };
  table.set(name, { provider, tags });
  return { CapacityProvider: { ...provider, State: 'Pending' } };
};
