import { Map as IMap } from 'immutable';
import type { CollectionName, RegionCollections } from './records';
import type { LambdaState, RegionState } from './state';

/** The stored region: one immutable map per collection. */
export type RegionStore = {
  readonly accountId: string;
  readonly region: string;
} & { readonly [K in CollectionName]: IMap<string, RegionCollections[K]> };

/** The whole store: immutable, so a snapshot is just a reference and a failed change is just dropped. */
export interface StoreRoot {
  readonly regions: IMap<string, RegionStore>;
}

export const regionKey = (accountId: string, region: string): string => `${accountId}/${region}`;

export const emptyRoot = (): StoreRoot => ({ regions: IMap() });

export function emptyRegion(accountId: string, region: string): RegionStore {
  return { accountId, region, functions: IMap() };
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
    this.region = { ...this.region, [name]: next };
    this.changed = true;
  }

  /** The root with this transaction's changes. */
  commit(): StoreRoot {
    if (!this.changed) return this.root;
    return { ...this.root, regions: this.root.regions.set(regionKey(this.accountId, this.regionName), this.region) };
  }
}

class TableView<K extends CollectionName> implements Table<RegionCollections[K]> {
  constructor(
    private readonly tx: Transaction,
    private readonly name: K,
  ) {}

  private get map(): IMap<string, RegionCollections[K]> {
    return this.tx.region[this.name];
  }

  get(key: string) {
    return this.map.get(key);
  }

  has(key: string) {
    return this.map.has(key);
  }

  set(key: string, value: RegionCollections[K]) {
    this.tx.write(this.name, this.map.set(key, value));
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
  return {
    regions: root.regions as unknown as LambdaState['regions'],
    region: (region, accountId = defaultAccountId) =>
      (root.regions.get(regionKey(accountId, region)) ?? emptyRegion(accountId, region)) as unknown as RegionState,
  };
}
