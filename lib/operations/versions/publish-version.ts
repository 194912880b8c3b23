import { invalidParameter } from '../../errors/service-error';
import type { OperationHandler } from '../operation-handler';
import { assertNoTransition, assertRevision } from '../functions/function-lifecycle';
import { publishLatest, saveFunction } from '../functions/function-record';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';

/** PublishVersion: `$LATEST` as the next version number, or the last version if nothing changed. */
export const publishVersion: OperationHandler<'PublishVersion'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!);
  const fn = getFunctionState(ctx, ref);
  const latest = fn.latest.configuration;
  assertRevision(latest.RevisionId, input.RevisionId);
  if (input.CodeSha256 !== undefined && input.CodeSha256 !== latest.CodeSha256) {
    throw invalidParameter(
      `CodeSHA256 (${input.CodeSha256}) is different from current CodeSHA256 in $LATEST (${latest.CodeSha256}). Please try again`,
    );
  }
  assertNoTransition(ctx, fn);
  const published = publishLatest(ctx, fn, input.Description);
  if (published.fn !== fn) saveFunction(ctx, published.fn);
  return published.version.configuration;
};
