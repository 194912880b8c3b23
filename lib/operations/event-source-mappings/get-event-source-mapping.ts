import type { OperationHandler } from '../operation-handler';
import { readMappingByUuid } from './mapping-lifecycle';
import { describeMapping } from './mapping-ref';

/** GetEventSourceMapping: one mapping by UUID, or `The resource you requested does not exist.` (404). */
export const getEventSourceMapping: OperationHandler<'GetEventSourceMapping'> = (input, ctx) =>
  describeMapping(readMappingByUuid(ctx, input.UUID!));
