import type { OperationContext, OperationHandler } from '../operation-handler';
import { functionArn, parseFunctionName } from '../functions/function-ref';
import { paginate } from '../paginate';
import { readMapping } from './mapping-lifecycle';
import { describeMapping } from './mapping-ref';

/** The function ARN a `FunctionName` filter names, in whichever form it is given (name, partial or full ARN, with a qualifier). */
const filterArn = (ctx: OperationContext, functionName: string): string => {
  const { name, qualifier } = parseFunctionName(ctx, functionName);
  return functionArn(ctx, name, qualifier);
};

/**
 * ListEventSourceMappings: the region's mappings, oldest first, of one event source and/or one
 * function (a mapping made with the function's ARN is found by its name, and the other way round),
 * 100 per page unless `MaxItems` says otherwise.
 */
export const listEventSourceMappings: OperationHandler<'ListEventSourceMappings'> = (input, ctx) => {
  const arn = input.FunctionName === undefined ? undefined : filterArn(ctx, input.FunctionName);
  const records = [...ctx.table('eventSourceMappings').values()]
    .filter((r) => input.EventSourceArn === undefined || r.configuration.EventSourceArn === input.EventSourceArn)
    .filter((r) => arn === undefined || r.configuration.FunctionArn === arn)
    .sort((a, b) => a.order - b.order);
  const { page, nextMarker } = paginate(records, input.Marker, input.MaxItems, 100);
  return {
    EventSourceMappings: page.map((record) => describeMapping(readMapping(ctx, record))),
    ...(nextMarker ? { NextMarker: nextMarker } : {}),
  };
};
