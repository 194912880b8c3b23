import type { OperationHandler } from '../operation-handler';
import { checkTags, tagMap } from './tag-limits';
import { taggedResource } from './tagged-resource';

/** TagResource: adds or overwrites tags (204). */
export const tagResource: OperationHandler<'TagResource'> = (input, ctx) => {
  const resource = taggedResource(ctx, input.Resource!);
  const tags = tagMap(resource.tags, input.Tags ?? {});
  checkTags(tags);
  resource.saveTags(tags);
  return {};
};
