// The vault-key operations the browser backend needs (docs/sync.md, "The pack"): open a record to
// pack its plaintext, seal what it unpacks back into the vault's record format (format 2, with the
// stamp and deleted flag bound: lib/record/envelope.ts), and seal or open the pack itself.
// Injected, so lib/sync holds no key: the background builds them from the vault's key ring with
// vaultPackCrypto(); tests may pass their own.
import { open, seal } from '../crypto/aead';
import { utf8Encode } from '../crypto/encoding';
import { TesseraError } from '../messages/errors';
import { openVersion, sealVersion, type RecordMeta } from '../record/envelope';
import type { RecordKeyring, SealedRecord } from '../record/types';

export interface PackCrypto {
  /** A live record's data. Throws TesseraError('locked') without the vault key. */
  openRecord(record: SealedRecord): Promise<unknown>;
  /** Seals a version as the vault does (lib/record/envelope.ts sealVersion). */
  sealVersion(meta: RecordMeta, data?: unknown): Promise<SealedRecord>;
  sealPack(plain: Uint8Array, ad: Uint8Array): Promise<Uint8Array>;
  /** Throws when the pack was altered or sealed under another key or associated data. */
  openPack(sealed: Uint8Array, ad: Uint8Array): Promise<Uint8Array>;
}

/** Associated data of a pack: binds it to its vault and to the device whose items hold it. */
export function packAd(vaultId: string, deviceId: string): Uint8Array {
  return utf8Encode(`tessera/sync-pack/v1\0${vaultId}\0${deviceId}`);
}

/** PackCrypto over the vault's key ring (XChaCha20-Poly1305, lib/crypto/aead.ts); `getRing` null = locked. */
export function vaultPackCrypto(getRing: () => Promise<RecordKeyring | null>): PackCrypto {
  const ring = async () => {
    const r = await getRing();
    if (!r) throw new TesseraError('locked');
    return r;
  };
  return {
    openRecord: async (r) => openVersion(await ring(), r),
    sealVersion: async (meta, data) => sealVersion(await ring(), meta, data),
    sealPack: async (plain, ad) => seal((await ring()).key, plain, ad),
    openPack: async (sealed, ad) => open((await ring()).key, sealed, ad),
  };
}
