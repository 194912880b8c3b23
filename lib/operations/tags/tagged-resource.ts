import { invalidParameter, resourceNotFound } from '../../errors/service-error';
import type { FunctionState } from '../../store/records';
import type { OperationContext } from '../operation-handler';
import { functionNotFound } from '../functions/function-ref';

const FUNCTION_ARN = /^arn:[^:]+:lambda:([^:]+):(\d{12}):function:([^:]+)(?::(.+))?$/;

/**
 * The function a tagging request names by ARN. Event source mappings, code signing configs and
 * capacity providers are tagged through the same operations once their own operations exist.
 */
export function taggedFunction(ctx: OperationContext, resource: string): FunctionState {
  const match = FUNCTION_ARN.exec(resource);
  if (!match) throw resourceNotFound(`The resource you requested does not exist. ${resource}`);
  const [, region, accountId, name, qualifier] = match as unknown as [string, string, string, string, string?];
  if (qualifier !== undefined) {
    throw invalidParameter('Tags are not supported for function versions or aliases. Use the unqualified function ARN.');
  }
  const fn = region === ctx.region && accountId === ctx.accountId ? ctx.table('functions').get(name) : undefined;
  if (!fn) throw functionNotFound(ctx, { name, qualifier: undefined });
  return fn;
}
