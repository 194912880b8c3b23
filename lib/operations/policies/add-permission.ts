import type { AddPermissionCommandInput } from '@aws-sdk/client-lambda';
import { invalidParameter, ServiceError } from '../../errors/service-error';
import type { PolicyStatement } from '../../store/records';
import type { OperationHandler } from '../operation-handler';
import { assertRevision } from '../functions/function-lifecycle';
import { functionNotFound, parseFunctionName } from '../functions/function-ref';
import { accountPrincipal, documentOf, duplicateStatement, sidOf } from './policy-statement';
import { policyTarget, savePolicy } from './policy-target';

/** The largest policy document a function, version or alias can have, in bytes. */
const MAX_POLICY_BYTES = 20480;

/** A principal as the service writes it: a service, an account's root, an IAM ARN, or everyone. */
function principalOf(partition: string, principal: string): PolicyStatement[string] {
  if (/\.amazonaws\.com(\.cn)?$/.test(principal)) return { Service: principal };
  if (/^\d{12}$/.test(principal)) return accountPrincipal(partition, principal);
  if (/^arn:aws[a-zA-Z-]*:iam:/.test(principal)) return { AWS: principal };
  if (principal === '*') return '*';
  throw invalidParameter('The provided principal was invalid. Please check the principal and try again.');
}

/** The statement's `Condition`, from the request's condition members, in the order the service writes them. */
function conditionOf(input: AddPermissionCommandInput): Record<string, Record<string, string>> | undefined {
  const condition: Record<string, Record<string, string>> = {};
  const add = (operator: string, key: string, value: string | undefined): void => {
    if (value !== undefined) (condition[operator] ??= {})[key] = value;
  };
  add('StringEquals', 'lambda:FunctionUrlAuthType', input.FunctionUrlAuthType);
  add('StringEquals', 'aws:PrincipalOrgID', input.PrincipalOrgID);
  add('StringEquals', 'AWS:SourceAccount', input.SourceAccount);
  add('StringEquals', 'lambda:EventSourceToken', input.EventSourceToken);
  add('ArnLike', 'AWS:SourceArn', input.SourceArn);
  add('Bool', 'lambda:InvokedViaFunctionUrl', input.InvokedViaFunctionUrl === undefined ? undefined : String(input.InvokedViaFunctionUrl));
  return Object.keys(condition).length > 0 ? condition : undefined;
}

/**
 * AddPermission: adds a statement to the resource-based policy of the function, a version or an
 * alias (each has its own), and answers it as the service writes it (201). The version's or alias's
 * RevisionId changes.
 */
export const addPermission: OperationHandler<'AddPermission'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!, input.Qualifier);
  if (ref.qualifier === '$LATEST') throw invalidParameter('We currently do not support adding policies for $LATEST.');
  const fn = ctx.table('functions').get(ref.name);
  if (!fn) throw functionNotFound(ctx, { name: ref.name, qualifier: undefined });
  const target = policyTarget(ctx, fn, ref.qualifier);
  assertRevision(target.revisionId, input.RevisionId);
  const sid = input.StatementId!;
  const statements = target.policy?.Statement ?? [];
  if (statements.some((s) => sidOf(s) === sid)) throw duplicateStatement(sid);
  const condition = conditionOf(input);
  const statement: PolicyStatement = {
    Sid: sid,
    Effect: 'Allow',
    Principal: principalOf(ctx.partition, input.Principal!),
    Action: input.Action!,
    Resource: target.resourceArn,
    ...(condition ? { Condition: condition } : {}),
  };
  const policy = target.policy ? { ...target.policy, Statement: [...statements, statement] } : documentOf([statement]);
  const size = Buffer.byteLength(JSON.stringify(policy));
  if (size > MAX_POLICY_BYTES) {
    throw new ServiceError('PolicyLengthExceededException', `The final policy size (${size}) is bigger than the limit (${MAX_POLICY_BYTES}).`);
  }
  savePolicy(ctx, target, policy);
  return { Statement: JSON.stringify(statement) };
};
