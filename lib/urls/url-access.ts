import type { FunctionUrlAuthType } from '@aws-sdk/client-lambda';
import type { PolicyDocument, PolicyStatement } from '../store/records';
import type { FunctionUrlCaller } from './function-url-types';

/** Who calls a URL: anyone (no signature), or a signed principal. */
export type UrlPrincipal = { readonly anonymous: true } | { readonly anonymous: false; readonly accountId: string; readonly userArn?: string };

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

const actionMatches = (statement: PolicyStatement, action: string): boolean =>
  list(statement.Action).some((a) => typeof a === 'string' && (a === '*' || a === 'lambda:*' || a.toLowerCase() === action.toLowerCase()));

function principalMatches(statement: PolicyStatement, principal: UrlPrincipal, partition: string): boolean {
  const given = statement.Principal;
  if (given === '*') return true;
  if (given === null || typeof given !== 'object') return false;
  const aws = list((given as Record<string, unknown>).AWS);
  if (aws.includes('*')) return true;
  if (principal.anonymous) return false;
  return aws.some((p) => p === principal.accountId || p === `arn:${partition}:iam::${principal.accountId}:root` || (principal.userArn !== undefined && p === principal.userArn));
}

/**
 * Whether a statement's conditions hold for a function URL request. Only the two keys a URL request
 * carries can hold; any other condition (a source ARN or account, an organization) cannot.
 */
function conditionsHold(statement: PolicyStatement, authType: FunctionUrlAuthType): boolean {
  const condition = statement.Condition;
  if (condition === undefined) return true;
  if (condition === null || typeof condition !== 'object') return false;
  const values: Record<string, string> = { 'lambda:functionurlauthtype': authType, 'lambda:invokedviafunctionurl': 'true' };
  return Object.entries(condition as Record<string, unknown>).every(([operator, keys]) => {
    if ((operator !== 'StringEquals' && operator !== 'Bool') || keys === null || typeof keys !== 'object') return false;
    return Object.entries(keys as Record<string, unknown>).every(([key, expected]) => {
      const actual = values[key.toLowerCase()];
      return actual !== undefined && list(expected).some((e) => String(e) === actual);
    });
  });
}

/** Whether the policy lets the principal take the action (an explicit deny wins). */
function permits(policy: PolicyDocument | undefined, action: string, principal: UrlPrincipal, authType: FunctionUrlAuthType, partition: string): boolean {
  const applying = (policy?.Statement ?? []).filter(
    (s) => actionMatches(s, action) && principalMatches(s, principal, partition) && conditionsHold(s, authType),
  );
  return applying.some((s) => s.Effect === 'Allow') && !applying.some((s) => s.Effect === 'Deny');
}

/**
 * Whether a request may invoke a function through its URL, as AWS decides it: an `AWS_IAM` URL needs
 * a signed request (lambda-mock cannot see identity policies, so a principal of the function's own
 * account is allowed; another account needs the resource-based policy); a `NONE` URL needs the
 * resource-based policy to grant everyone `lambda:InvokeFunctionUrl` and, for URLs created since
 * October 2025, `lambda:InvokeFunction`.
 */
export function urlAllows(
  authType: FunctionUrlAuthType,
  policy: PolicyDocument | undefined,
  caller: FunctionUrlCaller | undefined,
  owner: { readonly accountId: string; readonly partition: string },
): boolean {
  if (authType === 'AWS_IAM') {
    if (caller === undefined) return false;
    const accountId = caller.accountId ?? owner.accountId;
    if (accountId === owner.accountId) return true;
    const principal: UrlPrincipal = { anonymous: false, accountId, ...(caller.userArn !== undefined ? { userArn: caller.userArn } : {}) };
    return ['lambda:InvokeFunctionUrl', 'lambda:InvokeFunction'].every((action) => permits(policy, action, principal, authType, owner.partition));
  }
  const anyone: UrlPrincipal = { anonymous: true };
  return ['lambda:InvokeFunctionUrl', 'lambda:InvokeFunction'].every((action) => permits(policy, action, anyone, authType, owner.partition));
}

const SIGV4_CREDENTIAL = /^AWS4-HMAC-SHA256\s+Credential=([A-Z0-9]+)\/\d{8}\/[a-z0-9-]+\/lambda\/aws4_request/;

/**
 * The signer a SigV4 `Authorization` header names (its access key), when the request carries one and
 * no explicit `iam` identity. lambda-mock checks no signature.
 */
export function callerOfAuthorization(authorization: string | undefined): FunctionUrlCaller | undefined {
  const match = authorization === undefined ? null : SIGV4_CREDENTIAL.exec(authorization);
  return match ? { accessKey: match[1]! } : undefined;
}
