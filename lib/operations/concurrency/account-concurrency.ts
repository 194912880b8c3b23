import { invalidParameter } from '../../errors/service-error';
import type { OperationContext } from '../operation-handler';

/** The concurrency an account has when no quota is set (what the service grants a new account). */
export const DEFAULT_CONCURRENT_EXECUTIONS = 1000;

/** The account's concurrency limit in this region, and what the functions in it reserve. */
export function accountConcurrency(ctx: OperationContext, exceptFunction?: string) {
  let reserved = 0;
  for (const fn of ctx.table('functions').values()) {
    if (fn.name !== exceptFunction) reserved += fn.reservedConcurrency ?? 0;
  }
  const limit = ctx.concurrencyQuota?.limit ?? DEFAULT_CONCURRENT_EXECUTIONS;
  return { limit, reserved, unreserved: limit - reserved };
}

/**
 * With a quota set (`lambda.setConcurrencyQuota`), refuses a reservation that would leave less than
 * the minimum unreserved concurrency, in the service's words. Without one nothing is enforced (as moto).
 */
export function assertReservationFits(ctx: OperationContext, functionName: string, requested: number): void {
  const quota = ctx.concurrencyQuota;
  if (!quota) return;
  const { unreserved } = accountConcurrency(ctx, functionName);
  if (unreserved - requested < quota.minimumUnreserved) {
    throw invalidParameter(
      `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${quota.minimumUnreserved}].`,
    );
  }
}
