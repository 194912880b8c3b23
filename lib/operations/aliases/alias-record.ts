import type { AliasConfiguration, AliasRoutingConfiguration } from '@aws-sdk/client-lambda';
import { invalidParameter, resourceNotFound, validationError } from '../../errors/service-error';
import type { FunctionState } from '../../store/records';
import { entryOf, withEntry, withoutEntry } from '../../util/name-map';
import type { OperationContext } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { aliasNotFound, functionArn, functionNotFound, versionNamed } from '../functions/function-ref';

/** The stored function an alias operation names, or the service's 404 for the unqualified function. */
export function aliasFunction(ctx: OperationContext, name: string): FunctionState {
  const fn = ctx.table('functions').get(name);
  if (!fn) throw functionNotFound(ctx, { name, qualifier: undefined });
  return fn;
}

/** GetAlias's answer for an unknown alias: `Cannot find alias arn: <alias ARN>`. */
export function getAliasOf(ctx: OperationContext, fn: FunctionState, alias: string): Readonly<AliasConfiguration> {
  const found = entryOf(fn.aliases, alias);
  if (!found) throw aliasNotFound(ctx, fn.name, alias);
  return found;
}

/** UpdateAlias's answer for an unknown alias: `Alias not found: <alias ARN>`. */
export const unknownAliasOnUpdate = (ctx: OperationContext, fn: FunctionState, alias: string): Error =>
  resourceNotFound(`Alias not found: ${functionArn(ctx, fn.name, alias)}`);

/** The service's 404 for a version an alias would point to that does not exist: `Function not found: <arn>:<version>`. */
export function assertVersionExists(ctx: OperationContext, fn: FunctionState, version: string): void {
  if (!versionNamed(fn, version)) throw functionNotFound(ctx, { name: fn.name, qualifier: version });
}

/** A double as Java prints it (`1.0`, `0.25`), as the service repeats a weight in its messages. */
const javaDouble = (value: number): string => (Number.isInteger(value) ? value.toFixed(1) : String(value));

/**
 * Checks a routing configuration against the alias's primary version as the service does, and
 * answers the weights to store (`undefined` when there are none). The model has already checked
 * that each key is a version number and each weight within [0, 1].
 */
export function checkRouting(
  ctx: OperationContext,
  fn: FunctionState,
  primary: string,
  routing: AliasRoutingConfiguration | undefined,
): Readonly<Record<string, number>> | undefined {
  const weights = Object.entries(routing?.AdditionalVersionWeights ?? {});
  if (weights.length === 0) return undefined;
  if (weights.length > 1) throw invalidParameter('Number of items in AdditionalVersionWeights cannot be greater than 1');
  const [version, weight] = weights[0]!;
  // The model allows 1.0; the service does not (all the traffic would go to the additional version).
  if (weight >= 1) {
    throw validationError([
      `Value '{${version}=${javaDouble(weight)}}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy constraint: [Member must have value less than or equal to 1.0]`,
    ]);
  }
  if (version === primary) {
    throw invalidParameter(`Invalid function version ${primary}. Function version ${primary} is already included in routing configuration.`);
  }
  if (primary === '$LATEST') throw invalidParameter('$LATEST is not supported for an alias pointing to more than 1 version');
  assertVersionExists(ctx, fn, version);
  return { [version]: weight };
}

/** Stores an alias (replacing one of the same name) on its function. */
export const saveAlias = (ctx: OperationContext, fn: FunctionState, alias: Readonly<AliasConfiguration>): void => {
  saveFunction(ctx, { ...fn, aliases: withEntry(fn.aliases, alias.Name!, alias) });
};

/** Removes an alias, and what lives on it: its resource-based policy, provisioned concurrency, function URL and event invoke configs. */
export function removeAlias(ctx: OperationContext, fn: FunctionState, alias: string): void {
  const provisioned = fn.provisionedConcurrency ? { provisionedConcurrency: withoutEntry(fn.provisionedConcurrency, alias) } : {};
  const policies = fn.policies ? { policies: withoutEntry(fn.policies, alias) } : {};
  const urls = fn.urlConfigs ? { urlConfigs: withoutEntry(fn.urlConfigs, alias) } : {};
  const invokeConfigs = fn.eventInvokeConfigs ? { eventInvokeConfigs: withoutEntry(fn.eventInvokeConfigs, alias) } : {};
  saveFunction(ctx, { ...fn, aliases: withoutEntry(fn.aliases, alias), ...provisioned, ...policies, ...urls, ...invokeConfigs });
}

/** The aliases that run a version: as their primary version or as their additional (weighted) version. */
export const aliasesUsing = (fn: FunctionState, version: string): string[] =>
  Object.values(fn.aliases ?? {})
    .filter((a) => a.FunctionVersion === version || entryOf(a.RoutingConfig?.AdditionalVersionWeights, version) !== undefined)
    .map((a) => a.Name!)
    .sort();
