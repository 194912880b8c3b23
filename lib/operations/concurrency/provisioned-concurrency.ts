import type { ProvisionedConcurrencyConfigListItem } from '@aws-sdk/client-lambda';
import { invalidParameter, resourceConflict, ServiceError } from '../../errors/service-error';
import type { FunctionState, ProvisionedConcurrencyState } from '../../store/records';
import { entryOf } from '../../util/name-map';
import type { OperationContext } from '../operation-handler';
import { functionArn, resolveQualifier, type FunctionRef } from '../functions/function-ref';

/**
 * Refuses `$LATEST` before the function is even looked up, as the service does. Put words it
 * differently from Get and Delete.
 */
export function assertPublishedQualifier(ref: FunctionRef, operation: 'put' | 'read'): void {
  if (ref.qualifier !== '$LATEST') return;
  throw invalidParameter(
    operation === 'put'
      ? 'Provisioned Concurrency Configs cannot be applied to unpublished function versions.'
      : 'The function resource provided must be an alias or a published version.',
  );
}

/**
 * The published version or alias a config is on; an unknown version is the service's 404
 * (`Function not found: …:N`), an unknown alias `Cannot find alias arn: …`.
 */
export function provisionedQualifier(ctx: OperationContext, fn: FunctionState, ref: FunctionRef): string {
  // Qualifier is required (validation has checked it), so it is always there.
  resolveQualifier(ctx, fn, ref, 'alias');
  return ref.qualifier!;
}

/** A function's config on one version or alias (an own key only: an alias may be named `constructor`). */
export const configOn = (fn: FunctionState, qualifier: string): ProvisionedConcurrencyState | undefined =>
  entryOf(fn.provisionedConcurrency, qualifier);

/**
 * The service's 409s for a version and an alias pointing to it both having a config: an alias whose
 * version has one, or a version an alias with one points to.
 */
export function assertNoOverlappingConfig(fn: FunctionState, qualifier: string): void {
  const alias = entryOf(fn.aliases, qualifier);
  if (alias) {
    if (configOn(fn, alias.FunctionVersion!)) {
      throw resourceConflict("Alias can't be used for Provisioned Concurrency configuration on an already Provisioned version");
    }
    return;
  }
  const pointing = Object.values(fn.aliases ?? {}).some((a) => a.FunctionVersion === qualifier && configOn(fn, a.Name!));
  if (pointing) throw resourceConflict('Version is pointed by a Provisioned Concurrency alias');
}

export const configNotFound = (): ServiceError =>
  new ServiceError('ProvisionedConcurrencyConfigNotFoundException', 'No Provisioned Concurrency Config found for this function');

/** `LastModified` of a config as the service writes it: to the second, `2019-12-31T20:28:49+0000` (no milliseconds, unlike functions). */
export const configTimestamp = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, '+0000');

/** The members the service answers for a config: nothing allocated until it is `READY`. */
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
