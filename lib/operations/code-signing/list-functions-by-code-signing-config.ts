import type { OperationHandler } from '../operation-handler';
import { functionArn } from '../functions/function-ref';
import { paginate } from '../paginate';
import { functionsUsing, getCodeSigningConfig } from './code-signing-config-ref';

/** As ListCodeSigningConfigs: up to 10,000 per call. */
const MAX_PER_PAGE = 10_000;

/** ListFunctionsByCodeSigningConfig: the ARNs of the functions that use a config, by name, paged. */
export const listFunctionsByCodeSigningConfig: OperationHandler<'ListFunctionsByCodeSigningConfig'> = (input, ctx) => {
  const arn = input.CodeSigningConfigArn!;
  getCodeSigningConfig(ctx, arn);
  const arns = functionsUsing(ctx, arn).map((name) => functionArn(ctx, name));
  const { page, nextMarker } = paginate(arns, input.Marker, input.MaxItems, MAX_PER_PAGE, MAX_PER_PAGE);
  return { FunctionArns: page, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
};
