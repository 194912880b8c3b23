import type { AliasConfiguration } from '@aws-sdk/client-lambda';
import { resourceConflict } from '../../errors/service-error';
import { newRevisionId } from '../../util/aws';
import { entryOf } from '../../util/name-map';
import type { OperationHandler } from '../operation-handler';
import { functionArn, functionNotFound, parseFunctionName, versionNamed } from '../functions/function-ref';
import { checkRouting, saveAlias } from './alias-record';

/** CreateAlias: a named pointer to `$LATEST` or a published version, optionally weighted towards a second version (201). */
export const createAlias: OperationHandler<'CreateAlias'> = (input, ctx) => {
  const { name: functionName } = parseFunctionName(ctx, input.FunctionName!);
  const fn = ctx.table('functions').get(functionName);
  const version = input.FunctionVersion!;
  // The service looks the version up first, naming it in its 404 even when the function is missing.
  if (!fn || !versionNamed(fn, version)) throw functionNotFound(ctx, { name: functionName, qualifier: version });
  const name = input.Name!;
  const arn = functionArn(ctx, fn.name, name);
  if (entryOf(fn.aliases, name)) throw resourceConflict(`Alias already exists: ${arn}`);
  const weights = checkRouting(ctx, fn, version, input.RoutingConfig);
  const alias: AliasConfiguration = {
    AliasArn: arn,
    Name: name,
    FunctionVersion: version,
    Description: input.Description ?? '',
    ...(weights ? { RoutingConfig: { AdditionalVersionWeights: weights } } : {}),
    RevisionId: newRevisionId(),
  };
  saveAlias(ctx, fn, alias);
  return alias;
};
