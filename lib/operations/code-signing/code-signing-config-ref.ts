import type { AllowedPublishers } from '@aws-sdk/client-lambda';
import { randomBytes } from 'node:crypto';
import { invalidParameter, resourceNotFound, ServiceError } from '../../errors/service-error';
import type { CodeSigningConfigRecord } from '../../store/records';
import type { OperationContext } from '../operation-handler';

/** `arn:aws:lambda:<region>:<account>:code-signing-config:<id>` */
export const codeSigningConfigArn = (ctx: OperationContext, id: string): string =>
  `arn:${ctx.partition}:lambda:${ctx.region}:${ctx.accountId}:code-signing-config:${id}`;

/** A new config id as the service forms them: `csc-` and 17 lowercase hex digits. */
export const newCodeSigningConfigId = (): string => `csc-${randomBytes(9).toString('hex').slice(0, 17)}`;

/** The service's 404 for a code signing config it does not know. */
export const codeSigningConfigNotFound = (arn: string): Error =>
  resourceNotFound(`The Lambda code signing configuration ${arn} can not be found.`);

/** The stored config an ARN names, or the service's 404. */
export function getCodeSigningConfig(ctx: OperationContext, arn: string): CodeSigningConfigRecord {
  const record = ctx.table('codeSigningConfigs').get(arn);
  if (!record) throw codeSigningConfigNotFound(arn);
  return record;
}

/**
 * The config a function is given (CreateFunction, PutFunctionCodeSigningConfig), which must exist:
 * otherwise the service answers `CodeSigningConfigNotFoundException`.
 */
export function attachableConfig(ctx: OperationContext, arn: string): CodeSigningConfigRecord {
  const record = ctx.table('codeSigningConfigs').get(arn);
  if (!record) {
    throw new ServiceError(
      'CodeSigningConfigNotFoundException',
      `The code signing configuration cannot be found. Check that the provided configuration is not deleted: ${arn}.`,
    );
  }
  return record;
}

/**
 * `arn:aws:signer:<region>:<account>:/signing-profiles/<profile>[/<version>]`. The service has been
 * seen to accept a profile ARN without its version, so the version is not required here either.
 */
const SIGNING_PROFILE_VERSION = /^arn:aws[a-zA-Z-]*:signer:[a-z0-9-]+:\d{12}:\/signing-profiles\/[a-zA-Z0-9_]{2,64}(?:\/[a-zA-Z0-9]{10})?$/;

/**
 * Checks that every allowed publisher is an AWS Signer signing profile version ARN. (There is no
 * signer in process: lambda-mock checks the ARNs' form, never a package's signature.)
 */
export function checkAllowedPublishers(publishers: Readonly<AllowedPublishers>): void {
  for (const arn of publishers.SigningProfileVersionArns ?? []) {
    if (!SIGNING_PROFILE_VERSION.test(arn)) throw invalidParameter(`Signing profile version ARN is invalid: ${arn}`);
  }
}

/** The functions of the region that use a config, by name. */
export const functionsUsing = (ctx: OperationContext, arn: string): string[] =>
  [...ctx.table('functions').values()].filter((fn) => fn.codeSigningConfigArn === arn).map((fn) => fn.name).sort();
