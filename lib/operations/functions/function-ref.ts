import { invalidParameter, resourceNotFound } from '../../errors/service-error';
import type { FunctionState, FunctionVersionState } from '../../store/records';
import type { OperationContext } from '../operation-handler';

/** A function named in a request: its name and the qualifier (version or alias) it carried, if any. */
export interface FunctionRef {
  readonly name: string;
  readonly qualifier: string | undefined;
}

const FUNCTION_NAME =
  /^(?:arn:(aws[a-zA-Z-]*)?:lambda:)?(?:([a-z]{2}(?:(?:-gov)|(?:-iso(?:[a-z]?)))?-[a-z]+-\d{1}):)?(?:(\d{12}):)?(?:function:)?([a-zA-Z0-9-_.]+)(?::(\$LATEST(?:\.PUBLISHED)?|[a-zA-Z0-9-_]+))?$/;

/** `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]` */
export const functionArn = (ctx: OperationContext, name: string, qualifier?: string): string =>
  `arn:${ctx.partition}:lambda:${ctx.region}:${ctx.accountId}:function:${name}${qualifier === undefined ? '' : `:${qualifier}`}`;

/**
 * Reads a function given as a name, a partial ARN or a full ARN, with or without a qualifier, and
 * checks it against an explicit `Qualifier` as the service does. (Validation has already matched
 * the model's pattern.)
 */
export function parseFunctionName(ctx: OperationContext, functionName: string, qualifier?: string): FunctionRef {
  const match = FUNCTION_NAME.exec(functionName);
  if (!match) throw resourceNotFound(`Function not found: ${functionArn(ctx, functionName)}`);
  const [, , region, accountId, name = '', derived] = match;
  if (region !== undefined && region !== ctx.region) {
    throw invalidParameter(`Functions from '${region}' are not reachable in this region ('${ctx.region}')`);
  }
  if (derived !== undefined && qualifier !== undefined && derived !== qualifier) {
    throw invalidParameter('The derived qualifier from the function name does not match the specified qualifier.');
  }
  const ref = { name, qualifier: derived ?? qualifier };
  if (accountId !== undefined && accountId !== ctx.accountId) throw functionNotFound(ctx, ref);
  return ref;
}

/** `Function not found: <arn>[:qualifier]`, the service's 404 for an unknown function or version. */
export const functionNotFound = (ctx: OperationContext, ref: FunctionRef): Error =>
  resourceNotFound(`Function not found: ${functionArn(ctx, ref.name, ref.qualifier)}`);

/** The stored function, or the service's 404. */
export function getFunctionState(ctx: OperationContext, ref: FunctionRef): FunctionState {
  const fn = ctx.table('functions').get(ref.name);
  if (!fn) throw functionNotFound(ctx, ref);
  return fn;
}

/** The version a qualifier names (`$LATEST` when there is none), or the service's 404. */
export function getVersion(ctx: OperationContext, fn: FunctionState, ref: FunctionRef): FunctionVersionState {
  const qualifier = ref.qualifier ?? '$LATEST';
  if (qualifier === '$LATEST') return fn.latest;
  const version = fn.versions.find((v) => v.configuration.Version === qualifier);
  if (!version) throw functionNotFound(ctx, ref);
  return version;
}
