import type { OperationHandler } from '../operation-handler';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';
import { readConfig } from './allocation-lifecycle';
import { assertPublishedQualifier, configNotFound, describeConfig, provisionedQualifier } from './provisioned-concurrency';

/** GetProvisionedConcurrencyConfig: one version's or alias's config, its allocation complete as the settle mode says. */
export const getProvisionedConcurrencyConfig: OperationHandler<'GetProvisionedConcurrencyConfig'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!, input.Qualifier);
  assertPublishedQualifier(ref, 'read');
  const fn = getFunctionState(ctx, ref);
  const config = readConfig(ctx, fn, provisionedQualifier(ctx, fn, ref));
  if (!config) throw configNotFound();
  return describeConfig(config);
};
