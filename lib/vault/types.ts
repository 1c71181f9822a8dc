// The vault's contracts: the key store (storage.session in the extension), what callers read back,
// one logical change, and the LocalReplica side that sync uses. The record model itself (kinds,
// envelope, header) lives in lib/record/types.ts, below both vault and sync, and is re-exported
// here for existing imports. Format: docs/vault-format.md.
import type { RecordKeyring, RecordKind, SealedRecord, VaultHeader } from '../record/types';

export type { KdfParams, RecordKeyring, RecordKind, SealedRecord, VaultHeader } from '../record/types';

/** The vault's IndexedDB database (lib/vault/db.ts; read raw by lib/vault/raw-rows.ts). */
export const DEFAULT_DB_NAME = 'tessera-vault';

/** storage.session's entry for the unlocked vault key (lib/vault/session-key-store.ts). */
export const SESSION_KEY = 'vaultKey';

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

/** read() of every kind plus what names the state read: the vault's generation and the key ring's ids. */
export interface Snapshot<T = unknown> extends ReadResult<T> {
  /** The vault's generation when read (lib/vault/vault.ts transact), null if it has none. */
  generation: string | null;
  vaultId: string;
  kid: string;
}

/** What applyRemote did with a batch. */
export interface ApplyResult {
  /** Versions stored. */
  applied: number;
  /** Versions refused: they did not open under this vault's key (never stored, never sent on). */
  rejected: number;
  /** Locked: the batch was staged, to be verified and applied at unlock. */
  staged?: boolean;
}

/** This device's sync bookkeeping (docs/sync.md, "Rollback and forks"). */
export interface SyncMeta {
  /** The sequence number of the last snapshot this device wrote. */
  seq: number;
  /** The highest sequence number accepted of each other device, with that snapshot's digest. */
  seen: Record<string, { seq: number; digest: string }>;
}

/** What sync needs from the local vault (implemented by Vault in lib/vault/vault.ts). */
export interface LocalReplica {
  header(): Promise<VaultHeader | null>;
  /**
   * Offers a header from another device (joining, or the passphrase changed elsewhere). It is
   * installed only when it verifies under this vault's key (or, joining, when there is none yet);
   * one written under another key is kept aside until an unlock with its passphrase proves it.
   */
  adoptHeader(h: VaultHeader): Promise<void>;
  /** Every record but `local` ones, tombstones included. */
  sealedRecords(): Promise<SealedRecord[]>;
  /**
   * Stores versions that won a merge, in one transaction, each only after it opens under the
   * vault key; while locked they are staged and verified at unlock. The clock observes their stamps.
   */
  applyRemote(records: SealedRecord[]): Promise<ApplyResult>;
  /** The vault key and what envelopes bind, while unlocked (null when locked or new). */
  keyring(): Promise<RecordKeyring | null>;
  syncMeta(): Promise<SyncMeta>;
  saveSyncMeta(meta: SyncMeta): Promise<void>;
}
