import type { OperationHandler } from '../operation-handler';
import { describeConfig, storedConfig } from './invoke-config-ref';

/** GetFunctionEventInvokeConfig: the config of a function (`$LATEST`), version or alias, or the service's 404. */
export const getFunctionEventInvokeConfig: OperationHandler<'GetFunctionEventInvokeConfig'> = (input, ctx) => {
  const { fn, key, config } = storedConfig(ctx, input.FunctionName!, input.Qualifier);
  return describeConfig(ctx, fn.name, key, config);
};
