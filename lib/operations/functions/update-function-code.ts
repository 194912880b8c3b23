import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { lambdaTimestamp, newRevisionId } from '../../util/aws';
import type { OperationHandler } from '../operation-handler';
import { readCode } from './function-code';
import { assertNoTransition, assertRevision, UPDATE_IN_PROGRESS } from './function-lifecycle';
import { publishLatest, saveFunction } from './function-record';
import { getFunctionState, parseFunctionName } from './function-ref';

/** UpdateFunctionCode: new code for `$LATEST` (`InProgress` until settled), optionally published. */
export const updateFunctionCode: OperationHandler<'UpdateFunctionCode'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!);
  const fn = getFunctionState(ctx, ref);
  const current = fn.latest.configuration;
  assertRevision(current.RevisionId, input.RevisionId);
  assertNoTransition(ctx, fn);
  const uploaded = readCode(input, current.PackageType === 'Image' ? 'Image' : 'Zip');
  const configuration: FunctionConfiguration = {
    ...current,
    CodeSha256: uploaded.sha256,
    CodeSize: uploaded.size,
    ...(input.Architectures ? { Architectures: input.Architectures } : {}),
    LastModified: lambdaTimestamp(ctx.now),
    RevisionId: newRevisionId(),
    ...UPDATE_IN_PROGRESS,
  };
  if (input.DryRun) return { ...current, CodeSha256: uploaded.sha256, CodeSize: uploaded.size };
  let updated = { ...fn, latest: { configuration, code: uploaded.code } };
  let answer = configuration;
  if (input.Publish) {
    const published = publishLatest(ctx, updated);
    updated = published.fn;
    answer = published.version.configuration;
  }
  saveFunction(ctx, updated);
  ctx.markPending(fn.name);
  return answer;
};
