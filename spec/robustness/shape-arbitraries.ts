import fc from 'fast-check';
import { allOperationSpecs, allShapeSpecs } from '../../lib/model/extra-operations';
import type { MemberSpec, ShapeSpec } from '../../lib/model/model-types';

/**
 * Generated inputs for any operation, from the API model's shapes (lib/model): mostly values that
 * fit the member's constraints or name something that exists (`pools`), mixed with bad ones — wrong
 * types, missing required members, unknown extra members, empty, very long and unicode strings,
 * numbers out of range, huge payloads, and keys that attack objects.
 */

/** Keys that attack plain objects when used as names. */
export const ATTACK_NAMES = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf'] as const;

/** One 7 MB buffer, shared: over every request limit the service has (6 MB). */
const HUGE = new Uint8Array(7 * 1024 * 1024).fill(0x20);
/** A JSON payload of 2 MB: over the asynchronous limit (1 MB), under the synchronous one. */
const LARGE_JSON = `"${'x'.repeat(2 * 1024 * 1024)}"`;
const VERY_LONG = 'a'.repeat(100_000);

/** Values of every JSON type and more: whatever the member's type, most of these are the wrong one. */
const wrongType = fc.constantFrom<unknown>(
  0, -1, 1.5, 2 ** 53, 'text', '', true, false, [], [1, 'two'], {}, { nested: { deep: [] } }, new Uint8Array([1]), new Date(0), null,
);

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

const patternArbitraries = new Map<string, fc.Arbitrary<string> | null>();

/** Strings matching the model's pattern, when fast-check can generate them (not every Java regex is JavaScript's). */
function matching(pattern: string): fc.Arbitrary<string> | null {
  if (!patternArbitraries.has(pattern)) {
    let arbitrary: fc.Arbitrary<string> | null = null;
    try {
      const regex = new RegExp(`^(?:${pattern})$`);
      arbitrary = fc.stringMatching(regex);
      // Some patterns build arbitraries that fail only when drawn from: try one now.
      fc.sample(arbitrary, { numRuns: 1, seed: 1 });
    } catch {
      arbitrary = null;
    }
    patternArbitraries.set(pattern, arbitrary);
  }
  return patternArbitraries.get(pattern) ?? null;
}

const shapeOf = (name: string): ShapeSpec => {
  const shape = allShapeSpecs[name];
  if (!shape) throw new Error(`no shape ${name} in the model`);
  return shape;
};

/** Edge strings for a member of at most `max` characters. */
function edgeStrings(max: number | undefined): fc.Arbitrary<string> {
  return fc.oneof(
    // Lone surrogates, a non-character, an astral letter, control and format characters.
    fc.constantFrom('', ' ', '\u0000', '\uD800', 'a\uDC00b', '\uFFFF', '𝔘𝔫𝔦', '\u202Eevil', '\r\n', '💥🔥', 'é'.repeat(3), '../..', 'a:b:c', '%s%n', VERY_LONG, ...ATTACK_NAMES),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    // (`unit: 'binary'` takes seconds to build: the ASCII one, plus the constants above.)
    fc.string({ unit: 'binary-ascii', maxLength: 8 }),
    fc.constant('x'.repeat((max ?? 256) + 1)),
  );
}

function edgeNumbers(shape: ShapeSpec, own: MemberSpec | undefined): fc.Arbitrary<number> {
  const min = own?.min ?? shape.min;
  const max = own?.max ?? shape.max;
  const edges = [0, -1, 1, INT_MIN, INT_MAX, INT_MAX + 1, INT_MIN - 1, 2 ** 53, -(2 ** 63), 0.5, -0, Number.NaN, Number.POSITIVE_INFINITY];
  if (min !== undefined) edges.push(min, min - 1);
  if (max !== undefined) edges.push(max, max + 1);
  return fc.constantFrom(...edges);
}

/** Generation settings: values that name things of the world, by member name, and how deep to go. */
export interface ShapeContext {
  readonly pools: Readonly<Record<string, readonly unknown[]>>;
  /** Whether members may be bad (else every member fits, to reach the success paths). */
  readonly bad?: boolean;
}

const MAX_DEPTH = 4;
/** A member left out of a structure. */
const ABSENT = Symbol('absent');

/** A value for one member of a structure: usually fitting, sometimes bad. */
function memberValue(ctx: ShapeContext, memberName: string, member: MemberSpec, depth: number): fc.Arbitrary<unknown> {
  // Pools name things of the world by a top-level member's name (`Arn` deeper down is another thing).
  const pool = depth === 1 ? ctx.pools[memberName] : undefined;
  const fitting = valueOf(ctx, member.target, member, depth);
  const arbitraries: fc.WeightedArbitrary<unknown>[] = [{ arbitrary: fitting, weight: pool ? 3 : 6 }];
  if (ctx.bad) arbitraries.push({ arbitrary: badValue(member.target, member), weight: 1 }, { arbitrary: wrongType, weight: 1 });
  if (pool && pool.length > 0) arbitraries.push({ arbitrary: fc.constantFrom(...pool), weight: 6 });
  return fc.oneof(...arbitraries);
}

/** A value of the shape that satisfies its constraints as far as they can be generated. */
export function valueOf(ctx: ShapeContext, shapeName: string, own: MemberSpec | undefined, depth: number): fc.Arbitrary<unknown> {
  const shape = shapeOf(shapeName);
  const min = own?.min ?? shape.min;
  const max = own?.max ?? shape.max;
  switch (shape.type) {
    case 'string': {
      if (shape.enum) return fc.constantFrom(...shape.enum);
      const pattern = own?.pattern ?? shape.pattern;
      const fromPattern = pattern ? matching(pattern) : null;
      const cap = Math.min(max ?? 40, 40);
      const plain = fc.string({ minLength: Math.min(min ?? 0, cap), maxLength: cap });
      return fromPattern ? fc.oneof({ arbitrary: fromPattern.map((s) => (max !== undefined ? s.slice(0, max) : s)), weight: 3 }, plain) : plain;
    }
    case 'integer':
    case 'long':
      return fc.integer({ min: Math.max(min ?? -5, shape.type === 'integer' ? INT_MIN : Number.MIN_SAFE_INTEGER), max: Math.min(max ?? 2000, INT_MAX) });
    case 'double':
    case 'float':
      return fc.double({ min: min ?? -1e6, max: max ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'timestamp':
      return fc.oneof(fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }), fc.integer({ min: 0, max: 4e9 }));
    case 'blob':
      return fc.oneof(fc.uint8Array({ maxLength: 32 }), fc.json({ maxDepth: 2 }));
    case 'list': {
      if (depth >= MAX_DEPTH || !shape.member) return fc.constant([]);
      return fc.array(valueOf(ctx, shape.member, undefined, depth + 1), { minLength: Math.min(min ?? 0, 3), maxLength: Math.min(max ?? 3, 3) });
    }
    case 'map': {
      if (depth >= MAX_DEPTH || !shape.key || !shape.value) return fc.constant({});
      const key = fc.oneof(valueOf(ctx, shape.key, undefined, depth + 1) as fc.Arbitrary<string>, fc.constantFrom(...ATTACK_NAMES));
      return fc
        .array(fc.tuple(key, valueOf(ctx, shape.value, undefined, depth + 1)), { maxLength: 3 })
        .map((entries) => ownObject(entries));
    }
    case 'structure':
    case 'union':
      return structureOf(ctx, shape, depth);
    default:
      return wrongType;
  }
}

/** An object whose keys are all own properties, `__proto__` included (a literal would set the prototype). */
function ownObject(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** A structure: required members mostly present, optional ones sometimes, an unknown member now and then. */
function structureOf(ctx: ShapeContext, shape: ShapeSpec, depth: number): fc.Arbitrary<Record<string, unknown>> {
  if (depth >= MAX_DEPTH) return fc.constant({});
  const members = Object.entries(shape.members ?? {});
  // Required: left out 1 time in 10; optional: present 4 times in 10 (in a union, 2: rarely more than one).
  // A value is drawn only for a member that is present: deep shapes stay cheap.
  const parts = members.map(([name, member]) => {
    const pooled = depth === 0 && ctx.pools[name] !== undefined;
    const present = member.required ? (ctx.bad ? 9 : 10) : shape.type === 'union' ? 2 : pooled ? 7 : members.length > 8 ? (ctx.bad ? 2 : 1) : 4;
    const value = memberValue(ctx, name, member, depth + 1).map((v) => [name, v] as const);
    return present === 10 ? value : fc.oneof({ arbitrary: fc.constant(ABSENT), weight: 10 - present }, { arbitrary: value, weight: present });
  });
  if (!ctx.bad) return fc.tuple(...parts).map((drawn) => ownObject(drawn.filter((p): p is readonly [string, unknown] => p !== ABSENT)));
  const extra = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 7 },
    { arbitrary: fc.tuple(fc.constantFrom('Unknown', 'functionName', ...ATTACK_NAMES), wrongType), weight: 1 },
  );
  return fc
    .tuple(fc.tuple(...parts), extra)
    .map(([drawn, unknown]) => ownObject([...drawn.filter((p): p is readonly [string, unknown] => p !== ABSENT), ...(unknown ? [unknown] : [])]));
}

/** A value of the member's type that breaks its constraints (or its type's limits). */
function badValue(shapeName: string, own: MemberSpec | undefined): fc.Arbitrary<unknown> {
  const shape = shapeOf(shapeName);
  switch (shape.type) {
    case 'string':
      return edgeStrings(own?.max ?? shape.max);
    case 'integer':
    case 'long':
    case 'double':
    case 'float':
      return edgeNumbers(shape, own);
    case 'blob':
      return fc.constantFrom<unknown>(HUGE, LARGE_JSON, '', new Uint8Array(0), 'not json {', Buffer.from([0xff, 0xfe]));
    case 'list':
      return fc.constantFrom<unknown>([], Array.from({ length: (own?.max ?? shape.max ?? 50) + 1 }, (_, i) => `item${i}`), [null], [[]]);
    case 'map':
      return fc.constantFrom<unknown>(
        ownObject(ATTACK_NAMES.map((k) => [k, 'polluted'])),
        ownObject(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])),
        ownObject([['__proto__', { polluted: true }]]),
        { '': '' },
      );
    default:
      return wrongType;
  }
}

/** A whole input of `operation`: usually a structure of its input shape, sometimes not an object at all. */
export function inputOf(ctx: ShapeContext, operation: string): fc.Arbitrary<unknown> {
  const spec = allOperationSpecs[operation];
  if (!spec?.input) return fc.constant({});
  const shape = shapeOf(spec.input);
  return fc.oneof(
    { arbitrary: structureOf({ ...ctx, bad: false }, shape, 0), weight: 10 },
    { arbitrary: structureOf({ ...ctx, bad: true }, shape, 0), weight: 20 },
    { arbitrary: fc.constantFrom({}, undefined), weight: 1 },
  );
}
