import type { OperationHandler } from '../operation-handler';
import { functionArn } from '../functions/function-ref';
import { DEFAULT_MIN_EXECUTION_ENVIRONMENTS, scaledVersion } from './scaled-version';

/**
 * GetFunctionScalingConfig: the scaling a published version of a Lambda Managed Instances function
 * asked for (once put) and the one applied (applied at once here: there are no instances to scale).
 */
export const getFunctionScalingConfig: OperationHandler<'GetFunctionScalingConfig'> = (input, ctx) => {
  const { fn } = scaledVersion(ctx, input.FunctionName!, input.Qualifier!);
  const requested = fn.scaling?.[input.Qualifier!];
  return {
    FunctionArn: functionArn(ctx, fn.name, input.Qualifier),
    AppliedFunctionScalingConfig: requested ?? { MinExecutionEnvironments: DEFAULT_MIN_EXECUTION_ENVIRONMENTS },
    ...(requested ? { RequestedFunctionScalingConfig: requested } : {}),
  };
};
