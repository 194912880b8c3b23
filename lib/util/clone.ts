/**
 * Deep copy of plain answer data (objects, arrays, `Uint8Array`s, primitives), so that what a user
 * receives never shares an object with the store. Keys such as `__proto__` are copied as own
 * properties and never change a prototype. Byte arrays keep their class (a `Buffer` stays a
 * `Buffer`, the SDK's `Uint8ArrayBlobAdapter` stays one); other class instances, such as an event
 * stream, are live objects rather than data and are passed as they are.
 */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value) as object | null;
  // Plain objects first: they are nearly everything an answer holds (this runs on every command).
  if (proto === Object.prototype || proto === null) return cloneObject(value as Record<string, unknown>) as T;
  if (proto === Array.prototype) {
    const source = value as unknown as unknown[];
    const out = new Array<unknown>(source.length);
    for (let i = 0; i < source.length; i++) out[i] = clone(source[i]);
    return out as T;
  }
  if (value instanceof Uint8Array) {
    // `new Uint8Array(view)` copies the bytes (a Buffer's `slice` would share them).
    const copy = new Uint8Array(value);
    if (proto !== Uint8Array.prototype) Object.setPrototypeOf(copy, proto);
    return copy as T;
  }
  if (value instanceof Date) return new Date(value.getTime()) as T;
  return value;
}

function cloneObject(source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in source) {
    if (!Object.prototype.hasOwnProperty.call(source, key)) continue;
    const v = source[key];
    const copy = v === null || typeof v !== 'object' ? v : clone(v);
    if (key === '__proto__') Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
    else out[key] = copy;
  }
  return out;
}
