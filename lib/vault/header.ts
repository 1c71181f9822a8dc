// The vault header (docs/vault-format.md, "Header"): the KDF parameters and the random 256-bit
// vault key wrapped under the passphrase-derived key, XChaCha20-Poly1305 with associated data
//   utf8("tessera/vault-key/v1" ‖ 0x00 ‖ vaultId)
// so a wrapped key cannot be moved into another vault's header. Records are sealed under the
// vault key, so changing the passphrase re-wraps this one key and touches no record.
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

/** Shape check for a header read from storage or adopted from another device. */
export function isVaultHeader(x: unknown): x is VaultHeader {
  if (typeof x !== 'object' || x === null) return false;
  const h = x as Record<string, unknown>;
  if (h.format !== VAULT_FORMAT || typeof h.vaultId !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(h.vaultId)) return false;
  if (!isHlc(h.hlc) || typeof h.wrappedKey !== 'string') return false;
  try {
    assertKdfParams(h.kdf as KdfParams);
    fromBase64(h.wrappedKey);
    return true;
  } catch {
    return false;
  }
}
