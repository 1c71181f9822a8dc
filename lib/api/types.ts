// The background's API layer: what a handler gets (ApiContext) and what it is.
// Handlers are plain async functions over a context, so they are tested without a browser.
import type { KeyStore, OpenRecord, ReadResult, RecordKind, Snapshot, VaultChange, VaultState } from '../vault/types';
import type { Settings } from '../settings/settings';

/** The part of lib/vault/vault.ts the API uses. */
export interface VaultLike {
  state(): Promise<VaultState>;
  setup(passphrase: string): Promise<void>;
  unlock(passphrase: string): Promise<void>;
  lock(): Promise<void>;
  changePassphrase(old: string, next: string, options?: { replaceKey?: boolean }): Promise<void>;
  read<T>(kind?: RecordKind): Promise<ReadResult<T>>;
  /** A value derived from snapshot(), kept until a write or a lock (lib/vault/vault.ts derived). */
  derived<V>(name: string, derive: (snap: Snapshot<unknown>) => V): Promise<{ value: V; generation: string | null }>;
  get<T>(id: string): Promise<OpenRecord<T> | null>;
  commit(change: VaultChange): Promise<void>;
}

export interface SettingsStore {
  get(): Promise<Settings>;
  set(patch: Partial<Settings>): Promise<Settings>;
}

export interface ApiContext {
  vault: VaultLike;
  settings: SettingsStore;
  now(): number;
  keyStore?: KeyStore;
  /** Called after every change a sync should carry (debounced by the caller). */
  onChange?(): void;
  /** Called when the vault becomes open: after set-up and after unlock (sync catches up). */
  onUnlock?(): void;
  /** Browser-facing services (tabs, scripting, sync); absent in pure unit tests. */
  services?: Record<string, unknown>;
}

export type Message = { type: string; [field: string]: unknown };
export type Result = Record<string, unknown>;
export type Handler = (msg: Message, ctx: ApiContext) => Promise<Result>;
