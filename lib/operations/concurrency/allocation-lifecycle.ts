import type { FunctionState, ProvisionedConcurrencyState } from '../../store/records';
import { entryOf, withEntry } from '../../util/name-map';
import type { OperationContext } from '../operation-handler';
import { saveFunction } from '../functions/function-record';

// A provisioned concurrency allocation (`IN_PROGRESS` → `READY`) completes when a function's own
// transitions do, by the settle mode: before the next command (`instant`), when the config is read
// (`on-read`), or at `lambda.settle()` (`manual`). Put marks the function pending, so that settling
// finds it through the backend's pending index instead of scanning every function.

const inProgress = (config: ProvisionedConcurrencyState): boolean => config.status === 'IN_PROGRESS';

const ready = (config: ProvisionedConcurrencyState): ProvisionedConcurrencyState =>
  inProgress(config) ? { ...config, status: 'READY' } : config;

/**
 * Whether any of the function's provisioned concurrency configs is still being allocated.
 *
 * @example
 * ```ts
 * if (allocationInProgress(fn)) markPending(accountId, region, fn.name); // lambda.load() of a snapshot taken mid-allocation
 * ```
 */
export const allocationInProgress = (fn: FunctionState): boolean =>
  Object.values(fn.provisionedConcurrency ?? {}).some(inProgress);

/**
 * The function with every allocation complete (`READY`), or `fn` itself when none is in progress,
 * so that settling a function with nothing to do stores nothing. Its outer objects are new and
 * unfrozen: store it with `saveFunction` or `putRecord`, which freeze it.
 *
 * @example
 * ```ts
 * root = putRecord(root, accountId, region, 'functions', fn.name, completeAllocations(fn)); // lambda.settle()
 * ```
 */
export function completeAllocations(fn: FunctionState): FunctionState {
  if (!allocationInProgress(fn)) return fn;
  const configs = Object.create(null) as Record<string, ProvisionedConcurrencyState>;
  for (const [qualifier, config] of Object.entries(fn.provisionedConcurrency!)) configs[qualifier] = ready(config);
  return { ...fn, provisionedConcurrency: configs };
}

/**
 * One config as GetProvisionedConcurrencyConfig sees it: with `settle: 'on-read'` reading it
 * completes its allocation (stored); in the other modes a read changes nothing.
 *
 * @example
 * ```ts
 * const config = readConfig(ctx, fn, '1'); // READY from now on, in on-read mode
 * ```
 */
export function readConfig(ctx: OperationContext, fn: FunctionState, qualifier: string): ProvisionedConcurrencyState | undefined {
  const config = entryOf(fn.provisionedConcurrency, qualifier);
  if (!config || ctx.settleMode !== 'on-read' || !inProgress(config)) return config;
  const completed = ready(config);
  saveFunction(ctx, { ...fn, provisionedConcurrency: withEntry(fn.provisionedConcurrency, qualifier, completed) });
  return completed;
}

/**
 * The function as ListProvisionedConcurrencyConfigs sees it: with `settle: 'on-read'` the listing
 * completes every allocation of the function (stored), as ListFunctions settles every function.
 *
 * @example
 * ```ts
 * const configs = readConfigs(ctx, fn).provisionedConcurrency ?? {};
 * ```
 */
export function readConfigs(ctx: OperationContext, fn: FunctionState): FunctionState {
  if (ctx.settleMode !== 'on-read' || !allocationInProgress(fn)) return fn;
  return saveFunction(ctx, completeAllocations(fn));
}
