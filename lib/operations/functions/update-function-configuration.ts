import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { lambdaTimestamp, newRevisionId } from '../../util/aws';
import { clone } from '../../util/clone';
import type { OperationHandler } from '../operation-handler';
import { applyConfiguration } from './function-configuration';
import { assertNoTransition, assertRevision, UPDATE_IN_PROGRESS } from './function-lifecycle';
import { sameConfiguration, saveFunction } from './function-record';
import { getFunctionState, parseFunctionName } from './function-ref';

/** UpdateFunctionConfiguration: new settings for `$LATEST`; a request that changes nothing changes no RevisionId. */
export const updateFunctionConfiguration: OperationHandler<'UpdateFunctionConfiguration'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!);
  const fn = getFunctionState(ctx, ref);
  const current = fn.latest.configuration;
  assertRevision(current.RevisionId, input.RevisionId);
  assertNoTransition(ctx, fn);
  const next: FunctionConfiguration = clone(current);
  applyConfiguration(ctx, next, input);
  if (sameConfiguration(next, current) && next.Description === current.Description) return current;
  const configuration = { ...next, LastModified: lambdaTimestamp(ctx.now), RevisionId: newRevisionId(), ...UPDATE_IN_PROGRESS };
  saveFunction(ctx, { ...fn, latest: { ...fn.latest, configuration } });
  ctx.markPending(fn.name);
  return configuration;
};
