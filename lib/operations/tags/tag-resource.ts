import type { OperationHandler } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { checkTags, tagMap } from './tag-limits';
import { taggedFunction } from './tagged-resource';

/** TagResource: adds or overwrites tags (204). */
export const tagResource: OperationHandler<'TagResource'> = (input, ctx) => {
  const fn = taggedFunction(ctx, input.Resource!);
  const tags = tagMap(fn.tags, input.Tags ?? {});
  checkTags(tags);
  saveFunction(ctx, { ...fn, tags });
  return {};
};
