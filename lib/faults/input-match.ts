/** A matcher such as jest's or vitest's `expect.stringMatching(/^orders/)` or `expect.anything()`. */
interface AsymmetricMatcher {
  asymmetricMatch(value: unknown): boolean;
}

const isAsymmetricMatcher = (value: unknown): value is AsymmetricMatcher =>
  value !== null && typeof value === 'object' && typeof (value as Partial<AsymmetricMatcher>).asymmetricMatch === 'function';

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === Object.prototype || proto === null;
};

const bytesOf = (value: string | Uint8Array): Uint8Array => (typeof value === 'string' ? Buffer.from(value, 'utf8') : value);

/** Bytes compare byte for byte, and a string stands for its UTF-8 bytes (a `Payload` sent as a string or as bytes). */
function sameBytes(pattern: string | Uint8Array, value: string | Uint8Array): boolean {
  if (typeof pattern === 'string' && typeof value === 'string') return pattern === value;
  return Buffer.from(bytesOf(pattern)).equals(bytesOf(value));
}

/**
 * Whether a command's input matches the input given to `lambda.on()`. Partial (the default): every
 * member the pattern names matches, at every depth; other members may be anything. Strict: the
 * input has no other (defined) member either, at any depth. Arrays match element by element and
 * have the same length; a member given as `undefined` must be absent; asymmetric matchers
 * (`expect.stringMatching(…)`, `expect.any(String)`) decide for themselves.
 *
 * @example
 * ```ts
 * matchesInput({ FunctionName: 'orders' }, { FunctionName: 'orders', Qualifier: '1' }, false); // true
 * matchesInput({ FunctionName: 'orders' }, { FunctionName: 'orders', Qualifier: '1' }, true);  // false
 * ```
 */
export function matchesInput(pattern: unknown, value: unknown, strict: boolean): boolean {
  if (isAsymmetricMatcher(pattern)) return pattern.asymmetricMatch(value);
  const patternBytes = typeof pattern === 'string' || pattern instanceof Uint8Array;
  if (patternBytes && (typeof value === 'string' || value instanceof Uint8Array)) return sameBytes(pattern, value);
  if (pattern === null || typeof pattern !== 'object') return Object.is(pattern, value);
  if (pattern instanceof Date) return value instanceof Date && value.getTime() === pattern.getTime();
  if (Array.isArray(pattern)) {
    return Array.isArray(value) && value.length === pattern.length && pattern.every((item, i) => matchesInput(item, value[i], strict));
  }
  if (!isPlainObject(pattern)) return Object.is(pattern, value);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(pattern)) {
    const expected = pattern[key];
    if (expected === undefined ? record[key] !== undefined : !matchesInput(expected, record[key], strict)) return false;
  }
  if (strict) {
    for (const key of Object.keys(record)) if (record[key] !== undefined && !Object.prototype.hasOwnProperty.call(pattern, key)) return false;
  }
  return true;
}
