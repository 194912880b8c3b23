import { resourceConflict, validationError } from '../../errors/service-error';
import type { FunctionState } from '../../store/records';
import { lambdaTimestamp, newRevisionId } from '../../util/aws';
import type { OperationHandler } from '../operation-handler';
import { checkTags, tagMap } from '../tags/tag-limits';
import { readCode } from './function-code';
import { newConfiguration } from './function-configuration';
import { PENDING_CREATE } from './function-lifecycle';
import { publishLatest, saveFunction } from './function-record';
import { functionArn, parseFunctionName } from './function-ref';
import { capacityProviderConfigOf } from '../capacity-providers/capacity-provider-ref';
import { attachableConfig } from '../code-signing/code-signing-config-ref';
import { durableConfigOf } from '../durable-executions/durable-config';

/** CreateFunction: a new function, `Pending` in the answer and `Active` once settled. */
export const createFunction: OperationHandler<'CreateFunction'> = (input, ctx) => {
  const { name } = parseFunctionName(ctx, input.FunctionName!);
  if (name.length > 64) {
    throw validationError([`Value '${name}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 64`]);
  }
  const functions = ctx.table('functions');
  if (functions.has(name)) throw resourceConflict(`Function already exist: ${name}`);
  const configuration = newConfiguration(ctx, input, name, functionArn(ctx, name));
  const uploaded = readCode(input.Code ?? {}, configuration.PackageType === 'Image' ? 'Image' : 'Zip');
  const tags = tagMap(input.Tags ?? {});
  checkTags(tags);
  // Settings whose resources have their own operations (code signing, capacity providers, durable executions).
  const codeSigning = input.CodeSigningConfigArn === undefined ? {} : { codeSigningConfigArn: attachableConfig(ctx, input.CodeSigningConfigArn).config.CodeSigningConfigArn! };
  Object.assign(configuration, capacityProviderConfigOf(ctx, input.CapacityProviderConfig), durableConfigOf(input.DurableConfig), {
    CodeSize: uploaded.size,
    CodeSha256: uploaded.sha256,
    LastModified: lambdaTimestamp(ctx.now),
    RevisionId: newRevisionId(),
    ...PENDING_CREATE,
  });
  let fn: FunctionState = { name, latest: { configuration, code: uploaded.code }, versions: [], nextVersion: 1, tags, ...codeSigning };
  let answer = configuration;
  if (input.Publish) {
    const published = publishLatest(ctx, fn);
    fn = published.fn;
    answer = published.version.configuration;
  }
  saveFunction(ctx, fn);
  ctx.markPending(name);
  return answer;
};
