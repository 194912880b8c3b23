import type { DurableConfig } from '@aws-sdk/client-lambda';

/** How long a closed execution's history is kept when the function does not say (days). */
const DEFAULT_RETENTION_DAYS = 14;

/**
 * A function's `DurableConfig` as the service answers it: what CreateFunction was given, with the
 * retention period's default. A function created without it is not durable.
 */
export function durableConfigOf(input: Readonly<DurableConfig> | undefined): { DurableConfig?: DurableConfig } {
  if (input === undefined) return {};
  return { DurableConfig: { ...input, RetentionPeriodInDays: input.RetentionPeriodInDays ?? DEFAULT_RETENTION_DAYS } };
}
