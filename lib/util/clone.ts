/**
 * Deep copy of plain answer data (objects, arrays, `Uint8Array`s, primitives), so that what a user
 * receives never shares an object with the store. Keys such as `__proto__` are copied as own
 * properties and never change a prototype. Byte arrays keep their class (a `Buffer` stays a
 * `Buffer`, the SDK's `Uint8ArrayBlobAdapter` stays one); other class instances, such as an event
 * stream, are live objects rather than data and are passed as they are.
 */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = clone(value[i]);
    return out as T;
  }
  if (value instanceof Uint8Array) {
    // `new Uint8Array(view)` copies the bytes (a Buffer's `slice` would share them).
    const copy = new Uint8Array(value);
    const proto = Object.getPrototypeOf(value) as object;
    if (proto !== Uint8Array.prototype) Object.setPrototypeOf(copy, proto);
    return copy as T;
  }
  if (value instanceof Date) return new Date(value.getTime()) as T;
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const v = (value as Record<string, unknown>)[key];
    const copy = v === null || typeof v !== 'object' ? v : clone(v);
    if (key === '__proto__') Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
    else out[key] = copy;
  }
  return out as T;
}
