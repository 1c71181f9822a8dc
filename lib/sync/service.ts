// The sync service behind sync.configure, sync.status and sync.now (shared/automation-api.md):
// which backend is on, the WebDAV credentials (sealed in the vault as a `local` record; kept in
// storage.session only until a vault exists or is unlocked), one SyncEngine per configuration,
// and a status that outlives the service worker. Browser objects are injected, so it is tested
// with in-memory stand-ins.
import { deferred } from '../deferred/load';
import { TesseraError } from '../messages/errors';
import type { KeyStore, LocalReplica, OpenRecord, RecordKind, VaultChange, VaultState } from '../vault/types';
import type { StorageSyncArea } from './backends/browser-sync';
import type { EngineBackend } from './build-engine';
import type { SyncEngine, SyncStatus } from './engine';
import { webdavDateHook } from './webdav-date-hook';

export type BackendKind = 'off' | 'browser' | 'webdav';

export interface WebDavCredentials {
  url: string;
  username: string;
  password: string;
}

/** A key-value area shaped like browser.storage.local / .session. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface SyncVault extends LocalReplica {
  state(): Promise<VaultState>;
  get<T>(id: string): Promise<OpenRecord<T> | null>;
  commit(change: VaultChange): Promise<void>;
  deviceId(): Promise<string>;
}

export interface SyncServiceDeps {
  vault: SyncVault;
  keyStore: KeyStore;
  local: KeyValueArea;
  session: KeyValueArea;
  syncArea: StorageSyncArea;
  fetch?: typeof fetch;
}

const BACKEND_KEY = 'syncBackend';
const STATUS_KEY = 'syncStatus';
const PENDING_KEY = 'syncPendingWebdav';
export const WEBDAV_RECORD = 'sync-webdav';
const LOCAL: RecordKind = 'local';

export interface SyncStatusAnswer extends Omit<SyncStatus, 'retryAt'> {
  backend: BackendKind;
  retryAt?: number;
}

export class SyncService {
  private engine: { kind: BackendKind; engine: SyncEngine } | null = null;
  /** An engine being built: concurrent callers share it, so one configuration has one engine. */
  private building: Promise<SyncEngine> | null = null;

  constructor(private readonly deps: SyncServiceDeps) {}

  async backend(): Promise<BackendKind> {
    const v = (await this.deps.local.get(BACKEND_KEY))[BACKEND_KEY];
    return v === 'browser' || v === 'webdav' ? v : 'off';
  }

  /** sync.configure: checks the backend (nothing is written on error), then saves the choice. */
  async configure(kind: BackendKind, creds?: WebDavCredentials): Promise<{ state: SyncStatus['state'] }> {
    if (kind === 'off') {
      this.engine?.engine.stop();
      this.engine = null;
      this.building = null;
      await this.deps.local.set({ [BACKEND_KEY]: 'off', [STATUS_KEY]: { state: 'off', lastSyncAt: null } });
      // Sync off: the WebDAV password is no longer kept anywhere.
      await this.deps.session.remove(PENDING_KEY);
      if ((await this.deps.vault.state()) === 'unlocked') await this.deps.vault.commit({ remove: [WEBDAV_RECORD] });
      return { state: 'off' };
    }
    if (kind === 'webdav' && !creds) throw new TesseraError('bad-input');
    const engine = await this.buildEngine(kind, creds);
    await engine.check();
    this.engine?.engine.stop();
    this.engine = { kind, engine };
    await this.deps.local.set({ [BACKEND_KEY]: kind, [STATUS_KEY]: { state: 'idle', lastSyncAt: null } });
    if (kind === 'webdav') await this.storeCredentials(creds!);
    return { state: 'idle' };
  }

  async status(): Promise<SyncStatusAnswer> {
    const backend = await this.backend();
    if (backend === 'off') return { backend, state: 'off', lastSyncAt: null, rejected: 0 };
    const saved = (await this.deps.local.get(STATUS_KEY))[STATUS_KEY] as SyncStatus | undefined;
    // A saved "syncing" without a live engine is a round the stopped worker never finished.
    const settled = saved?.state === 'syncing' ? { ...saved, state: 'idle' as const } : saved;
    const s = this.engine?.kind === backend ? this.engine.engine.status() : settled ?? { state: 'idle', lastSyncAt: null };
    return { backend, ...s, lastSyncAt: s.lastSyncAt ?? saved?.lastSyncAt ?? null, rejected: s.rejected ?? 0 };
  }

  /** sync.now: one round. While locked only a device with no vault yet may sync (to join). */
  async syncNow(): Promise<{ pulled: number; pushed: number }> {
    const kind = await this.backend();
    if (kind === 'off') throw new TesseraError('off');
    const state = await this.deps.vault.state();
    if (state === 'locked') throw new TesseraError('locked');
    const engine = await this.currentEngine(kind);
    const r = await engine.syncNow();
    return { pulled: r.pulled, pushed: r.pushed };
  }

  /** After a change to the vault: a debounced round, when sync is on and the vault open. */
  async changed(): Promise<void> {
    const kind = await this.backend();
    if (kind === 'off' || (await this.deps.vault.state()) !== 'unlocked') return;
    (await this.currentEngine(kind).catch(() => null))?.schedule();
  }

  /** On unlock: seal credentials that waited in storage.session, then sync (errors go to the status). */
  async unlocked(): Promise<void> {
    const pending = (await this.deps.session.get(PENDING_KEY))[PENDING_KEY] as WebDavCredentials | undefined;
    if (pending) await this.storeCredentials(pending);
    if ((await this.backend()) !== 'off') await this.syncNow().catch(() => undefined);
  }

  private async storeCredentials(creds: WebDavCredentials): Promise<void> {
    if ((await this.deps.vault.state()) === 'unlocked') {
      await this.deps.vault.commit({ put: [{ id: WEBDAV_RECORD, kind: LOCAL, data: creds }] });
      await this.deps.session.remove(PENDING_KEY);
    } else {
      // No vault yet (joining) or locked: memory only, until it can be sealed (automation-api.md).
      await this.deps.session.set({ [PENDING_KEY]: creds });
    }
  }

  private async credentials(): Promise<WebDavCredentials> {
    const pending = (await this.deps.session.get(PENDING_KEY))[PENDING_KEY] as WebDavCredentials | undefined;
    if (pending) return pending;
    if ((await this.deps.vault.state()) !== 'unlocked') throw new TesseraError('locked');
    const rec = await this.deps.vault.get<WebDavCredentials>(WEBDAV_RECORD);
    // Lost credentials (e.g. given before a browser restart, never sealed): ask for them again.
    if (!rec) throw new TesseraError('unauthorized');
    return rec.data;
  }

  private async currentEngine(kind: BackendKind): Promise<SyncEngine> {
    if (this.engine?.kind === kind) return this.engine.engine;
    this.building ??= this.buildEngine(kind).then(
      (engine) => {
        this.engine = { kind, engine };
        return engine;
      },
    ).finally(() => {
      this.building = null;
    });
    return this.building;
  }

  /** The engine and its backend come with the deferred parts (lib/deferred/load.ts): loaded only once sync is on. */
  private async buildEngine(kind: BackendKind, creds?: WebDavCredentials): Promise<SyncEngine> {
    const backend: EngineBackend =
      kind === 'browser'
        ? { kind, area: this.deps.syncArea }
        : { kind: 'webdav', options: { ...(creds ?? (await this.credentials())), fetch: this.deps.fetch, onDate: (o) => webdavDateHook.observe?.(o) } };
    const deviceId = await this.deps.vault.deviceId();
    return (await deferred()).buildSyncEngine({
      backend,
      replica: this.deps.vault,
      deviceId,
      onStatus: (s) => void this.deps.local.set({ [STATUS_KEY]: s }),
    });
  }
}
