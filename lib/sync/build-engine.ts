// One SyncEngine over the backend the user chose (docs/sync.md): browser sync, whose packs are
// sealed with the vault's keyring, or a WebDAV folder. Loaded with the deferred parts
// (lib/deferred/parts.ts): the service (lib/sync/service.ts) keeps the choice and the status
// without the engine, the backends or the pack codec until a round needs them.
import { BrowserSyncBackend, type StorageSyncArea } from './backends/browser-sync';
import { WebDavBackend, type WebDavOptions } from './backends/webdav';
import type { SyncBackend } from './backend';
import { SyncEngine, type SyncStatus } from './engine';
import { vaultPackCrypto } from './pack-crypto';
import type { LocalReplica } from '../vault/types';

export type EngineBackend = { kind: 'browser'; area: StorageSyncArea } | { kind: 'webdav'; options: WebDavOptions };

export interface EngineSpec {
  backend: EngineBackend;
  replica: LocalReplica;
  deviceId: string;
  onStatus(status: SyncStatus): void;
}

export function buildSyncEngine(spec: EngineSpec): SyncEngine {
  const backend: SyncBackend =
    spec.backend.kind === 'browser'
      ? new BrowserSyncBackend({ area: spec.backend.area, crypto: vaultPackCrypto(() => spec.replica.keyring()) })
      : new WebDavBackend(spec.backend.options);
  return new SyncEngine({ replica: spec.replica, backend, deviceId: spec.deviceId, onStatus: spec.onStatus });
}
