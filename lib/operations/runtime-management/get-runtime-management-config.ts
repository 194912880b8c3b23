import type { OperationHandler } from '../operation-handler';
import { functionArn, getFunctionState, getVersion, parseFunctionName } from '../functions/function-ref';

/**
 * GetRuntimeManagementConfig: the runtime update mode of `$LATEST` or a version (`Auto` until one
 * is put), with the runtime version ARN only in `Manual` mode.
 */
export const getRuntimeManagementConfig: OperationHandler<'GetRuntimeManagementConfig'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!, input.Qualifier);
  const fn = getFunctionState(ctx, ref);
  // An alias names the version it points to: the config is that version's.
  const version = getVersion(ctx, fn, ref).configuration.Version ?? '$LATEST';
  const config = fn.runtimeManagement?.[version];
  return {
    UpdateRuntimeOn: config?.UpdateRuntimeOn ?? 'Auto',
    FunctionArn: functionArn(ctx, fn.name, ref.qualifier),
    ...(config?.RuntimeVersionArn !== undefined ? { RuntimeVersionArn: config.RuntimeVersionArn } : {}),
  };
};
