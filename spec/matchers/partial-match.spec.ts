import { matchesPartial, subsetOf } from '../../lib/matchers/partial-match';

/** jest's own equality, as a matcher's `this.equals` is: asymmetric matchers and typed arrays included. */
const equals = (a: unknown, b: unknown): boolean => {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
};

describe('matchesPartial', () => {
  test.each([
    ['a subset of members', { a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } }, true],
    ['a differing member', { a: 1 }, { a: 2 }, false],
    ['a member received lacks', { a: 1 }, { b: 1 }, false],
    ['an expected undefined member that is absent', { a: 1 }, { b: undefined }, true],
    ['arrays item by item', { list: [{ a: 1, b: 2 }] }, { list: [{ a: 1 }] }, true],
    ['arrays of another length', { list: [1, 2] }, { list: [1] }, false],
    ['an object against a primitive', 'text', { a: 1 }, false],
    ['bytes, whole', { zip: Uint8Array.from([1, 2]) }, { zip: Uint8Array.from([1, 2]) }, true],
    ['bytes that differ', { zip: Uint8Array.from([1, 2]) }, { zip: Uint8Array.from([1]) }, false],
    ['an asymmetric matcher', { arn: 'arn:aws:lambda:x' }, { arn: expect.stringContaining('lambda') }, true],
  ])('%s', (_, received, expected, result) => {
    expect(matchesPartial(received, expected, equals)).toBe(result);
  });
});

describe('subsetOf', () => {
  test('keeps only the members the expectation names, recursively', () => {
    expect(subsetOf({ a: 1, b: { c: 2, d: 3 }, e: [{ f: 1, g: 2 }, { f: 3 }] }, { b: { c: 0 }, e: [{ f: 0 }], missing: 1 })).toEqual({ b: { c: 2 }, e: [{ f: 1 }, { f: 3 }] });
  });

  test('leaves a value the expectation does not look into as it is', () => {
    expect(subsetOf('text', { a: 1 })).toBe('text');
    expect(subsetOf({ a: { b: 1 } }, { a: expect.anything() })).toEqual({ a: { b: 1 } });
  });
});
