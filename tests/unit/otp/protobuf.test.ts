import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ProtoReader, ProtoWriter, toInt32, toInt64, WIRE_LEN, WIRE_VARINT } from '../../../lib/otp/protobuf';
import { errorCode } from './helpers';

describe('protobuf wire format', () => {
  it('encodes varints as the encoding guide shows (150 → 96 01)', () => {
    expect([...new ProtoWriter().int(1, 150).finish()]).toEqual([0x08, 0x96, 0x01]);
    expect([...new ProtoWriter().bytes(2, 'testing').finish()]).toEqual([0x12, 0x07, ...new TextEncoder().encode('testing')]);
  });

  it('sends negative int32 sign-extended in 10 bytes, and reads them back', () => {
    const bytes = new ProtoWriter().int(5, -1).finish();
    expect(bytes.length).toBe(11);
    const r = new ProtoReader(bytes);
    expect(r.tag()).toEqual({ field: 5, wire: WIRE_VARINT });
    expect(toInt32(r.varint())).toBe(-1);
    expect(r.done).toBe(true);
  });

  it('round-trips any int64 and int32', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.integer({ min: 1, max: 2 ** 29 - 1 }), (v, field) => {
      fc.pre(v !== 0n);
      const r = new ProtoReader(new ProtoWriter().int(field, v).finish());
      expect(r.tag()).toEqual({ field, wire: WIRE_VARINT });
      expect(toInt64(r.varint())).toBe(v);
    }), { numRuns: 1000 });
    fc.assert(fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (v) => {
      fc.pre(v !== 0);
      const r = new ProtoReader(new ProtoWriter().int(3, v).finish());
      r.tag();
      expect(toInt32(r.varint())).toBe(v);
    }), { numRuns: 1000 });
  });

  it('reads length-delimited fields without copying past their end', () => {
    const r = new ProtoReader(new ProtoWriter().bytes(1, Uint8Array.of(1, 2, 3)).int(2, 7).finish());
    expect(r.tag()).toEqual({ field: 1, wire: WIRE_LEN });
    expect([...r.bytes()]).toEqual([1, 2, 3]);
    expect(r.tag()).toEqual({ field: 2, wire: WIRE_VARINT });
    expect(r.varint()).toBe(7n);
    expect(r.done).toBe(true);
  });

  it('accepts a 10-byte varint of exactly 64 bits and refuses more', () => {
    expect(new ProtoReader(Uint8Array.of(...Array(9).fill(0xff), 0x01)).varint()).toBe(2n ** 64n - 1n);
    expect(errorCode(() => new ProtoReader(Uint8Array.of(...Array(9).fill(0xff), 0x02)).varint())).toBe('bad-uri');
    expect(errorCode(() => new ProtoReader(Uint8Array.of(...Array(10).fill(0x80), 0x00)).varint())).toBe('bad-uri');
    expect(errorCode(() => new ProtoReader(new Uint8Array(0)).varint())).toBe('bad-uri');
  });

  it('skips wire types 0, 1, 2 and 5 and refuses 3, 4, 6 and 7', () => {
    for (const [wire, body] of [[0, [0x96, 0x01]], [1, [1, 2, 3, 4, 5, 6, 7, 8]], [2, [2, 9, 9]], [5, [1, 2, 3, 4]]] as const) {
      const r = new ProtoReader(Uint8Array.of((1 << 3) | wire, ...body));
      r.skip(r.tag().wire);
      expect(r.done).toBe(true);
    }
    for (const wire of [3, 4, 6, 7]) {
      const r = new ProtoReader(Uint8Array.of((1 << 3) | wire, 0, 0, 0, 0, 0, 0, 0, 0));
      expect(errorCode(() => r.skip(r.tag().wire))).toBe('bad-uri');
    }
  });

  it('throws only TesseraError on any bytes, and always ends', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
      const r = new ProtoReader(b);
      const c = errorCode(() => {
        while (!r.done) r.skip(r.tag().wire);
      });
      expect(c === undefined || c === 'bad-uri').toBe(true);
    }), { numRuns: 3000 });
  });
});
