import type { OperationHandler } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';
import { withEntry } from '../../util/name-map';
import { assertPublishedQualifier, configNotFound, configOn, describeConfig, provisionedQualifier, readyConfig } from './provisioned-concurrency';

/** GetProvisionedConcurrencyConfig: one version's config, `READY` once read. */
export const getProvisionedConcurrencyConfig: OperationHandler<'GetProvisionedConcurrencyConfig'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!, input.Qualifier);
  assertPublishedQualifier(ref, 'read');
  const fn = getFunctionState(ctx, ref);
  const qualifier = provisionedQualifier(ctx, fn, ref);
  const config = configOn(fn, qualifier);
  if (!config) throw configNotFound();
  const ready = readyConfig(config);
  if (ready !== config) saveFunction(ctx, { ...fn, provisionedConcurrency: withEntry(fn.provisionedConcurrency, qualifier, ready) });
  return describeConfig(ready);
};
