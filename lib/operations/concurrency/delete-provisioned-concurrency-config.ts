import type { OperationHandler } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';
import { assertPublishedQualifier, provisionedQualifier } from './provisioned-concurrency';

/**
 * DeleteProvisionedConcurrencyConfig: removes one version's config (204). Idempotent, as the
 * service: a version without a config also answers 204 (only Get answers
 * ProvisionedConcurrencyConfigNotFoundException).
 */
export const deleteProvisionedConcurrencyConfig: OperationHandler<'DeleteProvisionedConcurrencyConfig'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!, input.Qualifier);
  assertPublishedQualifier(ref, 'read');
  const fn = getFunctionState(ctx, ref);
  const qualifier = provisionedQualifier(ctx, fn, ref);
  if (fn.provisionedConcurrency?.[qualifier]) {
    const { [qualifier]: _removed, ...rest } = fn.provisionedConcurrency;
    saveFunction(ctx, { ...fn, provisionedConcurrency: rest });
  }
  return {};
};
