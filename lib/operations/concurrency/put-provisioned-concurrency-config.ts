import { invalidParameter } from '../../errors/service-error';
import type { OperationHandler } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';
import { assertProvisionedFits, provisionedTotal } from './account-concurrency';
import { withEntry } from '../../util/name-map';
import { assertNoOverlappingConfig, assertPublishedQualifier, configTimestamp, describeConfig, provisionedQualifier } from './provisioned-concurrency';

/**
 * PutProvisionedConcurrencyConfig: 202 `IN_PROGRESS` on a version or an alias, in every settle mode; the
 * allocation completes as the mode says (allocation-lifecycle.ts).
 */
export const putProvisionedConcurrencyConfig: OperationHandler<'PutProvisionedConcurrencyConfig'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!, input.Qualifier);
  assertPublishedQualifier(ref, 'put');
  const fn = getFunctionState(ctx, ref);
  const qualifier = provisionedQualifier(ctx, fn, ref);
  assertNoOverlappingConfig(fn, qualifier);
  const requested = input.ProvisionedConcurrentExecutions!;
  // Every version's provisioned concurrency counts against the function's reservation; this version's old config is replaced.
  const total = provisionedTotal(fn, qualifier) + requested;
  if (fn.reservedConcurrency !== undefined && total > fn.reservedConcurrency) {
    throw invalidParameter('Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function');
  }
  assertProvisionedFits(ctx, fn, total);
  const config = { requested, status: 'IN_PROGRESS' as const, lastModified: configTimestamp(ctx.now) };
  saveFunction(ctx, { ...fn, provisionedConcurrency: withEntry(fn.provisionedConcurrency, qualifier, config) });
  ctx.markPending(fn.name);
  return describeConfig(config);
};
