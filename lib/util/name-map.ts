/**
 * A record keyed by names users choose (alias names, statement ids, qualifiers). It has no
 * prototype, and every read checks for an own key, so a name such as `__proto__` or `constructor` is
 * an ordinary key that neither pollutes nor reads `Object.prototype`.
 */
export type NameMap<V> = Readonly<Record<string, V>>;

/**
 * The value stored under `key`, if the map has one of its own.
 *
 * @example
 * ```ts
 * entryOf(withEntry(undefined, 'live', 1), 'constructor'); // undefined, not Object
 * ```
 */
export const entryOf = <V>(map: NameMap<V> | undefined, key: string): V | undefined =>
  map !== undefined && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;

/**
 * A copy of `map` (without prototype) with `key` set to `value`, keeping the order of existing keys.
 *
 * @example
 * ```ts
 * const aliases = withEntry(undefined, '__proto__', alias); // an own key, no prototype change
 * ```
 */
export function withEntry<V>(map: NameMap<V> | undefined, key: string, value: V): NameMap<V> {
  const out = Object.create(null) as Record<string, V>;
  if (map) for (const k of Object.keys(map)) out[k] = map[k]!;
  out[key] = value;
  return out;
}

/**
 * A copy of `map` (without prototype) without `key`.
 *
 * @example
 * ```ts
 * withoutEntry(aliases, 'live'); // every alias but `live`
 * ```
 */
export function withoutEntry<V>(map: NameMap<V> | undefined, key: string): NameMap<V> {
  const out = Object.create(null) as Record<string, V>;
  if (map) for (const k of Object.keys(map)) if (k !== key) out[k] = map[k]!;
  return out;
}
