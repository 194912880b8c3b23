import { entryOf } from '../../util/name-map';
import type { EventInvokeConfigRecord } from '../../store/records';
import type { OperationHandler } from '../operation-handler';
import { assertSomethingToConfigure, checkedDestinations, describeConfig, existingTarget, noConfig, saveConfig } from './invoke-config-ref';

/**
 * UpdateFunctionEventInvokeConfig: changes the settings given and keeps the others (a
 * `DestinationConfig` given replaces the destinations). The config must exist.
 */
export const updateFunctionEventInvokeConfig: OperationHandler<'UpdateFunctionEventInvokeConfig'> = (input, ctx) => {
  assertSomethingToConfigure(input);
  const target = existingTarget(ctx, input.FunctionName!, input.Qualifier);
  const current = entryOf(target.fn.eventInvokeConfigs, target.key);
  if (!current) throw noConfig(ctx, target.fn.name, target.key);
  const config: EventInvokeConfigRecord = {
    ...current,
    ...(input.MaximumRetryAttempts !== undefined ? { MaximumRetryAttempts: input.MaximumRetryAttempts } : {}),
    ...(input.MaximumEventAgeInSeconds !== undefined ? { MaximumEventAgeInSeconds: input.MaximumEventAgeInSeconds } : {}),
    ...(input.DestinationConfig !== undefined ? { DestinationConfig: checkedDestinations(target.fn, input.DestinationConfig) } : {}),
    lastModified: ctx.now.toISOString(),
  };
  saveConfig(ctx, target, config);
  return describeConfig(ctx, target.fn.name, target.key, config);
};
