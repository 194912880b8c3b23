import type { ProvisionedConcurrencyConfigListItem } from '@aws-sdk/client-lambda';
import { invalidParameter, ServiceError } from '../../errors/service-error';
import type { FunctionState, ProvisionedConcurrencyState } from '../../store/records';
import type { OperationContext } from '../operation-handler';
import { functionArn, getVersion, type FunctionRef } from '../functions/function-ref';

/** The qualifier a provisioned concurrency config is on: a published version, never `$LATEST`. */
export function provisionedQualifier(ctx: OperationContext, fn: FunctionState, ref: FunctionRef): string {
  const qualifier = ref.qualifier;
  if (qualifier === undefined || qualifier === '$LATEST') {
    throw invalidParameter('Provisioned Concurrency Configs cannot be applied to unpublished function versions.');
  }
  getVersion(ctx, fn, ref); // an unknown version is the service's 404
  return qualifier;
}

export const configNotFound = (): ServiceError =>
  new ServiceError('ProvisionedConcurrencyConfigNotFoundException', 'No Provisioned Concurrency Config found for this function');

/** A config as a read answers it: allocation completes on the next read after a change. */
export function readyConfig(config: ProvisionedConcurrencyState): ProvisionedConcurrencyState {
  return config.status === 'READY' ? config : { ...config, status: 'READY' };
}

/** The members the service answers for a config. */
export function describeConfig(config: ProvisionedConcurrencyState) {
  const allocated = config.status === 'READY' ? config.requested : 0;
  return {
    RequestedProvisionedConcurrentExecutions: config.requested,
    AvailableProvisionedConcurrentExecutions: allocated,
    AllocatedProvisionedConcurrentExecutions: allocated,
    Status: config.status,
    LastModified: config.lastModified,
  };
}

export const listItem = (ctx: OperationContext, fn: FunctionState, qualifier: string, config: ProvisionedConcurrencyState): ProvisionedConcurrencyConfigListItem => ({
  FunctionArn: functionArn(ctx, fn.name, qualifier),
  ...describeConfig(config),
});
