// A SyncBackend in memory for engine tests: one snapshot per (vault, device), copied on the way
// in and out like a real store, with switches to make it fail or hide a snapshot.
import type { DeviceSnapshot, ManifestSealer, SyncBackend } from '../../../lib/sync/backend';
import type { SealedRecord } from '../../../lib/vault/types';

const copyRecords = (rs: SealedRecord[] | null) => rs?.map((r) => ({ ...r, sealed: r.sealed ? new Uint8Array(r.sealed) : null })) ?? null;
const copy = (s: DeviceSnapshot): DeviceSnapshot => ({ ...s, header: s.header ? { ...s.header, kdf: { ...s.header.kdf } } : null, records: copyRecords(s.records), ...(s.manifest ? { manifest: new Uint8Array(s.manifest) } : {}) });

export class MemoryBackend implements SyncBackend {
  readonly kind = 'webdav' as const;
  readonly store = new Map<string, Map<string, DeviceSnapshot>>();
  writes = 0;
  /** Thrown by every call while set (e.g. new TesseraError('unreachable')). */
  failWith: Error | null = null;
  /** Devices whose snapshots read back as unreadable (records: null). */
  readonly unreadable = new Set<string>();

  async vaults(): Promise<string[]> {
    if (this.failWith) throw this.failWith;
    return [...this.store.keys()].filter((v) => this.store.get(v)!.size > 0);
  }

  async read(vaultId: string): Promise<DeviceSnapshot[]> {
    if (this.failWith) throw this.failWith;
    return [...(this.store.get(vaultId)?.values() ?? [])].map((s) => {
      const c = copy(s);
      return this.unreadable.has(s.deviceId) ? { ...c, records: null } : c;
    });
  }

  async write(snapshot: DeviceSnapshot, sealManifest?: ManifestSealer): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.writes++;
    if (sealManifest) {
      const m = sealManifest(snapshot.records ?? []);
      snapshot = { ...snapshot, format: 2, manifest: m.sealed, manifestKid: m.kid };
    }
    let vault = this.store.get(snapshot.vaultId);
    if (!vault) this.store.set(snapshot.vaultId, (vault = new Map()));
    vault.set(snapshot.deviceId, copy(snapshot));
  }

  snapshot(vaultId: string, deviceId: string): DeviceSnapshot | undefined {
    return this.store.get(vaultId)?.get(deviceId);
  }

  /** How many snapshots hold a version of `id`. */
  copies(vaultId: string, id: string): number {
    return [...(this.store.get(vaultId)?.values() ?? [])].filter((s) => s.records?.some((r) => r.id === id)).length;
  }
}
