import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ALPHABET, base85Length, fromBase85, toBase85 } from '../../../lib/sync/base85';
import { decodePack, encodePack, type PlainRecord } from '../../../lib/sync/pack';
import { encodeHlc } from '../../../lib/record/hlc';
import { randomId } from '../../../lib/crypto/random';
import { typicalAccount } from './accounts';

describe('base85', () => {
  it('uses 85 characters that JSON and HTML-safe JSON writers leave alone', () => {
    expect(ALPHABET).toHaveLength(85);
    expect(new Set(ALPHABET).size).toBe(85);
    expect(JSON.stringify(ALPHABET)).toBe(`"${ALPHABET}"`);
    for (const c of `"\\<>&'\``) expect(ALPHABET).not.toContain(c);
  });

  it('round-trips any bytes at 5 characters per 4 bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase85(bytes);
        expect(text).toHaveLength(base85Length(bytes.length));
        expect(fromBase85(text)).toEqual(bytes);
      }),
      { numRuns: 2000 },
    );
    expect(toBase85(new Uint8Array([0xff, 0xff, 0xff, 0xff]))).toHaveLength(5);
  });

  it('rejects characters outside the alphabet and impossible lengths', () => {
    expect(() => fromBase85('ab"cd')).toThrow();
    expect(() => fromBase85('abcdef')).toThrow();
    expect(() => fromBase85('}}}}}')).toThrow(); // above 2^32 - 1
  });
});

const arbJson: fc.Arbitrary<unknown> = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)));
const arbRecord: fc.Arbitrary<PlainRecord> = fc
  .record({
    id: fc.oneof(fc.constant(null), fc.string({ minLength: 1, maxLength: 30 })),
    kind: fc.constantFrom('account', 'token', 'used', 'setting'),
    wall: fc.integer({ min: 0, max: 9_999_999_999_999 }),
    counter: fc.integer({ min: 0, max: 0xffff }),
    device: fc.constantFrom('devA', 'devB', 'c-_9'),
    deleted: fc.boolean(),
    data: fc.oneof(
      arbJson,
      fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(arbJson, fc.constantFrom('JBSWY3DPEHPK3PXP', 'ABCDEFGH', 'AB'), fc.integer({ min: 1e12, max: 1e13 - 1 }))),
    ),
  })
  .map(({ id, kind, wall, counter, device, deleted, data }) => {
    const r: PlainRecord = { id: id ?? randomId(), kind, hlc: encodeHlc({ wall, counter, device }), deleted };
    if (!deleted) r.data = data;
    return r;
  });

const byKey = (rs: PlainRecord[]) => [...rs].sort((a, b) => (a.id + a.hlc < b.id + b.hlc ? -1 : 1));

describe('pack', () => {
  it('restores every record exactly (ids, stamps, tombstones and JSON data, key order included)', () => {
    fc.assert(
      fc.property(fc.array(arbRecord, { maxLength: 12 }), (records) => {
        const back = decodePack(encodePack(records));
        expect(byKey(back).map((r) => JSON.stringify(r))).toEqual(byKey(records).map((r) => JSON.stringify(r)));
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps a data key named __proto__ as data', () => {
    const data = JSON.parse('{"__proto__":{"x":1},"a":2}') as unknown;
    const [r] = decodePack(encodePack([{ id: 'x', kind: 'setting', hlc: encodeHlc({ wall: 1, counter: 0, device: 'd' }), deleted: false, data }]));
    expect(JSON.stringify(r!.data)).toBe('{"__proto__":{"x":1},"a":2}');
    expect(Object.getPrototypeOf(r!.data)).toBe(Object.prototype);
  });

  it('packs typical accounts in well under 100 bytes each', () => {
    const records = Array.from({ length: 500 }, () => typicalAccount('devA'));
    const bytes = encodePack(records);
    expect(bytes.length / records.length).toBeLessThan(100);
    expect(byKey(decodePack(bytes))).toEqual(byKey(records));
  });

  it('rejects truncated or altered packs', () => {
    const bytes = encodePack([typicalAccount('devA'), typicalAccount('devA')]);
    expect(() => decodePack(bytes.subarray(0, bytes.length - 1))).toThrow();
    expect(() => decodePack(new Uint8Array([2, ...bytes.subarray(1)]))).toThrow();
    expect(() => decodePack(new Uint8Array([...bytes, 0]))).toThrow();
  });
});
