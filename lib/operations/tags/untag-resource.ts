import type { OperationHandler } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { tagMap } from './tag-limits';
import { taggedFunction } from './tagged-resource';

/** UntagResource: removes tags by key; unknown keys are ignored (204). */
export const untagResource: OperationHandler<'UntagResource'> = (input, ctx) => {
  const fn = taggedFunction(ctx, input.Resource!);
  const tags = tagMap(fn.tags);
  for (const key of input.TagKeys ?? []) delete tags[key];
  saveFunction(ctx, { ...fn, tags });
  return {};
};
