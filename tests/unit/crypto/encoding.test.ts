import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { concatBytes, fromBase64, toBase64, toBase64Url, utf8Decode, utf8Encode } from '../../../lib/crypto/encoding';
import { randomBytes, randomId } from '../../../lib/crypto/random';

describe('base64 (RFC 4648)', () => {
  it('matches the RFC 4648 §10 test vectors', () => {
    const vectors: Array<[string, string]> = [
      ['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(toBase64(utf8Encode(plain))).toBe(encoded);
      expect(utf8Decode(fromBase64(encoded))).toBe(plain);
    }
  });

  it('round-trips any bytes, including large ones', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    }));
    const big = randomBytes(200_000);
    expect(fromBase64(toBase64(big))).toEqual(big);
  });

  it('rejects non-canonical input', () => {
    for (const bad of ['Zg', 'Zg=', 'Z g==', 'Zm9v\n', '-_8=', 'Zm9v====', '@@@@']) {
      expect(() => fromBase64(bad), bad).toThrow();
    }
  });

  it('base64url has no padding and no + or /', () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe('-__-');
    expect(toBase64Url(new Uint8Array([0xff]))).toBe('_w');
  });
});

describe('utf8', () => {
  it('round-trips text and rejects invalid sequences', () => {
    expect(utf8Decode(utf8Encode('日本語 ✓ é'))).toBe('日本語 ✓ é');
    expect(() => utf8Decode(new Uint8Array([0xc3, 0x28]))).toThrow();
  });

  it('concatenates', () => {
    expect(concatBytes(new Uint8Array([1]), new Uint8Array(), new Uint8Array([2, 3]))).toEqual(new Uint8Array([1, 2, 3]));
  });
});

describe('random', () => {
  it('fills the requested length, beyond one getRandomValues call', () => {
    const bytes = randomBytes(70_000);
    expect(bytes.length).toBe(70_000);
    // The tail past 65,536 bytes is filled too (all zero with probability 2^-35,000).
    expect(bytes.subarray(65_536).some((b) => b !== 0)).toBe(true);
  });

  it('makes 22-character base64url ids that differ', () => {
    const ids = new Set(Array.from({ length: 200 }, randomId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
