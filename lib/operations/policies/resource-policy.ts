import { invalidParameter } from '../../errors/service-error';
import type { PolicyDocument, PolicyStatement } from '../../store/records';
import type { OperationContext } from '../operation-handler';
import { getFunctionState, parseFunctionName } from '../functions/function-ref';
import { policyTarget, type PolicyTarget } from './policy-target';

/**
 * The function, version or alias a resource-policy operation names by ARN (validation has matched
 * the complete function ARN pattern). These operations address the same policy as AddPermission,
 * RemovePermission and GetPolicy.
 */
export function resourcePolicyTarget(ctx: OperationContext, resourceArn: string): PolicyTarget {
  const ref = parseFunctionName(ctx, resourceArn);
  return policyTarget(ctx, getFunctionState(ctx, ref), ref.qualifier);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Reads the policy document PutResourcePolicy is given: a JSON object with at least one statement
 * object. A single statement object is kept as a list of one, so that AddPermission and
 * RemovePermission can work on it afterwards.
 */
export function parsePolicyDocument(text: string): PolicyDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidParameter('The policy document is not valid JSON.');
  }
  if (!isObject(parsed)) throw invalidParameter('The policy document is not valid JSON.');
  const statement = parsed.Statement;
  const statements = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
  if (statements.length === 0 || !statements.every(isObject)) {
    throw invalidParameter('The policy document must contain at least one statement.');
  }
  return { ...parsed, Statement: statements as PolicyStatement[] };
}
