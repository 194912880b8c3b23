import { List as IList, Map as IMap } from 'immutable';
import { emptyRegion, emptyRoot, freezeRecord, regionKey, type RegionStore, type StoreRoot } from '../store/store';
import { decodeJson, encodeJson, type JsonValue } from './json-codec';

/**
 * What names a lambda-mock snapshot (and its version), so that `load` refuses other JSON.
 *
 * @example
 * ```ts
 * lambda.snapshot().format === SNAPSHOT_FORMAT; // true
 * ```
 */
export const SNAPSHOT_FORMAT = 'lambda-mock/snapshot';
export const SNAPSHOT_VERSION = 1;

/**
 * One account and region of a snapshot: each keyed collection as `[key, record]` pairs, in store order.
 *
 * @example
 * ```ts
 * const [region] = lambda.snapshot().regions;
 * region?.collections.functions?.map(([name]) => name); // ['orders']
 * ```
 */
export interface RegionSnapshot {
  readonly accountId: string;
  readonly region: string;
  /** Every keyed collection of the region (`functions`, …), as `[key, record]` pairs. */
  readonly collections: { readonly [name: string]: readonly (readonly [string, JsonValue])[] };
  /** Every list of the region (the `invokeResults` queue), first item first. */
  readonly lists: { readonly [name: string]: readonly JsonValue[] };
  /** Any other member a region holds (plain data, such as per-region settings). */
  readonly values: { readonly [name: string]: JsonValue };
}

/**
 * Everything lambda-mock stores, as plain JSON-safe data (`JSON.stringify` it to a file, `JSON.parse`
 * it back): every account and region with every collection, and the invoke-result queues. The call
 * log and the invocations are a history rather than state, and are not part of it.
 *
 * @example
 * ```ts
 * const snapshot: LambdaSnapshot = lambda.snapshot();
 * fs.writeFileSync('lambda.json', JSON.stringify(snapshot));
 * ```
 */
export interface LambdaSnapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: typeof SNAPSHOT_VERSION;
  readonly regions: readonly RegionSnapshot[];
  /** The queues `setInvokeResults` filled without a region, by account. */
  readonly accountInvokeResults: readonly { readonly accountId: string; readonly results: readonly JsonValue[] }[];
}

const REGION_IDENTITY = new Set(['accountId', 'region']);

/**
 * The snapshot of a store: each region's members are found by kind, so a collection added later is
 * included as it is.
 *
 * @example
 * ```ts
 * const snapshot = snapshotOf(backend.store); // what lambda.snapshot() answers
 * ```
 */
export function snapshotOf(root: StoreRoot): LambdaSnapshot {
  const regions: RegionSnapshot[] = [];
  for (const store of root.regions.values()) {
    const collections: Record<string, [string, JsonValue][]> = {};
    const lists: Record<string, JsonValue[]> = {};
    const values: Record<string, JsonValue> = {};
    for (const [name, member] of Object.entries(store)) {
      if (REGION_IDENTITY.has(name)) continue;
      const where = `${store.accountId}/${store.region} ${name}`;
      if (IMap.isMap(member)) {
        collections[name] = [...(member as IMap<string, unknown>).entries()].map(([key, record]) => [key, encodeJson(record, `${where}[${JSON.stringify(key)}]`)]);
      } else if (IList.isList(member)) {
        lists[name] = (member as IList<unknown>).toArray().map((item, i) => encodeJson(item, `${where}[${i}]`));
      } else {
        values[name] = encodeJson(member, where);
      }
    }
    regions.push({ accountId: store.accountId, region: store.region, collections, lists, values });
  }
  const accountInvokeResults = [...root.accountInvokeResults.entries()].map(([accountId, results]) => ({
    accountId,
    results: results.toArray().map((item, i) => encodeJson(item, `${accountId} invoke results[${i}]`)),
  }));
  return { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, regions, accountInvokeResults };
}

const invalid = (why: string): TypeError => new TypeError(`lambda-mock: not a lambda-mock snapshot (${why}); take one with lambda.snapshot()`);

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function arrayAt(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(`${where} is not an array`);
  return value;
}

function stringAt(value: unknown, where: string): string {
  if (typeof value !== 'string') throw invalid(`${where} is not a string`);
  return value;
}

function regionOf(snapshot: unknown, index: number): RegionStore {
  const where = `regions[${index}]`;
  if (!isObject(snapshot)) throw invalid(`${where} is not an object`);
  const accountId = stringAt(snapshot.accountId, `${where}.accountId`);
  const region = stringAt(snapshot.region, `${where}.region`);
  const collections = snapshot.collections ?? {};
  const lists = snapshot.lists ?? {};
  const values = snapshot.values ?? {};
  if (!isObject(collections) || !isObject(lists) || !isObject(values)) throw invalid(`${where}.collections, .lists and .values are objects`);
  // The empty region says which members this version of lambda-mock has, and of which kind.
  const members: Record<string, unknown> = { ...emptyRegion(accountId, region) };
  for (const [name, entries] of Object.entries(collections)) {
    if (!IMap.isMap(members[name])) throw invalid(`${where} has a collection "${name}" this version of lambda-mock does not know`);
    members[name] = IMap(
      arrayAt(entries, `${where}.collections.${name}`).map((entry, i) => {
        const pair = arrayAt(entry, `${where}.collections.${name}[${i}]`);
        return [stringAt(pair[0], `${where}.collections.${name}[${i}][0]`), freezeRecord(decodeJson(pair[1]))] as const;
      }),
    );
  }
  for (const [name, items] of Object.entries(lists)) {
    if (!IList.isList(members[name])) throw invalid(`${where} has a list "${name}" this version of lambda-mock does not know`);
    members[name] = IList(arrayAt(items, `${where}.lists.${name}`).map((item) => freezeRecord(decodeJson(item))));
  }
  for (const [name, value] of Object.entries(values)) {
    if (!(name in members) || REGION_IDENTITY.has(name) || IMap.isMap(members[name]) || IList.isList(members[name])) {
      throw invalid(`${where} has a value "${name}" this version of lambda-mock does not know`);
    }
    members[name] = freezeRecord(decodeJson(value));
  }
  return Object.freeze(members) as RegionStore;
}

/**
 * The store a snapshot describes, checked for its form (records are taken as they were written).
 * Throws a `TypeError` for anything `snapshot()` did not produce.
 *
 * @example
 * ```ts
 * backend.load(rootOf(JSON.parse(text))); // what lambda.load() does
 * ```
 */
export function rootOf(snapshot: unknown): StoreRoot {
  if (!isObject(snapshot) || snapshot.format !== SNAPSHOT_FORMAT) throw invalid(`its "format" is not "${SNAPSHOT_FORMAT}"`);
  if (snapshot.version !== SNAPSHOT_VERSION) throw invalid(`version ${String(snapshot.version)}; this lambda-mock reads version ${SNAPSHOT_VERSION}`);
  const regions = arrayAt(snapshot.regions, 'regions').map(regionOf);
  const queues = arrayAt(snapshot.accountInvokeResults ?? [], 'accountInvokeResults').map((entry, i) => {
    if (!isObject(entry)) throw invalid(`accountInvokeResults[${i}] is not an object`);
    const results = arrayAt(entry.results, `accountInvokeResults[${i}].results`).map((item) => freezeRecord(decodeJson(item)));
    return [stringAt(entry.accountId, `accountInvokeResults[${i}].accountId`), IList(results)] as const;
  });
  const root = emptyRoot();
  return Object.freeze({
    ...root,
    regions: IMap(regions.map((region) => [regionKey(region.accountId, region.region), region] as const)),
    accountInvokeResults: IMap(queues),
  }) as StoreRoot;
}
