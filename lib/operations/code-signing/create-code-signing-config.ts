import { lambdaTimestamp } from '../../util/aws';
import type { OperationHandler } from '../operation-handler';
import { checkTags, tagMap } from '../tags/tag-limits';
import { checkAllowedPublishers, codeSigningConfigArn, newCodeSigningConfigId } from './code-signing-config-ref';

/**
 * CreateCodeSigningConfig (201): a config of allowed publishers and the policy for untrusted
 * artifacts (`Warn` by default), with an id as the service forms them and its tags.
 */
export const createCodeSigningConfig: OperationHandler<'CreateCodeSigningConfig'> = (input, ctx) => {
  checkAllowedPublishers(input.AllowedPublishers!);
  const tags = tagMap(input.Tags ?? {});
  checkTags(tags);
  const id = newCodeSigningConfigId();
  const arn = codeSigningConfigArn(ctx, id);
  const config = {
    CodeSigningConfigId: id,
    CodeSigningConfigArn: arn,
    Description: input.Description ?? '',
    AllowedPublishers: { SigningProfileVersionArns: [...input.AllowedPublishers!.SigningProfileVersionArns!] },
    CodeSigningPolicies: { UntrustedArtifactOnDeployment: input.CodeSigningPolicies?.UntrustedArtifactOnDeployment ?? 'Warn' },
    LastModified: lambdaTimestamp(ctx.now),
  };
  ctx.table('codeSigningConfigs').set(arn, { config, tags });
  return { CodeSigningConfig: config };
};
