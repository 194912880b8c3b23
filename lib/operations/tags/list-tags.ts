import type { OperationHandler } from '../operation-handler';
import { taggedFunction } from './tagged-resource';

/** ListTags: a function's tags. */
export const listTags: OperationHandler<'ListTags'> = (input, ctx) => ({ Tags: taggedFunction(ctx, input.Resource!).tags });
