import { CreateCapacityProviderCommand, type CreateCapacityProviderCommandInput, type LambdaClient } from '@aws-sdk/client-lambda';
import { ACCOUNT, REGION } from '../../helpers/fixtures';

export const OPERATOR_ROLE = `arn:aws:iam::${ACCOUNT}:role/lambda-capacity-operator`;

/** `arn:aws:lambda:us-east-1:123456789012:capacity-provider:<name>` */
export const providerArn = (name: string, region: string = REGION): string => `arn:aws:lambda:${region}:${ACCOUNT}:capacity-provider:${name}`;

/** The service's 404 message for a capacity provider it does not know. */
export const providerNotFound = (name: string): string => `Capacity provider not found: ${providerArn(name)}`;

/** The smallest valid CreateCapacityProvider input. */
export const providerInput = (name: string, extra: Partial<CreateCapacityProviderCommandInput> = {}): CreateCapacityProviderCommandInput => ({
  CapacityProviderName: name,
  VpcConfig: { SubnetIds: ['subnet-0123456789abcdef0'], SecurityGroupIds: ['sg-0123456789abcdef0'] },
  PermissionsConfig: { CapacityProviderOperatorRoleArn: OPERATOR_ROLE },
  ...extra,
});

/** CreateCapacityProvider with `providerInput(name, extra)`; answers the provider's ARN. */
export async function createProvider(client: LambdaClient, name: string, extra: Partial<CreateCapacityProviderCommandInput> = {}): Promise<string> {
  const { CapacityProvider } = await client.send(new CreateCapacityProviderCommand(providerInput(name, extra)));
  return CapacityProvider!.CapacityProviderArn!;
}

/** CreateFunction's `CapacityProviderConfig` naming a provider. */
export const onProvider = (arn: string) => ({ CapacityProviderConfig: { LambdaManagedInstancesCapacityProviderConfig: { CapacityProviderArn: arn } } });
