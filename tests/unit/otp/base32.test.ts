import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalSecret, decodeBase32, decodeSecret, encodeBase32 } from '../../../lib/otp/base32';
import { errorCode as code } from './helpers';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('Base32 (RFC 4648 §6)', () => {
  // RFC 4648 §10 test vectors.
  const vectors: Array<[string, string]> = [
    ['', ''],
    ['f', 'MY======'],
    ['fo', 'MZXQ===='],
    ['foo', 'MZXW6==='],
    ['foob', 'MZXW6YQ='],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI======'],
  ];

  it.each(vectors)('decodes the RFC 4648 §10 vector for %j, padded and not', (plain, b32) => {
    expect(decodeBase32(b32)).toEqual(bytes(plain));
    expect(decodeBase32(b32.replace(/=+$/, ''))).toEqual(bytes(plain));
    expect(encodeBase32(bytes(plain))).toBe(b32.replace(/=+$/, ''));
  });

  it('decodes the Key Uri Format example to "Hello!\\xDE\\xAD\\xBE\\xEF"', () => {
    expect(decodeSecret('JBSWY3DPEHPK3PXP')).toEqual(Uint8Array.from([72, 101, 108, 108, 111, 33, 0xde, 0xad, 0xbe, 0xef]));
  });

  it('accepts lower case, spaces and padding, and canonicalises to upper case without them', () => {
    expect(canonicalSecret('jbsw y3dp ehpk 3pxp')).toBe('JBSWY3DPEHPK3PXP');
    expect(canonicalSecret('  JBSWY3DPEHPK3PXP  ')).toBe('JBSWY3DPEHPK3PXP');
    expect(canonicalSecret('mzxw6===')).toBe('MZXW6');
    expect(canonicalSecret('MZXW 6===')).toBe('MZXW6');
  });

  it('canonicalises non-zero padding bits to the same bytes', () => {
    // "MZXW7" differs from "MZXW6" only in the 1 padding bit of its last character.
    expect(decodeSecret('MZXW7')).toEqual(bytes('foo'));
    expect(canonicalSecret('MZXW7')).toBe('MZXW6');
  });

  it.each([
    ['a character outside the alphabet', 'JBSWY3DP1'],
    ['the digit 0', 'JBSWY3D0'],
    ['the digit 8', 'JBSWY3D8'],
    ['a hyphen', 'JBSW-Y3DP'],
    ['a tab', 'JBSW\tY3DP'],
    ['a newline', 'JBSW\nY3DP'],
    ['full-width letters', 'ＪＢＳＷＹ３ＤＰ'],
    ['ß (upper-cases to SS)', 'MZXWß'],
    ['dotless ı (upper-cases to I)', 'MZXWıYTB'],
    ['an impossible length (1 mod 8)', 'MZXW6YTBO'],
    ['an impossible length (3 mod 8)', 'MZX'],
    ['an impossible length (6 mod 8)', 'MZXW6Y'],
    ['padding in the middle', 'MZ=XW6==='],
    ['too much padding', 'MZXW6===='],
    ['too little padding', 'MZXW6=='],
    ['padding alone', '========'],
    ['base64', 'SGVsbG8='],
  ])('rejects %s with bad-secret', (_, input) => {
    expect(code(() => decodeSecret(input))).toBe('bad-secret');
  });

  it('rejects a secret of zero bytes', () => {
    expect(decodeBase32('')).toEqual(new Uint8Array(0));
    expect(code(() => decodeSecret(''))).toBe('bad-secret');
    expect(code(() => canonicalSecret('   '))).toBe('bad-secret');
  });

  it('never quotes the secret in its error message', () => {
    try {
      decodeSecret('SECRETVALUE1');
    } catch (e) {
      expect((e as Error).message).not.toContain('SECRETVALUE');
    }
  });

  it('round-trips any bytes, and decoding throws only TesseraError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), (b) => {
      expect(decodeBase32(encodeBase32(b))).toEqual(b);
    }), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
      const c = code(() => decodeBase32(s));
      expect(c === undefined || c === 'bad-secret').toBe(true);
    }), { numRuns: 1000 });
  });
});
