import { resourceConflict, resourceNotFound } from '../../errors/service-error';
import type { PolicyDocument, PolicyStatement } from '../../store/records';

/** The policy language version the service writes into every document it builds. */
export const POLICY_VERSION = '2012-10-17';

/** A document as the service builds it from statements: `{ Version, Id: 'default', Statement }`. */
export const documentOf = (statements: readonly PolicyStatement[]): PolicyDocument => ({ Version: POLICY_VERSION, Id: 'default', Statement: statements });

/** A statement's `Sid`, if it has one. */
export const sidOf = (statement: PolicyStatement): unknown => statement.Sid;

/** The service's 409 for a statement id already in the policy. */
export const duplicateStatement = (sid: string): Error =>
  resourceConflict(`The statement id (${sid}) provided already exists. Please provide a new statement id, or remove the existing statement.`);

/** The service's 404 for a statement id not in the policy. */
export const statementNotFound = (sid: string): Error => resourceNotFound(`Statement ${sid} is not found in resource policy.`);

/** The service's 404 for a resource without a policy (RemovePermission, GetLayerVersionPolicy). */
export const noPolicy = (): Error => resourceNotFound('No policy is associated with the given resource.');

/** `{ "AWS": "arn:aws:iam::<account>:root" }` for an account id, as the service writes an account principal. */
export const accountPrincipal = (partition: string, accountId: string) => ({ AWS: `arn:${partition}:iam::${accountId}:root` });
