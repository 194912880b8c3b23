import { invalidParameter } from '../../errors/service-error';
import type { FunctionState } from '../../store/records';
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

/** The provisioned concurrency of every version of a function. */
export const provisionedTotal = (fn: FunctionState, exceptQualifier?: string): number =>
  Object.entries(fn.provisionedConcurrency ?? {}).reduce((sum, [q, c]) => (q === exceptQualifier ? sum : sum + c.requested), 0);

/**
 * What the functions other than `exceptFunction` take from the account's concurrency: a function's
 * reservation, or, without one, its provisioned concurrency, which the service takes from the
 * unreserved pool.
 */
function takenByOthers(ctx: OperationContext, exceptFunction: string): number {
  let taken = 0;
  for (const fn of ctx.table('functions').values()) {
    if (fn.name !== exceptFunction) taken += fn.reservedConcurrency ?? provisionedTotal(fn);
  }
  return taken;
}

/**
 * With a quota set (`lambda.setConcurrencyQuota`), refuses a reservation that would leave less than
 * the minimum unreserved concurrency, in the service's words. Without one nothing is enforced (as moto).
 */
export function assertReservationFits(ctx: OperationContext, functionName: string, requested: number): void {
  const quota = ctx.concurrencyQuota;
  if (!quota) return;
  if (quota.limit - takenByOthers(ctx, functionName) - requested < quota.minimumUnreserved) {
    throw invalidParameter(
      `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${quota.minimumUnreserved}].`,
    );
  }
}

/**
 * With a quota set, refuses provisioned concurrency for a function without a reservation (whose
 * provisioned concurrency comes out of the unreserved pool) that would leave less than the minimum
 * unreserved concurrency. `provisioned` is the function's total once the config is put.
 */
export function assertProvisionedFits(ctx: OperationContext, fn: FunctionState, provisioned: number): void {
  const quota = ctx.concurrencyQuota;
  if (!quota || fn.reservedConcurrency !== undefined) return;
  if (quota.limit - takenByOthers(ctx, fn.name) - provisioned < quota.minimumUnreserved) {
    throw invalidParameter(
      `Specified ConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${quota.minimumUnreserved}].`,
    );
  }
}
