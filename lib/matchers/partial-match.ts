type Equals = (received: unknown, expected: unknown) => boolean;

const isAsymmetricMatcher = (value: object): boolean => typeof (value as { asymmetricMatch?: unknown }).asymmetricMatch === 'function';

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || isAsymmetricMatcher(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === Object.prototype || proto === null;
};

/**
 * Whether `received` holds what `expected` describes, as `toMatchObject` decides: every member of an
 * expected object matches the received member of that name (received may have more); arrays match
 * item by item and in length; anything else — values, byte arrays, asymmetric matchers such as
 * `expect.any(String)` — by the runner's own equality.
 *
 * @example
 * ```ts
 * matchesPartial({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } }, this.equals); // true
 * ```
 */
export function matchesPartial(received: unknown, expected: unknown, equals: Equals): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(received) && received.length === expected.length && expected.every((item, i) => matchesPartial(received[i], item, equals));
  }
  if (isPlainObject(expected)) {
    if (received === null || typeof received !== 'object') return false;
    const source = received as Record<string, unknown>;
    return Object.keys(expected).every((key) => Object.prototype.hasOwnProperty.call(source, key) ? matchesPartial(source[key], expected[key], equals) : expected[key] === undefined);
  }
  return equals(received, expected);
}

/**
 * The part of `received` that `expected` speaks of (the members it names, recursively), so that a
 * failure's diff shows only what was asserted, as jest's `toMatchObject` does.
 *
 * @example
 * ```ts
 * subsetOf({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 0 } }); // { b: { c: 2 } }
 * ```
 */
export function subsetOf(received: unknown, expected: unknown): unknown {
  if (Array.isArray(expected) && Array.isArray(received)) {
    return received.map((item: unknown, i) => (i < expected.length ? subsetOf(item, expected[i]) : item));
  }
  if (isPlainObject(expected) && received !== null && typeof received === 'object' && !Array.isArray(received)) {
    const source = received as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(expected)) {
      if (Object.prototype.hasOwnProperty.call(source, key)) out[key] = subsetOf(source[key], expected[key]);
    }
    return out;
  }
  return received;
}
