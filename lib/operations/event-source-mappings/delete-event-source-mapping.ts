import type { OperationHandler } from '../operation-handler';
import { assertNotInTransition } from './mapping-lifecycle';
import { describeMapping, storedMapping } from './mapping-ref';

/**
 * DeleteEventSourceMapping (202): answers the mapping `Deleting`, and it is gone. A mapping still
 * being created or updated cannot be deleted yet (`ResourceInUseException`).
 */
export const deleteEventSourceMapping: OperationHandler<'DeleteEventSourceMapping'> = (input, ctx) => {
  const record = storedMapping(ctx, input.UUID!);
  assertNotInTransition(record, 'delete');
  ctx.table('eventSourceMappings').delete(input.UUID!);
  return describeMapping(record, 'Deleting');
};
