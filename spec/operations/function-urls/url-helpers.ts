import { AddPermissionCommand, CreateFunctionUrlConfigCommand, type CreateFunctionUrlConfigCommandInput, type LambdaClient } from '@aws-sdk/client-lambda';

/** A function URL as the service forms it. */
export const FUNCTION_URL = /^https:\/\/[a-z0-9]{32}\.lambda-url\.us-east-1\.on\.aws\/$/;

/** CreateFunctionUrlConfig on `orders` (AuthType NONE unless given); answers the URL. */
export async function urlOf(client: LambdaClient, input: Partial<CreateFunctionUrlConfigCommandInput> = {}): Promise<string> {
  const { FunctionUrl } = await client.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'orders', AuthType: 'NONE', ...input }));
  return FunctionUrl!;
}

/** The two statements a public (`NONE`) URL needs since October 2025, as the console adds them. */
export async function allowPublicAccess(client: LambdaClient, qualifier?: string): Promise<void> {
  await client.send(
    new AddPermissionCommand({
      FunctionName: 'orders', Qualifier: qualifier, StatementId: 'url', Action: 'lambda:InvokeFunctionUrl', Principal: '*', FunctionUrlAuthType: 'NONE',
    }),
  );
  await client.send(
    new AddPermissionCommand({
      FunctionName: 'orders', Qualifier: qualifier, StatementId: 'invoke', Action: 'lambda:InvokeFunction', Principal: '*', InvokedViaFunctionUrl: true,
    }),
  );
}

/** What the URL answers when it refuses the caller. */
export const FORBIDDEN = {
  statusCode: 403,
  headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'AccessDeniedException' },
  body: '{"Message":"Forbidden. For troubleshooting Function URL authorization issues, see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"}',
};
