/**
 * A value that `JSON.stringify` writes and `JSON.parse` reads back unchanged.
 *
 * @example
 * ```ts
 * const record: JsonValue = { zip: { $bytes: 'UEsFBg==' }, tags: { team: 'payments' } };
 * ```
 */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

// What JSON cannot hold is written as an object with one `$`-key: bytes, dates, `undefined`,
// numbers such as NaN, and objects without a prototype (the store keeps name → value maps so). A key of the data that starts with `$` gains one more `$` when written, so
// data can never be mistaken for a marker.
const BYTES = '$bytes';
const DATE = '$date';
const UNDEFINED = '$undefined';
const NUMBER = '$number';
const NULL_PROTOTYPE = '$nullPrototype';

const escapeKey = (key: string): string => (key.startsWith('$') ? `$${key}` : key);
const unescapeKey = (key: string): string => (key.startsWith('$$') ? key.slice(1) : key);

/** Own enumerable members, written as an object (keys escaped). */
function encodeMembers(value: object, path: string): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [key, member] of Object.entries(value)) {
    // defineProperty: a `__proto__` key is data, and must not change the output's prototype.
    Object.defineProperty(out, escapeKey(key), { value: encodeJson(member, `${path}.${key}`), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function decodeMembers(value: Record<string, unknown>, out: Record<string, unknown>): Record<string, unknown> {
  for (const [key, member] of Object.entries(value)) {
    Object.defineProperty(out, unescapeKey(key), { value: decodeJson(member), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const describeValue = (value: unknown): string => {
  if (typeof value !== 'object' || value === null) return typeof value;
  return (value.constructor as { name?: string } | undefined)?.name ?? 'object';
};

/**
 * The JSON form of stored data: plain objects, arrays, strings, booleans, numbers, `null`, plus byte
 * arrays, dates and `undefined` members, which become markers. Anything else (a Map, a class
 * instance, a function) is refused: it could not come back as it was.
 *
 * @example
 * ```ts
 * encodeJson({ zip: new Uint8Array([80, 75]) }); // { zip: { $bytes: 'UEs=' } }
 * ```
 */
export function encodeJson(value: unknown, path = 'value'): JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? value : { [NUMBER]: String(Object.is(value, -0) ? '-0' : value) };
    case 'undefined':
      return { [UNDEFINED]: true };
    case 'object':
      if (value === null) return null;
      if (value instanceof Uint8Array) return { [BYTES]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
      if (value instanceof Date) return { [DATE]: value.toISOString() };
      if (Array.isArray(value)) return Array.from(value, (item: unknown, i) => encodeJson(item, `${path}[${i}]`));
      if (Object.getPrototypeOf(value) === Object.prototype) return encodeMembers(value, path);
      if (Object.getPrototypeOf(value) === null) return { [NULL_PROTOTYPE]: encodeMembers(value, path) };
  }
  throw new TypeError(`lambda-mock: cannot snapshot ${path}: a ${describeValue(value)} is not plain data`);
}

/**
 * The value `encodeJson` wrote, rebuilt: markers become bytes (`Uint8Array`), dates, `undefined`,
 * such numbers, and objects without a prototype.
 *
 * @example
 * ```ts
 * decodeJson({ zip: { $bytes: 'UEs=' } }); // { zip: Uint8Array [80, 75] }
 * ```
 */
export function decodeJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decodeJson);
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1) {
    const [key, member] = entries[0]!;
    if (key === BYTES && typeof member === 'string') return new Uint8Array(Buffer.from(member, 'base64'));
    if (key === DATE && typeof member === 'string') return new Date(member);
    if (key === UNDEFINED) return undefined;
    if (key === NUMBER && typeof member === 'string') return Number(member);
    if (key === NULL_PROTOTYPE && member !== null && typeof member === 'object' && !Array.isArray(member)) {
      return decodeMembers(member as Record<string, unknown>, Object.create(null) as Record<string, unknown>);
    }
  }
  return decodeMembers(value as Record<string, unknown>, {});
}
