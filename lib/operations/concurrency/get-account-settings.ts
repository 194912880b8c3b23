import type { OperationHandler } from '../operation-handler';
import { accountConcurrency } from './account-concurrency';

/** The code-size limits the service documents. */
const CODE_LIMITS = { TotalCodeSize: 80_530_636_800, CodeSizeUnzipped: 262_144_000, CodeSizeZipped: 52_428_800 };

/** GetAccountSettings: limits, and usage computed from the store (TotalCodeSize: every version's package and every layer archive). */
export const getAccountSettings: OperationHandler<'GetAccountSettings'> = (_input, ctx) => {
  const { limit, unreserved } = accountConcurrency(ctx);
  let totalCodeSize = 0;
  let functionCount = 0;
  for (const fn of ctx.table('functions').values()) {
    functionCount += 1;
    totalCodeSize += fn.latest.configuration.CodeSize ?? 0;
    for (const version of fn.versions) totalCodeSize += version.configuration.CodeSize ?? 0;
  }
  // The service counts layer archives in TotalCodeSize too.
  for (const layer of ctx.table('layers').values()) {
    for (const version of layer.versions) totalCodeSize += version.details.Content?.CodeSize ?? 0;
  }
  return {
    // Without a quota reservations are not capped, but the model's range for this member starts at 0.
    AccountLimit: { ...CODE_LIMITS, ConcurrentExecutions: limit, UnreservedConcurrentExecutions: Math.max(0, unreserved) },
    AccountUsage: { TotalCodeSize: totalCodeSize, FunctionCount: functionCount },
  };
};
