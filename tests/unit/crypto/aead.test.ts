import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NONCE_BYTES, TAG_BYTES, open, seal, sealWithNonce } from '../../../lib/crypto/aead';
import { utf8Decode, utf8Encode } from '../../../lib/crypto/encoding';
import { randomBytes } from '../../../lib/crypto/random';

const hex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (b) => parseInt(b, 16));
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

describe('XChaCha20-Poly1305', () => {
  it('matches draft-irtf-cfrg-xchacha-03 §A.3.1', () => {
    const key = hex('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
    const nonce = hex('404142434445464748494a4b4c4d4e4f5051525354555657');
    const ad = hex('50515253c0c1c2c3c4c5c6c7');
    const plaintext = utf8Encode(
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
    );
    const ciphertext =
      'bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb' +
      '731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452' +
      '2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9' +
      '21f9664c97637da9768812f615c68b13b52e';
    const tag = 'c0875924c1c7987947deafd8780acf49';

    const sealed = sealWithNonce(key, nonce, plaintext, ad);
    expect(toHex(sealed)).toBe(toHex(nonce) + ciphertext + tag);
    expect(open(key, sealed, ad)).toEqual(plaintext);
  });

  it('round-trips with a fresh nonce each time', () => {
    const key = randomBytes(32);
    const ad = utf8Encode('ad');
    const a = seal(key, utf8Encode('same'), ad);
    const b = seal(key, utf8Encode('same'), ad);
    expect(a.length).toBe(NONCE_BYTES + 4 + TAG_BYTES);
    expect(toHex(a.subarray(0, NONCE_BYTES))).not.toBe(toHex(b.subarray(0, NONCE_BYTES)));
    expect(utf8Decode(open(key, a, ad))).toBe('same');
    expect(utf8Decode(open(key, b, ad))).toBe('same');
  });

  it('rejects any single flipped bit anywhere in the sealed bytes', () => {
    const key = randomBytes(32);
    const ad = utf8Encode('tessera/test');
    const sealed = seal(key, utf8Encode('a secret worth keeping'), ad);
    fc.assert(
      fc.property(fc.nat({ max: sealed.length - 1 }), fc.integer({ min: 0, max: 7 }), (at, bit) => {
        const tampered = sealed.slice();
        tampered[at]! ^= 1 << bit;
        expect(() => open(key, tampered, ad)).toThrow('authentication failed');
      }),
      { numRuns: 300 },
    );
  });

  it('rejects the wrong associated data, the wrong key, and truncation', () => {
    const key = randomBytes(32);
    const ad = utf8Encode('record a');
    const sealed = seal(key, utf8Encode('payload'), ad);
    expect(() => open(key, sealed, utf8Encode('record b'))).toThrow();
    expect(() => open(key, sealed, new Uint8Array())).toThrow();
    expect(() => open(randomBytes(32), sealed, ad)).toThrow();
    for (const len of [0, 1, NONCE_BYTES, NONCE_BYTES + TAG_BYTES - 1, sealed.length - 1]) {
      expect(() => open(key, sealed.slice(0, len), ad), `length ${len}`).toThrow();
    }
    const extended = new Uint8Array(sealed.length + 1);
    extended.set(sealed);
    expect(() => open(key, extended, ad)).toThrow();
  });

  it('refuses keys and nonces of the wrong size', () => {
    expect(() => seal(randomBytes(16), new Uint8Array(1), new Uint8Array())).toThrow();
    expect(() => sealWithNonce(randomBytes(32), randomBytes(12), new Uint8Array(1), new Uint8Array())).toThrow();
  });
});
