// The vault header's authenticity (docs/vault-format.md, "Header"): its MAC under a key derived
// from the vault key, its shape, and the chain of older vault keys a header carries after "also
// replace the vault key". Wrapping the vault key under the passphrase lives in lib/vault/header.ts.
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { KEY_BYTES, open, seal } from '../crypto/aead';
import { fromBase64, toBase64, utf8Decode, utf8Encode } from '../crypto/encoding';
import { assertKdfParams } from '../crypto/kdf-params';
import { keyId } from './envelope';
import { isHlc } from './hlc';
import type { KdfParams, PasskeyWrap, VaultHeader } from './types';

/** The header format written today (format 1 is read and upgraded on first use of the key). */
export const VAULT_FORMAT = 2 as const;

/**
 * The header's MAC (RFC 2104 HMAC-SHA-256 under an RFC 5869 HKDF key from the vault key): only a
 * holder of the vault key can write a header that an unlocked device will adopt from sync, so a
 * backend cannot swap in a garbage wrapped key or a ruinous KDF cost.
 */
export function headerMac(vaultKey: Uint8Array, h: Omit<VaultHeader, 'mac'>): string {
  const macKey = hkdf(sha256, vaultKey, undefined, utf8Encode('tessera/header-mac/v1'), 32);
  const fields: unknown[] = [h.format, h.vaultId, h.hlc, h.kdf.name, h.kdf.memoryKiB, h.kdf.iterations, h.kdf.parallelism, h.kdf.salt, h.wrappedKey];
  if (h.format !== 1) fields.push(h.keyId ?? '', h.prev ?? '');
  // Passkey wraps (issue 18) are covered too, each field in a fixed order. A header without any
  // keeps the MAC it had before they existed, so older headers still verify.
  if (h.passkeys && h.passkeys.length > 0) fields.push(h.passkeys.map((p) => ['passkey', p.v, p.id, p.name, p.salt, p.wrappedKey, p.keyId, p.sync, p.created, p.rp]));
  return toBase64(hmac(sha256, macKey, utf8Encode(JSON.stringify(fields))));
}

/** Whether `h` was written by a holder of `vaultKey` (format 2 also: names that very key). */
export function verifyHeaderMac(vaultKey: Uint8Array, h: VaultHeader): boolean {
  if (typeof h.mac !== 'string') return false;
  if (h.format === 2 && h.keyId !== keyId(vaultKey)) return false;
  const expected = headerMac(vaultKey, h);
  // Equal length strings compared without an early exit.
  let diff = expected.length ^ h.mac.length;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (h.mac.charCodeAt(i) || 0);
  return diff === 0;
}

/** Shape check for a header read from storage or from another device. */
export function isVaultHeader(x: unknown): x is VaultHeader {
  if (typeof x !== 'object' || x === null) return false;
  const h = x as Record<string, unknown>;
  if ((h.format !== 1 && h.format !== 2) || typeof h.vaultId !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(h.vaultId)) return false;
  if (!isHlc(h.hlc) || typeof h.wrappedKey !== 'string' || h.wrappedKey.length > 200) return false;
  if (h.mac !== undefined && typeof h.mac !== 'string') return false;
  if (h.format === 2 && (typeof h.keyId !== 'string' || !/^[A-Za-z0-9_-]{12}$/.test(h.keyId))) return false;
  if (h.prev !== undefined && (typeof h.prev !== 'string' || h.prev.length > 64 * 1024)) return false;
  if (h.passkeys !== undefined && (h.format !== 2 || !Array.isArray(h.passkeys) || h.passkeys.length > MAX_PASSKEYS || !h.passkeys.every(isPasskeyWrap))) return false;
  if (Array.isArray(h.passkeys) && new Set(h.passkeys.map((p) => p.id)).size !== h.passkeys.length) return false;
  try {
    assertKdfParams(h.kdf as KdfParams);
    fromBase64(h.wrappedKey);
    if (typeof h.prev === 'string') fromBase64(h.prev);
    return true;
  } catch {
    return false;
  }
}

/** At most this many passkey wraps per place (header, or this device's own list). */
export const MAX_PASSKEYS = 20;

/** Shape check of one passkey wrap (lib/passkey/wrap.ts makes and opens them). */
export function isPasskeyWrap(x: unknown): x is PasskeyWrap {
  if (typeof x !== 'object' || x === null) return false;
  const p = x as Record<string, unknown>;
  if (p.v !== 1 || typeof p.id !== 'string' || !/^[A-Za-z0-9_-]{16,1400}$/.test(p.id)) return false;
  if (typeof p.name !== 'string' || p.name.length > 200) return false;
  if (typeof p.salt !== 'string' || typeof p.wrappedKey !== 'string' || p.wrappedKey.length > 200) return false;
  if (typeof p.keyId !== 'string' || !/^[A-Za-z0-9_-]{12}$/.test(p.keyId)) return false;
  if (typeof p.sync !== 'boolean' || typeof p.created !== 'number' || !Number.isFinite(p.created)) return false;
  if (typeof p.rp !== 'string' || p.rp.length > 200) return false;
  try {
    return fromBase64(p.salt).length === 32 && fromBase64(p.wrappedKey).length > 0;
  } catch {
    return false;
  }
}

const prevAd = (vaultId: string, kid: string) => utf8Encode(JSON.stringify(['tessera/previous-keys/v2', vaultId, kid]));

/** The older vault keys (newest first), sealed under the new one for the header's `prev`. */
export function sealPreviousKeys(vaultId: string, newKey: Uint8Array, older: Uint8Array[]): string {
  const plain = utf8Encode(JSON.stringify(older.map((k) => toBase64(k))));
  return toBase64(seal(newKey, plain, prevAd(vaultId, keyId(newKey))));
}

/** The older vault keys a header's `prev` holds ([] when none; throws when it does not open). */
export function openPreviousKeys(h: VaultHeader, key: Uint8Array): Uint8Array[] {
  if (!h.prev) return [];
  const list = JSON.parse(utf8Decode(open(key, fromBase64(h.prev), prevAd(h.vaultId, keyId(key))))) as unknown;
  if (!Array.isArray(list)) throw new Error('bad previous keys');
  return list.map((k) => {
    const bytes = fromBase64(String(k));
    if (bytes.length !== KEY_BYTES) throw new Error('bad previous key');
    return bytes;
  });
}
