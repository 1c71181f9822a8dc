// The vault's contracts: record kinds, the sealed envelope kept in IndexedDB, the key store
// (storage.session in the extension), and what callers read back. Format: docs/vault-format.md.

/** What a record holds. Kinds are stored in clear (they say nothing about an account). */
export type RecordKind = 'account' | 'token' | 'setting';

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
