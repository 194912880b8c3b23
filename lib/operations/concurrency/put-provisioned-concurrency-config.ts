import { invalidParameter } from '../../errors/service-error';
import { lambdaTimestamp } from '../../util/aws';
import type { OperationHandler } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';
import { accountConcurrency } from './account-concurrency';
import { describeConfig, provisionedQualifier } from './provisioned-concurrency';

/** PutProvisionedConcurrencyConfig: 202 `IN_PROGRESS`; `READY` on the next read. */
export const putProvisionedConcurrencyConfig: OperationHandler<'PutProvisionedConcurrencyConfig'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!, input.Qualifier);
  const fn = getFunctionState(ctx, ref);
  const qualifier = provisionedQualifier(ctx, fn, ref);
  const requested = input.ProvisionedConcurrentExecutions!;
  const others = Object.entries(fn.provisionedConcurrency ?? {})
    .filter(([q]) => q !== qualifier)
    .reduce((sum, [, c]) => sum + c.requested, 0);
  if (fn.reservedConcurrency !== undefined && others + requested > fn.reservedConcurrency) {
    throw invalidParameter(
      `Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function: ${fn.reservedConcurrency}`,
    );
  }
  const { unreserved } = accountConcurrency(ctx);
  const available = fn.reservedConcurrency === undefined ? unreserved - (ctx.concurrencyQuota?.minimumUnreserved ?? 0) : Infinity;
  if (others + requested > available) {
    throw invalidParameter(`Specified ConcurrentExecutions for function is greater than account's unreserved concurrency [${unreserved}].`);
  }
  const config = { requested, status: 'IN_PROGRESS' as const, lastModified: lambdaTimestamp(ctx.now) };
  saveFunction(ctx, { ...fn, provisionedConcurrency: { ...fn.provisionedConcurrency, [qualifier]: config } });
  return describeConfig(config);
};
