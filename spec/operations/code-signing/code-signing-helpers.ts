import { CreateCodeSigningConfigCommand, type CreateCodeSigningConfigCommandInput, type LambdaClient } from '@aws-sdk/client-lambda';
import { ACCOUNT, REGION } from '../../helpers/fixtures';

/** A signing profile version ARN as AWS Signer forms them. */
export const PROFILE = `arn:aws:signer:${REGION}:${ACCOUNT}:/signing-profiles/MyProfile/abcdef1234`;

/** A well-formed ARN of a code signing config that does not exist. */
export const UNKNOWN_CSC = `arn:aws:lambda:${REGION}:${ACCOUNT}:code-signing-config:csc-0123456789abcdef0`;

/** The service's 404 message for a code signing config it does not know. */
export const cscNotFound = (arn: string): string => `The Lambda code signing configuration ${arn} can not be found.`;

/** CreateCodeSigningConfig allowing `PROFILE`; answers the new config's ARN. */
export async function createConfig(client: LambdaClient, input: Partial<CreateCodeSigningConfigCommandInput> = {}): Promise<string> {
  const { CodeSigningConfig } = await client.send(
    new CreateCodeSigningConfigCommand({ AllowedPublishers: { SigningProfileVersionArns: [PROFILE] }, ...input }),
  );
  return CodeSigningConfig!.CodeSigningConfigArn!;
}
