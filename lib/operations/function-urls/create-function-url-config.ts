import type { FunctionUrlConfig } from '@aws-sdk/client-lambda';
import { resourceConflict } from '../../errors/service-error';
import { lambdaTimestamp } from '../../util/aws';
import { entryOf } from '../../util/name-map';
import type { OperationHandler } from '../operation-handler';
import { functionMissing, newFunctionUrl, saveUrlConfig, urlFunctionArn, urlTarget } from './url-config-ref';

/**
 * CreateFunctionUrlConfig (201): a function URL for the function or one of its aliases,
 * `https://<id>.lambda-url.<region>.on.aws/`, `BUFFERED` unless `InvokeMode` says otherwise. A second
 * URL for the same function or alias answers `ResourceConflictException`. `lambda.invokeUrl()` calls it.
 */
export const createFunctionUrlConfig: OperationHandler<'CreateFunctionUrlConfig'> = (input, ctx) => {
  const target = urlTarget(ctx, input.FunctionName!, input.Qualifier, functionMissing);
  const arn = urlFunctionArn(ctx, target);
  if (entryOf(target.fn.urlConfigs, target.key)) {
    throw resourceConflict(`Failed to create function url config for [functionArn = ${arn}]. Error message:  FunctionUrlConfig exists for this Lambda function`);
  }
  const now = lambdaTimestamp(ctx.now);
  const config: FunctionUrlConfig = {
    FunctionUrl: newFunctionUrl(ctx),
    FunctionArn: arn,
    AuthType: input.AuthType!,
    ...(input.Cors !== undefined ? { Cors: input.Cors } : {}),
    CreationTime: now,
    LastModifiedTime: now,
    InvokeMode: input.InvokeMode ?? 'BUFFERED',
  };
  saveUrlConfig(ctx, target, config);
  const { LastModifiedTime: _created, ...answer } = config;
  return answer;
};
