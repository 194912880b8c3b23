import type { StoredInvokeResult } from '../invoke/invoke-result';
import type { CollectionName, FunctionState, RegionCollections } from './records';

/** A read-only keyed collection of the store (an immutable map: a snapshot never changes). */
export interface ReadonlyTable<V> extends Iterable<[string, V]> {
  readonly size: number;
  get(key: string): V | undefined;
  has(key: string): boolean;
  keys(): IterableIterator<string>;
  values(): IterableIterator<V>;
  entries(): IterableIterator<[string, V]>;
}

/** A read-only list of the store (an immutable list: a snapshot never changes). */
export interface ReadonlyList<V> extends Iterable<V> {
  readonly size: number;
  get(index: number): V | undefined;
  toArray(): V[];
}

/** Everything stored for one account in one region. */
export type RegionState = {
  readonly accountId: string;
  readonly region: string;
  /** Results `setInvokeResults` queued, next first. */
  readonly invokeResults: ReadonlyList<StoredInvokeResult>;
} & { readonly [K in CollectionName]: ReadonlyTable<RegionCollections[K]> };

/**
 * A read-only snapshot of everything lambda-mock stores. Taking it is free, and it never changes:
 * later commands build a new snapshot.
 *
 * @example
 * ```ts
 * const fn = lambda.state.region('us-east-1').functions.get('orders');
 * expect(fn?.latest.configuration.Runtime).toBe('nodejs22.x');
 * ```
 */
export interface LambdaState {
  /** Every account and region that holds anything, keyed `accountId/region`. */
  readonly regions: ReadonlyTable<RegionState>;
  /** One region's state (empty if nothing was stored there); the account defaults to the mock's. */
  region(region: string, accountId?: string): RegionState;
  /** Invoke results queued for every region of an account (`setInvokeResults` without a region). */
  accountInvokeResults(accountId?: string): ReadonlyList<StoredInvokeResult>;
  /**
   * The functions of one region, or of every region of the mock's account, in store order.
   *
   * @example
   * ```ts
   * expect(lambda.state.functions('us-east-1').map((fn) => fn.name)).toEqual(['orders']);
   * ```
   */
  functions(region?: string): FunctionState[];
  /**
   * One function of the mock's account, by name: in `region`, or in whichever region holds it (an
   * error when several regions hold one of that name).
   *
   * @example
   * ```ts
   * expect(lambda.state.function('orders')?.latest.configuration.MemorySize).toBe(512);
   * expect(lambda.state.function('orders')?.versions.map((v) => v.configuration.Version)).toEqual(['1']);
   * ```
   */
  function(name: string, region?: string): FunctionState | undefined;
}
