import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { argon2id as nobleArgon2id } from '@noble/hashes/argon2.js';
import { utf8Encode } from '../../../lib/crypto/encoding';
import { argon2idRaw, deriveKey, deriveKeyWith, preferredEngine } from '../../../lib/crypto/kdf';
import { DEFAULT_KDF, OWASP_MINIMUM, assertKdfParams, newKdfParams } from '../../../lib/crypto/kdf-params';
import { fromBase64 } from '../../../lib/crypto/encoding';
import type { KdfParams } from '../../../lib/vault/types';

const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const small: KdfParams = { name: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1, salt: 'AAECAwQFBgcICQoLDA0ODw==' };

describe('argon2id', () => {
  it('@noble/hashes matches RFC 9106 §5.3 (secret and associated data)', () => {
    const tag = nobleArgon2id(new Uint8Array(32).fill(1), new Uint8Array(16).fill(2), {
      m: 32, t: 3, p: 4, dkLen: 32, key: new Uint8Array(8).fill(3), personalization: new Uint8Array(12).fill(4),
    });
    expect(toHex(tag)).toBe('0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659');
  });

  // hash-wasm has no associated-data input, so RFC 9106 §5.3 cannot be fed to it; both engines are
  // checked against the reference implementation's vectors (P-H-C/phc-winner-argon2, src/test.c).
  const reference = [
    { m: 256, t: 2, p: 1, hex: '9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe' },
    { m: 256, t: 2, p: 2, hex: '6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037' },
    { m: 65536, t: 1, p: 1, hex: 'f6a5adc1ba723dddef9b5ac1d464e180fcd9dffc9d1cbf76cca2fed795d9ca98' },
  ];
  for (const engine of ['hash-wasm', 'noble'] as const) {
    it(`${engine} matches the reference implementation's argon2id vectors`, async () => {
      for (const v of reference) {
        const out = await argon2idRaw(engine, utf8Encode('password'), utf8Encode('somesalt'), {
          memoryKiB: v.m, iterations: v.t, parallelism: v.p,
        });
        expect(toHex(out), `m=${v.m} t=${v.t} p=${v.p}`).toBe(v.hex);
      }
    });
  }

  it('hash-wasm and @noble/hashes agree on random inputs and small parameters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 40 }),
        fc.uint8Array({ minLength: 8, maxLength: 32 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 40 }),
        async (password, salt, t, p, extra) => {
          const params = { memoryKiB: 8 * p + extra, iterations: t, parallelism: p };
          const a = await argon2idRaw('hash-wasm', password, salt, params);
          const b = await argon2idRaw('noble', password, salt, params);
          expect(toHex(a)).toBe(toHex(b));
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('deriveKey', () => {
  it('gives 32 bytes, the same from both engines, and uses hash-wasm where WebAssembly runs', async () => {
    const a = await deriveKeyWith('hash-wasm', 'correct horse', small);
    const b = await deriveKeyWith('noble', 'correct horse', small);
    expect(a.length).toBe(32);
    expect(a).toEqual(b);
    expect(await deriveKey('correct horse', small)).toEqual(a);
    expect(await preferredEngine()).toBe('hash-wasm');
  });

  it('gives the same keys when derivations overlap (two pages unlocking at once)', async () => {
    const params = { ...small, memoryKiB: 4096 };
    const [x, y] = await Promise.all([deriveKey('first passphrase', params), deriveKey('second passphrase', params)]);
    expect(x).toEqual(await deriveKey('first passphrase', params));
    expect(y).toEqual(await deriveKey('second passphrase', params));
  });

  it('derives from an empty passphrase (which hash-wasm alone refuses) so unlock can answer bad-passphrase', async () => {
    expect(await deriveKey('', small)).toEqual(await deriveKeyWith('noble', '', small));
  });

  it('normalises the passphrase with NFKC', async () => {
    const ref = await deriveKey('password café', small);
    // Full-width letters from an IME, and "é" as e + combining acute (macOS input).
    expect(await deriveKey('ｐａｓｓｗｏｒｄ\u3000cafe\u0301', small)).toEqual(ref);
    expect(await deriveKey('password cafe', small)).not.toEqual(ref);
  });

  it('depends on the salt and the cost parameters', async () => {
    const ref = await deriveKey('pass phrase', small);
    expect(await deriveKey('pass phrase', { ...small, salt: 'AAECAwQFBgcICQoLDA0OEA==' })).not.toEqual(ref);
    expect(await deriveKey('pass phrase', { ...small, iterations: 2 })).not.toEqual(ref);
    expect(await deriveKey('pass phrase', { ...small, memoryKiB: 72 })).not.toEqual(ref);
    expect(await deriveKey('pass phrase', { ...small, parallelism: 2 })).not.toEqual(ref);
  });

  it('refuses unknown or absurd parameters (a header may come from a sync backend)', async () => {
    const bad: Array<Partial<KdfParams> & Record<string, unknown>> = [
      { name: 'scrypt' as 'argon2id' },
      { memoryKiB: 4 * 1024 * 1024 },
      { memoryKiB: 7 },
      { parallelism: 4, memoryKiB: 31 },
      { iterations: 0 },
      { iterations: 1.5 },
      { iterations: 1000 },
      { parallelism: 0 },
      { salt: 'AAECAwQFBgc=' },
      { salt: 'not base64!' },
      { memoryKiB: 512 * 1024 },
      { iterations: 11 },
      { memoryKiB: 256 * 1024, iterations: 10 },
      { salt: 'A'.repeat(200) },
    ];
    for (const b of bad) {
      expect(() => assertKdfParams({ ...small, ...b }), JSON.stringify(b)).toThrow();
      await expect(deriveKey('pass phrase', { ...small, ...b })).rejects.toThrow();
    }
  });
});

describe('newKdfParams', () => {
  it('uses the defaults, at or above the OWASP minimum, with a fresh 16-byte salt', () => {
    const a = newKdfParams();
    const b = newKdfParams();
    expect(a).toMatchObject(DEFAULT_KDF);
    expect(fromBase64(a.salt).length).toBe(16);
    expect(a.salt).not.toBe(b.salt);
    expect(DEFAULT_KDF.memoryKiB).toBeGreaterThanOrEqual(OWASP_MINIMUM.memoryKiB);
    expect(DEFAULT_KDF.iterations * DEFAULT_KDF.memoryKiB).toBeGreaterThanOrEqual(OWASP_MINIMUM.iterations * OWASP_MINIMUM.memoryKiB);
    expect(() => assertKdfParams(a)).not.toThrow();
  });
});
