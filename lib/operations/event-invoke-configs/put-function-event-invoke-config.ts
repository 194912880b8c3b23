import type { EventInvokeConfigRecord } from '../../store/records';
import type { OperationHandler } from '../operation-handler';
import { assertSomethingToConfigure, checkedDestinations, describeConfig, existingTarget, saveConfig } from './invoke-config-ref';

/**
 * PutFunctionEventInvokeConfig: the asynchronous invocation settings of a function, version or alias,
 * replacing any there (a setting left out is removed). Retries 0–2 and event ages of 60–21,600 s
 * are the model's ranges.
 */
export const putFunctionEventInvokeConfig: OperationHandler<'PutFunctionEventInvokeConfig'> = (input, ctx) => {
  assertSomethingToConfigure(input);
  const target = existingTarget(ctx, input.FunctionName!, input.Qualifier);
  const config: EventInvokeConfigRecord = {
    ...(input.MaximumRetryAttempts !== undefined ? { MaximumRetryAttempts: input.MaximumRetryAttempts } : {}),
    ...(input.MaximumEventAgeInSeconds !== undefined ? { MaximumEventAgeInSeconds: input.MaximumEventAgeInSeconds } : {}),
    DestinationConfig: checkedDestinations(target.fn, input.DestinationConfig),
    lastModified: ctx.now.toISOString(),
  };
  saveConfig(ctx, target, config);
  return describeConfig(ctx, target.fn.name, target.key, config);
};
