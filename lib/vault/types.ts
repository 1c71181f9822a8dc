// The vault's contracts: record kinds, the sealed envelope kept in IndexedDB, the key store
// (storage.session in the extension), and what callers read back. Format: docs/vault-format.md.

/**
 * What a record holds. Kinds are stored in clear (they say nothing about an account).
 * - account: AccountData (lib/otp/account.ts)
 * - token:   one emergency token { accountId, value, addedAt } (lib/tokens)
 * - used:    the used mark of token <id> ({ usedAt }); id = `used:<token id>`. A grow-only set:
 *            never edited, never deleted, and a merge can only add them (issue 5, "ready for sync").
 * - setting: synced settings that may identify something (sealed like the rest)
 * - local:   this device's own sealed settings (e.g. WebDAV credentials); never synced
 */
export type RecordKind = 'account' | 'token' | 'used' | 'setting' | 'local';

/** A record as stored in IndexedDB and as moved by sync: never any clear text but `kind`. */
export interface SealedRecord {
  id: string;
  kind: RecordKind;
  /** Hybrid logical clock of the last write (lib/sync/hlc.ts): orders writes across devices. */
  hlc: string;
  /** A tombstone: the record was deleted; `sealed` is null. */
  deleted: boolean;
  /** nonce ‖ ciphertext ‖ tag of JSON(data), associated data = record id and kind. */
  sealed: Uint8Array | null;
}

/** A record opened with the vault key. */
export interface OpenRecord<T = unknown> {
  id: string;
  kind: RecordKind;
  hlc: string;
  data: T;
}

/** Where the unlocked vault key lives (storage.session in the extension; memory in tests). */
export interface KeyStore {
  get(): Promise<Uint8Array | null>;
  set(key: Uint8Array): Promise<void>;
  clear(): Promise<void>;
}

export type VaultState = 'new' | 'locked' | 'unlocked';

/** One logical change, written in one IndexedDB transaction. */
export interface VaultChange {
  put?: Array<{ id: string; kind: RecordKind; data: unknown }>;
  /** Ids to delete (they become tombstones so sync can spread the deletion). */
  remove?: string[];
}

/** The result of reading records: those that opened, and those that failed authentication. */
export interface ReadResult<T = unknown> {
  records: Array<OpenRecord<T>>;
  corrupt: Array<{ id: string; kind: RecordKind }>;
}

/** Key-derivation parameters, written into the header so they can be raised later. */
export interface KdfParams {
  name: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  /** base64 of 16 random bytes */
  salt: string;
}

/** The vault header (docs/vault-format.md): how to get from the passphrase to the vault key. */
export interface VaultHeader {
  format: 1;
  /** Random id of this vault: two devices whose ids differ hold different vaults (sync `conflict`). */
  vaultId: string;
  /** When the KDF or wrapped key last changed: a passphrase change spreads by sync through it. */
  hlc: string;
  kdf: KdfParams;
  /** base64 of nonce ‖ ciphertext ‖ tag of the 32-byte vault key under the passphrase key. */
  wrappedKey: string;
  /** HMAC of the fields above under a key derived from the vault key (lib/vault/header.ts). */
  mac?: string;
}

/** What sync needs from the local vault (implemented by Vault in lib/vault/vault.ts). */
export interface LocalReplica {
  header(): Promise<VaultHeader | null>;
  /** Installs a header from another device (joining, or the passphrase changed elsewhere). */
  adoptHeader(h: VaultHeader): Promise<void>;
  /** Every record but `local` ones, tombstones included. */
  sealedRecords(): Promise<SealedRecord[]>;
  /** Stores records that won a merge, in one transaction; the vault's clock observes their stamps. */
  applyRemote(records: SealedRecord[]): Promise<void>;
}
