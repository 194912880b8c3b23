import { lambdaTimestamp } from '../../util/aws';
import type { OperationHandler } from '../operation-handler';
import { checkAllowedPublishers, getCodeSigningConfig } from './code-signing-config-ref';

/**
 * UpdateCodeSigningConfig: replaces the members given (description, allowed publishers, policy),
 * keeps the others. The change applies to the next deployment of the functions that use it.
 */
export const updateCodeSigningConfig: OperationHandler<'UpdateCodeSigningConfig'> = (input, ctx) => {
  const record = getCodeSigningConfig(ctx, input.CodeSigningConfigArn!);
  if (input.AllowedPublishers !== undefined) checkAllowedPublishers(input.AllowedPublishers);
  const config = {
    ...record.config,
    ...(input.Description !== undefined ? { Description: input.Description } : {}),
    ...(input.AllowedPublishers !== undefined
      ? { AllowedPublishers: { SigningProfileVersionArns: [...input.AllowedPublishers.SigningProfileVersionArns!] } }
      : {}),
    ...(input.CodeSigningPolicies?.UntrustedArtifactOnDeployment !== undefined
      ? { CodeSigningPolicies: { UntrustedArtifactOnDeployment: input.CodeSigningPolicies.UntrustedArtifactOnDeployment } }
      : {}),
    LastModified: lambdaTimestamp(ctx.now),
  };
  ctx.table('codeSigningConfigs').set(config.CodeSigningConfigArn!, { ...record, config });
  return { CodeSigningConfig: config };
};
