import type { OperationHandler } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';
import { configNotFound, provisionedQualifier } from './provisioned-concurrency';

/** DeleteProvisionedConcurrencyConfig: removes one version's config (204). */
export const deleteProvisionedConcurrencyConfig: OperationHandler<'DeleteProvisionedConcurrencyConfig'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!, input.Qualifier);
  const fn = getFunctionState(ctx, ref);
  const qualifier = provisionedQualifier(ctx, fn, ref);
  if (!fn.provisionedConcurrency?.[qualifier]) throw configNotFound();
  const { [qualifier]: _removed, ...rest } = fn.provisionedConcurrency;
  saveFunction(ctx, { ...fn, provisionedConcurrency: rest });
  return {};
};
