// The vault header (docs/vault-format.md, "Header"): the KDF parameters and the random 256-bit
// vault key wrapped under the passphrase-derived key, XChaCha20-Poly1305 with associated data
//   utf8("tessera/vault-key/v1" ‖ 0x00 ‖ vaultId)
// so a wrapped key cannot be moved into another vault's header. Records are sealed under the
// vault key, so changing the passphrase re-wraps this one key and touches no record.
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { KEY_BYTES, open, seal } from '../crypto/aead';
import { fromBase64, toBase64, utf8Encode } from '../crypto/encoding';
import { assertKdfParams, deriveKey } from '../crypto/kdf';
import { isHlc } from '../sync/hlc';
import type { KdfParams, VaultHeader } from './types';

export const VAULT_FORMAT = 1;

export function vaultKeyAd(vaultId: string): Uint8Array {
  return utf8Encode(`tessera/vault-key/v1\0${vaultId}`);
}

/** `vaultKey` wrapped under `passphrase` with the given KDF parameters: the header's `wrappedKey`. */
export async function wrapVaultKey(vaultKey: Uint8Array, passphrase: string, vaultId: string, kdf: KdfParams): Promise<string> {
  const kek = await deriveKey(passphrase, kdf);
  return toBase64(seal(kek, vaultKey, vaultKeyAd(vaultId)));
}

/** The vault key, or null when the passphrase (or anything in the header) is wrong. */
export async function unwrapVaultKey(header: VaultHeader, passphrase: string): Promise<Uint8Array | null> {
  const kek = await deriveKey(passphrase, header.kdf);
  try {
    const key = open(kek, fromBase64(header.wrappedKey), vaultKeyAd(header.vaultId));
    return key.length === KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

/**
 * The header's MAC (RFC 2104 HMAC-SHA-256 under an RFC 5869 HKDF key from the vault key): only a
 * holder of the vault key can write a header that an unlocked device will adopt from sync, so a
 * backend cannot swap in a garbage wrapped key or a ruinous KDF cost.
 */
export function headerMac(vaultKey: Uint8Array, h: Omit<VaultHeader, 'mac'>): string {
  const macKey = hkdf(sha256, vaultKey, undefined, utf8Encode('tessera/header-mac/v1'), 32);
  const fields = [h.format, h.vaultId, h.hlc, h.kdf.name, h.kdf.memoryKiB, h.kdf.iterations, h.kdf.parallelism, h.kdf.salt, h.wrappedKey];
  return toBase64(hmac(sha256, macKey, utf8Encode(JSON.stringify(fields))));
}

export function verifyHeaderMac(vaultKey: Uint8Array, h: VaultHeader): boolean {
  if (typeof h.mac !== 'string') return false;
  const expected = headerMac(vaultKey, h);
  // Equal length strings compared without an early exit.
  let diff = expected.length ^ h.mac.length;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (h.mac.charCodeAt(i) || 0);
  return diff === 0;
}

/** Shape check for a header read from storage or adopted from another device. */
export function isVaultHeader(x: unknown): x is VaultHeader {
  if (typeof x !== 'object' || x === null) return false;
  const h = x as Record<string, unknown>;
  if (h.format !== VAULT_FORMAT || typeof h.vaultId !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(h.vaultId)) return false;
  if (!isHlc(h.hlc) || typeof h.wrappedKey !== 'string') return false;
  if (h.mac !== undefined && typeof h.mac !== 'string') return false;
  try {
    assertKdfParams(h.kdf as KdfParams);
    fromBase64(h.wrappedKey);
    return true;
  } catch {
    return false;
  }
}
