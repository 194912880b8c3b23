import { invalidParameter } from '../../errors/service-error';
import type { OperationHandler } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { scaledVersion } from './scaled-version';

/** PutFunctionScalingConfig (202): the minimum and maximum execution environments of a published version. */
export const putFunctionScalingConfig: OperationHandler<'PutFunctionScalingConfig'> = (input, ctx) => {
  const { fn, version } = scaledVersion(ctx, input.FunctionName!, input.Qualifier!);
  const config = { ...input.FunctionScalingConfig };
  const { MinExecutionEnvironments: min, MaxExecutionEnvironments: max } = config;
  if (min !== undefined && max !== undefined && min > max) {
    throw invalidParameter(`MinExecutionEnvironments (${min}) cannot be greater than MaxExecutionEnvironments (${max}).`);
  }
  saveFunction(ctx, { ...fn, scaling: { ...fn.scaling, [input.Qualifier!]: config } });
  return { FunctionState: version.configuration.State! };
};
