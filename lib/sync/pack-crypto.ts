// The vault-key operations the browser backend needs (docs/sync.md, "The pack"): open a record to
// pack its plaintext, seal what it unpacks back into the vault's record format, and seal or open
// the pack itself. Injected, so lib/sync holds no key: the background builds them from the key
// store with vaultPackCrypto(); tests may pass their own.
import { open, seal } from '../crypto/aead';
import { utf8Encode } from '../crypto/encoding';
import { TesseraError } from '../messages/errors';
import { openRecord, sealRecord } from '../vault/envelope';
import type { RecordKind, SealedRecord } from '../vault/types';

export interface PackCrypto {
  /** A live record's data. Throws TesseraError('locked') without the vault key. */
  openRecord(record: SealedRecord): Promise<unknown>;
  /** Seals data as the vault seals a record (lib/vault/envelope.ts). */
  sealRecord(id: string, kind: RecordKind, data: unknown): Promise<Uint8Array>;
  sealPack(plain: Uint8Array, ad: Uint8Array): Promise<Uint8Array>;
  /** Throws when the pack was altered or sealed under another key or associated data. */
  openPack(sealed: Uint8Array, ad: Uint8Array): Promise<Uint8Array>;
}

/** Associated data of a pack: binds it to its vault and to the device whose items hold it. */
export function packAd(vaultId: string, deviceId: string): Uint8Array {
  return utf8Encode(`tessera/sync-pack/v1\0${vaultId}\0${deviceId}`);
}

/** PackCrypto over the vault key (XChaCha20-Poly1305, lib/crypto/aead.ts); `getKey` null = locked. */
export function vaultPackCrypto(getKey: () => Promise<Uint8Array | null>): PackCrypto {
  const key = async () => {
    const k = await getKey();
    if (!k) throw new TesseraError('locked');
    return k;
  };
  return {
    openRecord: async (r) => openRecord(await key(), r),
    sealRecord: async (id, kind, data) => sealRecord(await key(), id, kind, data),
    sealPack: async (plain, ad) => seal(await key(), plain, ad),
    openPack: async (sealed, ad) => open(await key(), sealed, ad),
  };
}
