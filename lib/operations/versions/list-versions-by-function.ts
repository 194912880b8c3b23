import type { OperationHandler } from '../operation-handler';
import { functionArn, getFunctionState, parseFunctionName } from '../functions/function-ref';
import { paginate } from '../paginate';

/** ListVersionsByFunction returns at most 50 versions per call, even with a higher `MaxItems`. */
const MAX_PER_PAGE = 50;

/**
 * ListVersionsByFunction: `$LATEST`, then every published version in order, paged. The service
 * names the `$LATEST` entry by its qualified ARN (`…:function:name:$LATEST`), unlike GetFunction.
 */
export const listVersionsByFunction: OperationHandler<'ListVersionsByFunction'> = (input, ctx) => {
  const fn = getFunctionState(ctx, parseFunctionName(ctx, input.FunctionName!));
  const all = [fn.latest.configuration, ...fn.versions.map((v) => v.configuration)];
  const { page, nextMarker } = paginate(all, input.Marker, input.MaxItems, MAX_PER_PAGE, MAX_PER_PAGE);
  const versions = page.map((c) => (c.Version === '$LATEST' ? { ...c, FunctionArn: functionArn(ctx, fn.name, '$LATEST') } : c));
  return { Versions: versions, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
};
