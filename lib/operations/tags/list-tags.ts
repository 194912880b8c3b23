import type { OperationHandler } from '../operation-handler';
import { taggedResource } from './tagged-resource';

/** ListTags: the tags of a function, code signing config or capacity provider. */
export const listTags: OperationHandler<'ListTags'> = (input, ctx) => ({ Tags: taggedResource(ctx, input.Resource!).tags });
