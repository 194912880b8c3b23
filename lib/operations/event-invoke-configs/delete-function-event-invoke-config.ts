import { withoutEntry } from '../../util/name-map';
import type { OperationHandler } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { storedConfig } from './invoke-config-ref';

/** DeleteFunctionEventInvokeConfig (204): removes the config of a function, version or alias; none there is the service's 404. */
export const deleteFunctionEventInvokeConfig: OperationHandler<'DeleteFunctionEventInvokeConfig'> = (input, ctx) => {
  const { fn, key } = storedConfig(ctx, input.FunctionName!, input.Qualifier);
  saveFunction(ctx, { ...fn, eventInvokeConfigs: withoutEntry(fn.eventInvokeConfigs, key) });
  return {};
};
