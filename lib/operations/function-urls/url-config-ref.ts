import type { FunctionUrlConfig } from '@aws-sdk/client-lambda';
import { randomBytes } from 'node:crypto';
import { resourceNotFound, validationError } from '../../errors/service-error';
import type { FunctionState } from '../../store/records';
import { entryOf, withEntry } from '../../util/name-map';
import type { OperationContext } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { functionArn, isAliasName, parseFunctionName } from '../functions/function-ref';

/** The unqualified function's URL is kept under `$LATEST`. */
export const UNQUALIFIED = '$LATEST';

/** The model's pattern for a URL's qualifier: an alias name, never a version number. */
const QUALIFIER_PATTERN = '^((?!^\\d+$)^[0-9a-zA-Z-_]+$)$';

/** What a URL operation names: the function and the key its URL is kept under. */
export interface UrlTarget {
  readonly fn: FunctionState;
  readonly key: string;
}

/** The service's 404 from Get, Update and Delete for a function, alias or URL it does not know. */
export const urlNotFound = (): Error => resourceNotFound('The resource you requested does not exist.');

/** The service's 404 from Create and List for a function or alias that does not exist. */
export const functionMissing = (): Error => resourceNotFound('Function does not exist');

/**
 * The function (and the alias, or `$LATEST`) a URL operation names, in any form of the name. A URL
 * is on the function or one of its aliases, never a version: a version number given in the name
 * fails the model's `Qualifier` pattern as it would given as `Qualifier`.
 */
export function urlTarget(ctx: OperationContext, functionName: string, qualifier: string | undefined, missing: () => Error): UrlTarget {
  const ref = parseFunctionName(ctx, functionName, qualifier);
  const key = ref.qualifier ?? UNQUALIFIED;
  if (key !== UNQUALIFIED && !isAliasName(key)) {
    throw validationError([`Value '${key}' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ${QUALIFIER_PATTERN}`]);
  }
  const fn = ctx.table('functions').get(ref.name);
  if (!fn || (key !== UNQUALIFIED && !entryOf(fn.aliases, key))) throw missing();
  return { fn, key };
}

/** The URL config a Get, Update or Delete names, or the service's 404. */
export function storedUrlConfig(ctx: OperationContext, functionName: string, qualifier: string | undefined): UrlTarget & { config: Readonly<FunctionUrlConfig> } {
  const target = urlTarget(ctx, functionName, qualifier, urlNotFound);
  const config = entryOf(target.fn.urlConfigs, target.key);
  if (!config) throw urlNotFound();
  return { ...target, config };
}

/** The ARN a URL answers: the function's, or the alias's. */
export const urlFunctionArn = (ctx: OperationContext, { fn, key }: UrlTarget): string => functionArn(ctx, fn.name, key === UNQUALIFIED ? undefined : key);

const URL_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `https://<32 lowercase letters and digits>.lambda-url.<region>.on.aws/`, as the service forms a function URL. */
export function newFunctionUrl(ctx: OperationContext): string {
  const id = [...randomBytes(32)].map((byte) => URL_ID_ALPHABET[byte % URL_ID_ALPHABET.length]).join('');
  return `https://${id}.lambda-url.${ctx.region}.on.aws/`;
}

/** Stores a URL config under its key, replacing the one there. */
export const saveUrlConfig = (ctx: OperationContext, { fn, key }: UrlTarget, config: Readonly<FunctionUrlConfig>): void => {
  saveFunction(ctx, { ...fn, urlConfigs: withEntry(fn.urlConfigs, key, config) });
};
