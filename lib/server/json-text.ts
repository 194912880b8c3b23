/**
 * A value in REST-JSON's wire form: `Date`s as epoch seconds (the protocol's default timestamp
 * format; the Lambda model sets no other) and bytes as base64. `undefined` members are left out.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, function replacer(this: Record<string, unknown>, key: string, converted: unknown) {
    // `this[key]` is the value before `toJSON` (a Date's or a Buffer's) converted it.
    const raw = this[key];
    if (raw instanceof Date) return raw.getTime() / 1000;
    if (raw instanceof Uint8Array) return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64');
    return converted;
  });
}
