import type { OperationHandler } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';
import { attachableConfig } from './code-signing-config-ref';

/** PutFunctionCodeSigningConfig: attaches a config to a function (replacing any other); it applies to later deployments. */
export const putFunctionCodeSigningConfig: OperationHandler<'PutFunctionCodeSigningConfig'> = (input, ctx) => {
  const arn = input.CodeSigningConfigArn!;
  attachableConfig(ctx, arn);
  const fn = getFunctionState(ctx, parseFunctionName(ctx, input.FunctionName!));
  saveFunction(ctx, { ...fn, codeSigningConfigArn: arn });
  return { CodeSigningConfigArn: arn, FunctionName: fn.name };
};
