import type { OperationHandler } from '../operation-handler';
import { tagMap } from './tag-limits';
import { taggedResource } from './tagged-resource';

/** UntagResource: removes tags by key; unknown keys are ignored (204). */
export const untagResource: OperationHandler<'UntagResource'> = (input, ctx) => {
  const resource = taggedResource(ctx, input.Resource!);
  const tags = tagMap(resource.tags);
  for (const key of input.TagKeys ?? []) delete tags[key];
  resource.saveTags(tags);
  return {};
};
