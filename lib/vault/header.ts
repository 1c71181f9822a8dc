// The vault header (docs/vault-format.md, "Header"): the KDF parameters and the random 256-bit
// vault key wrapped under the passphrase-derived key, XChaCha20-Poly1305 with associated data
//   utf8("tessera/vault-key/v1" ‖ 0x00 ‖ vaultId)
// so a wrapped key cannot be moved into another vault's header. Records are sealed under the
// vault key, so changing the passphrase re-wraps this one key and touches no record (unless the
// user also replaces the vault key). MAC and shape checks live in lib/record/header.ts.
import { KEY_BYTES, open, seal } from '../crypto/aead';
import { fromBase64, toBase64, utf8Encode } from '../crypto/encoding';
import { deferred } from '../deferred/load';
import type { KdfParams, VaultHeader } from '../record/types';

export { VAULT_FORMAT, headerMac, isVaultHeader, openPreviousKeys, sealPreviousKeys, verifyHeaderMac } from '../record/header';

export function vaultKeyAd(vaultId: string): Uint8Array {
  return utf8Encode(`tessera/vault-key/v1\0${vaultId}`);
}

/** `vaultKey` wrapped under `passphrase` with the given KDF parameters: the header's `wrappedKey`. */
export async function wrapVaultKey(vaultKey: Uint8Array, passphrase: string, vaultId: string, kdf: KdfParams): Promise<string> {
  // The argon2id engines are a deferred part: the worker loads them for a passphrase, not to start.
  const kek = await (await deferred()).deriveKey(passphrase, kdf);
  return toBase64(seal(kek, vaultKey, vaultKeyAd(vaultId)));
}

/** The vault key, or null when the passphrase (or anything in the header) is wrong. */
export async function unwrapVaultKey(header: VaultHeader, passphrase: string): Promise<Uint8Array | null> {
  const { deriveKey } = await deferred();
  try {
    const kek = await deriveKey(passphrase, header.kdf);
    const key = open(kek, fromBase64(header.wrappedKey), vaultKeyAd(header.vaultId));
    return key.length === KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}
