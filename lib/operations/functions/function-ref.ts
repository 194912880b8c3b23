import type { AliasConfiguration, FunctionConfiguration } from '@aws-sdk/client-lambda';
import { invalidParameter, resourceNotFound } from '../../errors/service-error';
import type { FunctionState, FunctionVersionState } from '../../store/records';
import { entryOf } from '../../util/name-map';
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
  if (region !== undefined && region !== ctx.region) throw functionOfAnotherRegion(ctx, region);
  if (derived !== undefined && qualifier !== undefined && derived !== qualifier) {
    throw invalidParameter('The derived qualifier from the function name does not match the specified qualifier.');
  }
  const ref = { name, qualifier: derived ?? qualifier };
  if (accountId !== undefined && accountId !== ctx.accountId) throw functionNotFound(ctx, ref);
  return ref;
}

const otherRegionErrors = new WeakSet<Error>();

/**
 * The service's 404 for a function ARN of another region, answered before anything else about the
 * function (recorded from AWS for CreateFunction and Invoke: `ResourceNotFoundException`, 404).
 */
function functionOfAnotherRegion(ctx: OperationContext, region: string): Error {
  const error = resourceNotFound(`Functions from '${region}' are not reachable in this region ('${ctx.region}')`);
  otherRegionErrors.add(error);
  return error;
}

/**
 * Whether an error is the 404 for a function ARN of another region, which operations that word
 * their own 404 for a missing function pass on as it is.
 *
 * @example
 * if (error instanceof ServiceError && error.code === 'ResourceNotFoundException' && !isFunctionOfAnotherRegion(error)) throw functionMissing();
 */
export const isFunctionOfAnotherRegion = (error: unknown): boolean => error instanceof Error && otherRegionErrors.has(error);

/** `Function not found: <arn>[:qualifier]`, the service's 404 for an unknown function or version. */
export const functionNotFound = (ctx: OperationContext, ref: FunctionRef): Error =>
  resourceNotFound(`Function not found: ${functionArn(ctx, ref.name, ref.qualifier)}`);

/** The stored function, or the service's 404. */
export function getFunctionState(ctx: OperationContext, ref: FunctionRef): FunctionState {
  const fn = ctx.table('functions').get(ref.name);
  if (!fn) throw functionNotFound(ctx, ref);
  return fn;
}

const ALIAS_NAME = /^(?!^[0-9]+$)[a-zA-Z0-9-_]+$/;

/** Whether a qualifier names an alias (the model's alias pattern: not all digits), not a version. */
export const isAliasName = (qualifier: string): boolean => ALIAS_NAME.test(qualifier);

/** `Cannot find alias arn: <alias ARN>`, the service's 404 from GetAlias, UpdateAlias and provisioned concurrency. */
export const aliasNotFound = (ctx: OperationContext, functionName: string, alias: string): Error =>
  resourceNotFound(`Cannot find alias arn: ${functionArn(ctx, functionName, alias)}`);

/** A published version by number, or `$LATEST`. */
export const versionNamed = (fn: FunctionState, version: string): FunctionVersionState | undefined =>
  version === '$LATEST' ? fn.latest : fn.versions.find((v) => v.configuration.Version === version);

/** What a qualifier names: a version, or an alias and the version it points to (its primary version). */
export interface ResolvedQualifier {
  readonly version: FunctionVersionState;
  readonly alias?: Readonly<AliasConfiguration>;
}

/**
 * Resolves a qualifier (`$LATEST` when there is none; a version number; an alias name) or throws the
 * service's 404. GetFunction, GetFunctionConfiguration and Invoke report an unknown alias as
 * `Function not found: <alias ARN>`; provisioned concurrency as `Cannot find alias arn: <alias ARN>`
 * (`unknownAlias: 'alias'`).
 */
export function resolveQualifier(
  ctx: OperationContext,
  fn: FunctionState,
  ref: FunctionRef,
  unknownAlias: 'function' | 'alias' = 'function',
): ResolvedQualifier {
  const qualifier = ref.qualifier ?? '$LATEST';
  if (qualifier !== '$LATEST' && isAliasName(qualifier)) {
    const alias = entryOf(fn.aliases, qualifier);
    if (!alias) throw unknownAlias === 'alias' ? aliasNotFound(ctx, fn.name, qualifier) : functionNotFound(ctx, ref);
    // An alias always points to an existing version: a version an alias names cannot be deleted.
    return { version: versionNamed(fn, alias.FunctionVersion!)!, alias };
  }
  const version = versionNamed(fn, qualifier);
  if (!version) throw functionNotFound(ctx, ref);
  return { version };
}

/** The version a qualifier names (an alias: the version it points to), or the service's 404. */
export function getVersion(ctx: OperationContext, fn: FunctionState, ref: FunctionRef): FunctionVersionState {
  return resolveQualifier(ctx, fn, ref).version;
}

/** A resolved qualifier's configuration as GetFunction answers it: through an alias, `FunctionArn` is the alias's ARN. */
export const configurationOf = ({ version, alias }: ResolvedQualifier): Readonly<FunctionConfiguration> =>
  alias ? { ...version.configuration, FunctionArn: alias.AliasArn } : version.configuration;
