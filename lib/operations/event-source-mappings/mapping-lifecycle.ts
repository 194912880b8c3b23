import { Map as IMap } from 'immutable';
import { ServiceError } from '../../errors/service-error';
import type { EventSourceMappingRecord, SettledMappingState } from '../../store/records';
import { freezeRecord, type RegionStore, type StoreRoot } from '../../store/store';
import type { OperationContext } from '../operation-handler';
import { storedMapping } from './mapping-ref';

/** The states a mapping passes through on its way to `Enabled` or `Disabled`. */
export type TransitionalState = 'Creating' | 'Updating' | 'Enabling' | 'Disabling';

/**
 * The mapping as a change leaves it. With `settle: 'instant'` the transition is complete for every
 * later command (the change answers `transitional` all the same); otherwise the mapping stays in
 * `transitional` until it is read (`on-read`) or `lambda.settle()` is called (`manual`).
 */
export function inTransition(
  ctx: OperationContext,
  record: EventSourceMappingRecord,
  transitional: TransitionalState,
  settled: SettledMappingState,
): EventSourceMappingRecord {
  const { settlesTo: _previous, ...rest } = record;
  if (ctx.settleMode === 'instant') return { ...rest, configuration: { ...record.configuration, State: settled } };
  return { ...rest, configuration: { ...record.configuration, State: transitional }, settlesTo: settled };
}

/** The mapping with its transition complete. */
export function settledMapping(record: EventSourceMappingRecord): EventSourceMappingRecord {
  if (record.settlesTo === undefined) return record;
  const { settlesTo, ...rest } = record;
  return { ...rest, configuration: { ...record.configuration, State: settlesTo } };
}

/** A mapping as a read (GetEventSourceMapping, ListEventSourceMappings) sees it: in `on-read` mode the read completes its transition. */
export function readMapping(ctx: OperationContext, record: EventSourceMappingRecord): EventSourceMappingRecord {
  if (ctx.settleMode !== 'on-read' || record.settlesTo === undefined) return record;
  const settled = settledMapping(record);
  ctx.table('eventSourceMappings').set(record.configuration.UUID!, settled);
  return settled;
}

/** The stored mapping with this UUID as a read sees it, or the service's 404. */
export const readMappingByUuid = (ctx: OperationContext, uuid: string): EventSourceMappingRecord => readMapping(ctx, storedMapping(ctx, uuid));

/**
 * The service's answer to a change of a mapping still in transition (`ResourceInUseException`, 400):
 * it can be updated or deleted only once `Enabled` or `Disabled`.
 */
export function assertNotInTransition(record: EventSourceMappingRecord, change: 'update' | 'delete'): void {
  if (record.settlesTo === undefined) return;
  throw new ServiceError('ResourceInUseException', `Cannot ${change} the event source mapping because it is in use.`);
}

/**
 * The store with every mapping's transition complete (`lambda.settle()`). Untouched when no mapping
 * is in transition, so that settling costs nothing then.
 */
export function settleEventSourceMappings(root: StoreRoot): StoreRoot {
  let regions = root.regions;
  for (const [key, region] of root.regions) {
    let mappings: IMap<string, EventSourceMappingRecord> | undefined;
    for (const [uuid, record] of region.eventSourceMappings) {
      if (record.settlesTo !== undefined) mappings = (mappings ?? region.eventSourceMappings).set(uuid, freezeRecord(settledMapping(record)));
    }
    if (mappings) regions = regions.set(key, Object.freeze<RegionStore>({ ...region, eventSourceMappings: mappings }));
  }
  return regions === root.regions ? root : Object.freeze({ ...root, regions });
}
