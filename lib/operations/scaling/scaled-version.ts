import { invalidParameter } from '../../errors/service-error';
import type { FunctionState, FunctionVersionState } from '../../store/records';
import type { OperationContext } from '../operation-handler';
import { providerOf } from '../capacity-providers/capacity-provider-ref';
import { functionNotFound, getFunctionState, parseFunctionName } from '../functions/function-ref';

/** The minimum number of execution environments a version keeps when none is put. */
export const DEFAULT_MIN_EXECUTION_ENVIRONMENTS = 3;

/**
 * The function and published version a scaling request names: a number, or `$LATEST.PUBLISHED` for
 * the newest published version. Only a function on a capacity provider (Lambda Managed Instances) scales.
 */
export function scaledVersion(
  ctx: OperationContext,
  functionName: string,
  qualifier: string,
): { fn: FunctionState; version: FunctionVersionState } {
  const ref = parseFunctionName(ctx, functionName, qualifier);
  const fn = getFunctionState(ctx, ref);
  const version = qualifier === '$LATEST.PUBLISHED' ? fn.versions[fn.versions.length - 1] : fn.versions.find((v) => v.configuration.Version === qualifier);
  if (!version) throw functionNotFound(ctx, ref);
  if (providerOf(version.configuration) === undefined) {
    throw invalidParameter(`Function scaling configuration is only supported for functions that use a capacity provider: ${version.configuration.FunctionArn}`);
  }
  return { fn, version };
}
