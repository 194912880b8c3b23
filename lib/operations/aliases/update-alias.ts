import type { AliasConfiguration } from '@aws-sdk/client-lambda';
import { newRevisionId } from '../../util/aws';
import { entryOf } from '../../util/name-map';
import type { OperationHandler } from '../operation-handler';
import { assertRevision } from '../functions/function-lifecycle';
import { parseFunctionName } from '../functions/function-ref';
import { aliasFunction, assertVersionExists, checkRouting, saveAlias, unknownAliasOnUpdate } from './alias-record';

/**
 * UpdateAlias: a new version, description or routing for an alias. A stale `RevisionId` answers 412;
 * every update gives the alias a new RevisionId. A `RoutingConfig` replaces the weights (an empty one
 * removes them); without one, the weights stay and are checked against the new version.
 */
export const updateAlias: OperationHandler<'UpdateAlias'> = (input, ctx) => {
  const fn = aliasFunction(ctx, parseFunctionName(ctx, input.FunctionName!).name);
  const current = entryOf(fn.aliases, input.Name!);
  if (!current) throw unknownAliasOnUpdate(ctx, fn, input.Name!);
  assertRevision(current.RevisionId, input.RevisionId);
  const version = input.FunctionVersion ?? current.FunctionVersion!;
  assertVersionExists(ctx, fn, version);
  const weights = checkRouting(ctx, fn, version, input.RoutingConfig ?? current.RoutingConfig);
  const { RoutingConfig: _previous, ...rest } = current;
  const alias: AliasConfiguration = {
    ...rest,
    FunctionVersion: version,
    Description: input.Description ?? current.Description,
    ...(weights ? { RoutingConfig: { AdditionalVersionWeights: weights } } : {}),
    RevisionId: newRevisionId(),
  };
  saveAlias(ctx, fn, alias);
  return alias;
};
