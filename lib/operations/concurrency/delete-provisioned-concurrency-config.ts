import type { OperationHandler } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';
import { withoutEntry } from '../../util/name-map';
import { assertPublishedQualifier, configOn, provisionedQualifier } from './provisioned-concurrency';

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
  if (configOn(fn, qualifier)) saveFunction(ctx, { ...fn, provisionedConcurrency: withoutEntry(fn.provisionedConcurrency, qualifier) });
  return {};
};
