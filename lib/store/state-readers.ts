import type { FunctionState } from './records';
import { regionKey, type RegionStore, type StoreRoot } from './store';

/** The regions of one account a reader looks in: one region, or all of them. */
function regionsOf(root: StoreRoot, accountId: string, region: string | undefined): RegionStore[] {
  if (region !== undefined) {
    const store = root.regions.get(regionKey(accountId, region));
    return store ? [store] : [];
  }
  return [...root.regions.values()].filter((store) => store.accountId === accountId);
}

/**
 * The functions of one region, or of every region of the account, in store order.
 *
 * @example
 * ```ts
 * functionsIn(root, '123456789012', 'us-east-1').map((fn) => fn.name); // ['orders']
 * ```
 */
export function functionsIn(root: StoreRoot, accountId: string, region?: string): FunctionState[] {
  return regionsOf(root, accountId, region).flatMap((store) => [...store.functions.values()]);
}

/**
 * One function: in `region`, or in the one region of the account that holds it (an error if several do).
 *
 * @example
 * ```ts
 * functionIn(root, '123456789012', 'orders')?.latest.configuration.Runtime; // 'nodejs22.x'
 * ```
 */
export function functionIn(root: StoreRoot, accountId: string, name: string, region?: string): FunctionState | undefined {
  const holders = regionsOf(root, accountId, region).filter((store) => store.functions.has(name));
  if (holders.length > 1) {
    const regions = holders.map((store) => store.region).join(', ');
    throw new Error(`lambda-mock: a function named "${name}" exists in ${regions}: name the region, state.function("${name}", "${holders[0]!.region}")`);
  }
  return holders[0]?.functions.get(name);
}
