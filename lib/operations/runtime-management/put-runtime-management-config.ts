import { invalidParameter } from '../../errors/service-error';
import type { OperationHandler } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { functionArn, getFunctionState, getVersion, parseFunctionName } from '../functions/function-ref';

/**
 * PutRuntimeManagementConfig: the runtime update mode of `$LATEST` or a version. `Manual` pins a
 * runtime version and needs its ARN; `Auto` and `FunctionUpdate` take none.
 */
export const putRuntimeManagementConfig: OperationHandler<'PutRuntimeManagementConfig'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!, input.Qualifier);
  const fn = getFunctionState(ctx, ref);
  // An alias names the version it points to: the config is that version's.
  const version = getVersion(ctx, fn, ref).configuration.Version ?? '$LATEST';
  const mode = input.UpdateRuntimeOn!;
  const versionArn = input.RuntimeVersionArn;
  if (mode === 'Manual' && versionArn === undefined) {
    throw invalidParameter('RuntimeVersionArn is required when UpdateRuntimeOn is Manual.');
  }
  if (mode !== 'Manual' && versionArn !== undefined) {
    throw invalidParameter(`RuntimeVersionArn can only be set when UpdateRuntimeOn is Manual, not ${mode}.`);
  }
  const config = { UpdateRuntimeOn: mode, ...(versionArn !== undefined ? { RuntimeVersionArn: versionArn } : {}) };
  saveFunction(ctx, { ...fn, runtimeManagement: { ...fn.runtimeManagement, [version]: config } });
  return { FunctionArn: functionArn(ctx, fn.name, ref.qualifier), ...config };
};
