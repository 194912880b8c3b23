import { freeze } from 'immer';
import { List as IList, Map as IMap } from 'immutable';
import type { StoredInvokeResult } from '../invoke/invoke-result';
import type { CollectionName, RegionCollections } from './records';
import type { LambdaState, RegionState } from './state';
import { functionIn, functionsIn } from './state-readers';

/** The stored region: one immutable map per collection, and the queue of invoke results. */
export type RegionStore = {
  readonly accountId: string;
  readonly region: string;
  readonly invokeResults: IList<StoredInvokeResult>;
} & CollectionMaps;

/**
 * One immutable map per collection. Indexed through this type alone, `maps[name]` keeps its
 * collection's record type (indexing the intersection above widens it to a union of all of them).
 */
export type CollectionMaps = { readonly [K in CollectionName]: IMap<string, RegionCollections[K]> };

/** The whole store: immutable, so a snapshot is just a reference and a failed change is just dropped. */
export interface StoreRoot {
  readonly regions: IMap<string, RegionStore>;
  /** Invoke results queued for every region of an account (`setInvokeResults` without a region), by account. */
  readonly accountInvokeResults: IMap<string, IList<StoredInvokeResult>>;
}

export const regionKey = (accountId: string, region: string): string => `${accountId}/${region}`;

export const emptyRoot = (): StoreRoot => Object.freeze<StoreRoot>({ regions: IMap(), accountInvokeResults: IMap() });

export function emptyRegion(accountId: string, region: string): RegionStore {
  return Object.freeze<RegionStore>({
    accountId,
    region,
    invokeResults: IList(),
    functions: IMap(),
    layers: IMap(),
    codeSigningConfigs: IMap(),
    capacityProviders: IMap(),
    durableExecutions: IMap(),
    eventSourceMappings: IMap(),
    destinationDeliveries: IMap(),
  });
}

/**
 * A record as the store keeps it: deep-frozen, so that nothing (a user holding `lambda.state`, a
 * later handler) can change it in place. Parts that are already frozen are not walked again, so
 * replacing one member of a large record costs only the new parts.
 */
export const freezeRecord = <V>(value: V): V => freeze(value, true);

/** The root with one record replaced: how changes made outside a command (`settle()`) are stored. */
export function putRecord<K extends CollectionName>(
  root: StoreRoot,
  accountId: string,
  region: string,
  name: K,
  key: string,
  value: RegionCollections[K],
): StoreRoot {
  const id = regionKey(accountId, region);
  const current = root.regions.get(id) ?? emptyRegion(accountId, region);
  const maps: CollectionMaps = current;
  const next: RegionStore = Object.freeze({ ...current, [name]: maps[name].set(key, freezeRecord(value)) });
  return Object.freeze({ ...root, regions: root.regions.set(id, next) });
}

/**
 * The root with an invoke-result queue replaced (`lambda.setInvokeResults`): one region's, or with
 * no region, the queue every region of the account takes from once its own queue is empty.
 */
export function putInvokeResults(root: StoreRoot, accountId: string, region: string | undefined, results: IList<StoredInvokeResult>): StoreRoot {
  if (region === undefined) return Object.freeze({ ...root, accountInvokeResults: root.accountInvokeResults.set(accountId, results) });
  const id = regionKey(accountId, region);
  const current = root.regions.get(id) ?? emptyRegion(accountId, region);
  return Object.freeze({ ...root, regions: root.regions.set(id, Object.freeze({ ...current, invokeResults: results })) });
}

/** A typed, read-write view of one collection inside a transaction. */
export interface Table<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
  set(key: string, value: V): void;
  delete(key: string): void;
  values(): IterableIterator<V>;
  readonly size: number;
}

/**
 * The changes one command makes, applied to a private copy of the root (persistent maps make the
 * copy cheap). Nothing is visible to anyone until `commit()`; a handler that throws is simply dropped.
 */
export class Transaction {
  /** This account and region as the transaction has changed it so far. */
  region: RegionStore;
  private changed = false;
  private readonly views: { [K in CollectionName]?: TableView<K> } = {};

  constructor(
    private readonly root: StoreRoot,
    readonly accountId: string,
    readonly regionName: string,
  ) {
    this.region = root.regions.get(regionKey(accountId, regionName)) ?? emptyRegion(accountId, regionName);
  }

  /** One collection of this account and region. */
  table<K extends CollectionName>(name: K): Table<RegionCollections[K]> {
    const views = this.views as { [P in K]?: TableView<P> };
    return (views[name] ??= new TableView(this, name));
  }

  /** Replaces one collection of the region. */
  write<K extends CollectionName>(name: K, next: IMap<string, RegionCollections[K]>): void {
    // Frozen: `lambda.state.region()` hands out this very object.
    this.region = Object.freeze({ ...this.region, [name]: next });
    this.changed = true;
  }

  /**
   * Takes the next queued invoke result, first in first out: the region's own queue first, then the
   * account's. O(1): the queues are persistent lists.
   */
  takeInvokeResult(): StoredInvokeResult | undefined {
    const queue = this.region.invokeResults;
    if (queue.size > 0) {
      this.region = Object.freeze({ ...this.region, invokeResults: queue.shift() });
      this.changed = true;
      return queue.first();
    }
    const accountQueue = this.accountResults ?? this.root.accountInvokeResults.get(this.accountId);
    if (!accountQueue || accountQueue.size === 0) return undefined;
    this.accountResults = accountQueue.shift();
    return accountQueue.first();
  }

  /** The account-wide queue as this transaction has changed it, if it took from it. */
  private accountResults: IList<StoredInvokeResult> | undefined;

  /** The root with this transaction's changes. */
  commit(): StoreRoot {
    let root = this.root;
    if (this.changed) root = { ...root, regions: root.regions.set(regionKey(this.accountId, this.regionName), this.region) };
    if (this.accountResults) root = { ...root, accountInvokeResults: root.accountInvokeResults.set(this.accountId, this.accountResults) };
    return root === this.root ? root : Object.freeze(root);
  }
}

class TableView<K extends CollectionName> implements Table<RegionCollections[K]> {
  constructor(
    private readonly tx: Transaction,
    private readonly name: K,
  ) {}

  private get map(): IMap<string, RegionCollections[K]> {
    const maps: CollectionMaps = this.tx.region;
    return maps[this.name];
  }

  get(key: string) {
    return this.map.get(key);
  }

  has(key: string) {
    return this.map.has(key);
  }

  set(key: string, value: RegionCollections[K]) {
    // Every write freezes, whichever handler made the record (a settled record is rebuilt unfrozen).
    this.tx.write(this.name, this.map.set(key, freezeRecord(value)));
  }

  delete(key: string) {
    this.tx.write(this.name, this.map.delete(key));
  }

  values() {
    return this.map.values();
  }

  get size() {
    return this.map.size;
  }
}

/** The public, read-only view of a root. */
export function viewOf(root: StoreRoot, defaultAccountId: string): LambdaState {
  return Object.freeze<LambdaState>({
    regions: root.regions as unknown as LambdaState['regions'],
    region: (region, accountId = defaultAccountId) =>
      (root.regions.get(regionKey(accountId, region)) ?? emptyRegion(accountId, region)) as unknown as RegionState,
    accountInvokeResults: (accountId = defaultAccountId) => root.accountInvokeResults.get(accountId) ?? IList(),
    functions: (region) => functionsIn(root, defaultAccountId, region),
    function: (name, region) => functionIn(root, defaultAccountId, name, region),
  });
}
