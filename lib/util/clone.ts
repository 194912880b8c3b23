/**
 * Deep copy of plain answer data (objects, arrays, `Uint8Array`s, primitives), so that what a user
 * receives never shares an object with the store. Keys such as `__proto__` are copied as own
 * properties and never change a prototype.
 */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = clone(value[i]);
    return out as T;
  }
  // `Buffer#slice` is a view on the same memory (unlike `Uint8Array#slice`): copy a Buffer with `Buffer.from`.
  if (value instanceof Uint8Array) return (Buffer.isBuffer(value) ? Buffer.from(value) : value.slice()) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
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
