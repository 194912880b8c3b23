import type { CapacityProviderConfig, FunctionConfiguration } from '@aws-sdk/client-lambda';
import { resourceNotFound } from '../../errors/service-error';
import type { CapacityProviderRecord, FunctionState } from '../../store/records';
import type { OperationContext } from '../operation-handler';

/** `arn:aws:lambda:<region>:<account>:capacity-provider:<name>` */
export const capacityProviderArn = (ctx: OperationContext, name: string): string =>
  `arn:${ctx.partition}:lambda:${ctx.region}:${ctx.accountId}:capacity-provider:${name}`;

/** The name a request gives as a name or an ARN (validation has matched the model's pattern). */
export const capacityProviderName = (nameOrArn: string): string => nameOrArn.slice(nameOrArn.lastIndexOf(':') + 1);

/** The service's 404 for a capacity provider it does not know. */
export const capacityProviderNotFound = (ctx: OperationContext, name: string): Error =>
  resourceNotFound(`Capacity provider not found: ${capacityProviderArn(ctx, name)}`);

/**
 * The stored provider a request names. An ARN of another account or region names a provider this
 * region does not have.
 */
export function getCapacityProvider(ctx: OperationContext, nameOrArn: string): CapacityProviderRecord {
  const name = capacityProviderName(nameOrArn);
  const record = ctx.table('capacityProviders').get(name);
  if (!record || (nameOrArn.startsWith('arn:') && nameOrArn !== record.provider.CapacityProviderArn)) {
    throw capacityProviderNotFound(ctx, name);
  }
  return record;
}

/** The capacity provider ARN a function version's configuration names, if any. */
export const providerOf = (configuration: Readonly<FunctionConfiguration>): string | undefined =>
  configuration.CapacityProviderConfig?.LambdaManagedInstancesCapacityProviderConfig?.CapacityProviderArn;

/** Whether any version of a function (`$LATEST` included) runs on the provider. */
export const usesProvider = (fn: FunctionState, arn: string): boolean =>
  providerOf(fn.latest.configuration) === arn || fn.versions.some((v) => providerOf(v.configuration) === arn);

/**
 * The `CapacityProviderConfig` CreateFunction records, whose provider must exist in this region:
 * a function of Lambda Managed Instances runs on it.
 */
export function capacityProviderConfigOf(
  ctx: OperationContext,
  config: Readonly<CapacityProviderConfig> | undefined,
): { CapacityProviderConfig?: CapacityProviderConfig } {
  if (config === undefined) return {};
  const arn = config.LambdaManagedInstancesCapacityProviderConfig!.CapacityProviderArn!;
  getCapacityProvider(ctx, arn);
  return { CapacityProviderConfig: { LambdaManagedInstancesCapacityProviderConfig: { ...config.LambdaManagedInstancesCapacityProviderConfig! } } };
}
