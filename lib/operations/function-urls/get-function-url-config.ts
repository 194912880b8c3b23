import type { OperationHandler } from '../operation-handler';
import { storedUrlConfig } from './url-config-ref';

/** GetFunctionUrlConfig: the URL config of the function or an alias, or `The resource you requested does not exist.` (404). */
export const getFunctionUrlConfig: OperationHandler<'GetFunctionUrlConfig'> = (input, ctx) => ({
  ...storedUrlConfig(ctx, input.FunctionName!, input.Qualifier).config,
});
