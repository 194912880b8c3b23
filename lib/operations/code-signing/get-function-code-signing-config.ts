import type { HandlerOutput, OperationHandler } from '../operation-handler';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';

/** What the service answers for a function that uses no config: nothing (the model marks both members required). */
const NO_CONFIG = {} as HandlerOutput<'GetFunctionCodeSigningConfig'>;

/** GetFunctionCodeSigningConfig: the config a function uses; an empty answer when it uses none. */
export const getFunctionCodeSigningConfig: OperationHandler<'GetFunctionCodeSigningConfig'> = (input, ctx) => {
  const fn = getFunctionState(ctx, parseFunctionName(ctx, input.FunctionName!));
  if (fn.codeSigningConfigArn === undefined) return NO_CONFIG;
  return { CodeSigningConfigArn: fn.codeSigningConfigArn, FunctionName: fn.name };
};
