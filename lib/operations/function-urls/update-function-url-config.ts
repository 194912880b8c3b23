import type { FunctionUrlConfig } from '@aws-sdk/client-lambda';
import { lambdaTimestamp } from '../../util/aws';
import type { OperationHandler } from '../operation-handler';
import { saveUrlConfig, storedUrlConfig } from './url-config-ref';

/** UpdateFunctionUrlConfig: a new auth type, CORS configuration (replaced whole) or invoke mode; the URL stays the same. */
export const updateFunctionUrlConfig: OperationHandler<'UpdateFunctionUrlConfig'> = (input, ctx) => {
  const { config: current, ...target } = storedUrlConfig(ctx, input.FunctionName!, input.Qualifier);
  const config: FunctionUrlConfig = {
    ...current,
    ...(input.AuthType !== undefined ? { AuthType: input.AuthType } : {}),
    ...(input.Cors !== undefined ? { Cors: input.Cors } : {}),
    ...(input.InvokeMode !== undefined ? { InvokeMode: input.InvokeMode } : {}),
    LastModifiedTime: lambdaTimestamp(ctx.now),
  };
  saveUrlConfig(ctx, target, config);
  return config;
};
