import { decodeJson, encodeJson } from '../../lib/snapshot/json-codec';

/** What a value becomes after `encodeJson`, a trip through JSON text, and `decodeJson`. */
const roundTrip = (value: unknown): unknown => decodeJson(JSON.parse(JSON.stringify(encodeJson(value))));

describe('encodeJson / decodeJson', () => {
  test('plain data is written as it is', () => {
    const value = { name: 'orders', size: 3, on: true, none: null, list: [1, 'two', { three: 3 }], nested: { deeper: { x: '' } } };
    expect(encodeJson(value)).toEqual(value);
    expect(roundTrip(value)).toStrictEqual(value);
  });

  test('bytes survive, every byte, from a Uint8Array or a Buffer or a view into a larger buffer', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const view = new Uint8Array(bytes.buffer, 10, 5);
    expect(encodeJson(view)).toEqual({ $bytes: Buffer.from([10, 11, 12, 13, 14]).toString('base64') });
    expect(roundTrip({ bytes, view, buffer: Buffer.from('PK') })).toStrictEqual({ bytes, view: Uint8Array.from([10, 11, 12, 13, 14]), buffer: Uint8Array.from([80, 75]) });
  });

  test('dates, undefined members and numbers JSON cannot hold come back as they were', () => {
    const value = { at: new Date('2024-05-01T10:00:00.123Z'), gone: undefined, list: [undefined, 1], nan: NaN, inf: -Infinity, negativeZero: -0 };
    const back = roundTrip(value) as typeof value;
    expect(back).toStrictEqual(value);
    expect(Object.keys(back)).toEqual(['at', 'gone', 'list', 'nan', 'inf', 'negativeZero']);
    expect(Object.is(back.negativeZero, -0)).toBe(true);
  });

  test('an object without a prototype comes back without one', () => {
    const tags = Object.assign(Object.create(null) as Record<string, string>, { team: 'payments', constructor: 'kept' });
    const back = roundTrip({ tags }) as { tags: Record<string, string> };
    expect(Object.getPrototypeOf(back.tags)).toBeNull();
    expect({ ...back.tags }).toEqual({ team: 'payments', constructor: 'kept' });
  });

  test('data that looks like a marker stays data', () => {
    const value = { $bytes: 'not base64', $date: 'yesterday', $$x: 1, tags: { $undefined: true }, only: { $number: 'NaN' } };
    expect(roundTrip(value)).toStrictEqual(value);
  });

  test('a __proto__ key is data, and changes no prototype', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const back = roundTrip(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(back, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test.each([
    ['a Map', new Map([['a', 1]]), 'Map'],
    ['a class instance', new (class Widget {})(), 'Widget'],
    ['a function', () => 1, 'function'],
    ['a bigint', 1n, 'bigint'],
  ])('%s is refused with the path to it', (_, bad, kind) => {
    expect(() => encodeJson({ records: [{ bad }] }, 'store')).toThrow(new TypeError(`lambda-mock: cannot snapshot store.records[0].bad: a ${kind} is not plain data`));
  });
});
