import type { OperationHandler } from '../operation-handler';
import { functionArn, getFunctionState, getVersion, parseFunctionName } from '../functions/function-ref';
import { paginate } from '../paginate';
import type { DurableExecutionRecord } from './execution-record';
import { findExecution } from './execution-ref';
import { DURABLE_PAGE, durableMaxItems } from './get-durable-execution-history';

const time = (value: Date | undefined): number | undefined => (value === undefined ? undefined : new Date(value).getTime());

/**
 * ListDurableExecutionsByFunction: the function's executions, newest first (`ReverseOrder`: oldest
 * first), filtered by version, name, statuses and start time, paged.
 */
export const listDurableExecutionsByFunction: OperationHandler<'ListDurableExecutionsByFunction'> = (input, ctx) => {
  const ref = parseFunctionName(ctx, input.FunctionName!, input.Qualifier);
  const fn = getFunctionState(ctx, ref);
  // A qualifier names a version, or an alias and the version it points to.
  const version = ref.qualifier === undefined ? undefined : (getVersion(ctx, fn, ref).configuration.Version ?? '$LATEST');
  const after = time(input.StartedAfter);
  const before = time(input.StartedBefore);
  const matches = (e: DurableExecutionRecord): boolean =>
    e.functionName === fn.name &&
    (version === undefined || e.version === version) &&
    (input.DurableExecutionName === undefined || e.name === input.DurableExecutionName) &&
    (input.Statuses === undefined || input.Statuses.includes(e.status)) &&
    (after === undefined || e.startTimestamp > after) &&
    (before === undefined || e.startTimestamp < before);
  const arns = [...ctx.table('durableExecutions').values()].filter(matches).map((e) => e.arn);
  // Read each one through the clock: a timeout may have closed it, or its retention ended.
  const executions = arns.map((arn) => findExecution(ctx, arn)).filter((e): e is DurableExecutionRecord => e !== undefined && matches(e));
  executions.sort((a, b) => (input.ReverseOrder ? a.startTimestamp - b.startTimestamp : b.startTimestamp - a.startTimestamp));
  const { page, nextMarker } = paginate(executions, input.Marker, durableMaxItems(input.MaxItems), DURABLE_PAGE.defaultMax, DURABLE_PAGE.maxPerPage);
  return {
    DurableExecutions: page.map((e) => ({
      DurableExecutionArn: e.arn,
      DurableExecutionName: e.name,
      FunctionArn: functionArn(ctx, e.functionName),
      Status: e.status,
      StartTimestamp: new Date(e.startTimestamp),
      ...(e.endTimestamp !== undefined ? { EndTimestamp: new Date(e.endTimestamp) } : {}),
    })),
    ...(nextMarker ? { NextMarker: nextMarker } : {}),
  };
};
