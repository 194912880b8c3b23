import { AddPermissionCommand, GetPolicyCommand, type AddPermissionCommandInput } from '@aws-sdk/client-lambda';
import type { MockedLambda } from '../../helpers/fixtures';

/** AddPermission on `orders`: by default S3 may invoke it (statement `s3`). */
export const addPermissionOn = (mock: MockedLambda, input: Partial<AddPermissionCommandInput> = {}) =>
  mock.client.send(
    new AddPermissionCommand({ FunctionName: 'orders', StatementId: 's3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', ...input }),
  );

/** GetPolicy's document, parsed, and its RevisionId. */
export async function policyOf(mock: MockedLambda, qualifier?: string, functionName = 'orders') {
  const { Policy, RevisionId } = await mock.client.send(new GetPolicyCommand({ FunctionName: functionName, Qualifier: qualifier }));
  return { document: JSON.parse(Policy!) as { Version: string; Id: string; Statement: Record<string, unknown>[] }, text: Policy!, RevisionId };
}

/** The service's 412 for a stale RevisionId. */
export const STALE = 'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id';
