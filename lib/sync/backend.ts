// What a sync backend stores and how the engine talks to it (docs/sync.md, "Layout").
// Neither storage.sync nor real WebDAV servers offer an atomic compare-and-swap (issue 6: Apache's
// If-Match and even LOCK let concurrent writers through), so a backend holds one SNAPSHOT PER
// DEVICE, written only by that device, and readers merge them all: no two devices ever write the
// same item or file, so there is no race to lose.
import type { SealedRecord, VaultHeader } from '../record/types';

/** What one device last wrote for one vault. */
export interface DeviceSnapshot {
  vaultId: string;
  deviceId: string;
  /** Wall time of the write (epoch ms, the writer's clock): only to pick a vault to join. */
  writtenAt: number;
  /** The newest header this device knew: the wrapped key and KDF parameters (safe in clear). */
  header: VaultHeader | null;
  /**
   * The records this device stores for everyone (lib/sync/ownership.ts); null when they cannot be
   * read now (sealed under a key this device does not have yet, or damaged).
   */
  records: SealedRecord[] | null;
  /** 2: the snapshot carries a sealed manifest (lib/record/manifest.ts); 1: written before format 2. */
  format?: 1 | 2;
  /** Format 2: the device's sealed manifest (null when missing or unreadable). */
  manifest?: Uint8Array | null;
  /** Format 2: the id of the vault key the manifest is sealed under (in clear). */
  manifestKid?: string;
  /**
   * Set when the backend returned something that is not a snapshot of ours (not JSON, truncated,
   * too large, wrong shape): the engine reports it (`malformed`) and uses nothing of it.
   */
  problem?: 'malformed';
}

/** Seals the manifest for exactly the records a backend stores (all, or a prefix when short of room). */
export type ManifestSealer = (stored: SealedRecord[]) => { sealed: Uint8Array; kid: string };

export interface SyncBackend {
  readonly kind: 'browser' | 'webdav';
  /** The ids of the vaults the backend holds snapshots of. */
  vaults(): Promise<string[]>;
  /** Every device's snapshot of one vault (none: an empty list). */
  read(vaultId: string): Promise<DeviceSnapshot[]>;
  /**
   * Replaces this device's snapshot. Records come in priority order: a backend short of space
   * may store a prefix of them and then throw TesseraError('quota').
   */
  write(snapshot: DeviceSnapshot, sealManifest?: ManifestSealer): Promise<void>;
}

/**
 * Not an error: the backend refused a write for rate (storage.sync's writes per minute or hour)
 * and the engine should try again at `retryAt`. Nothing is lost meanwhile: the data waits locally.
 */
export class RetryLater extends Error {
  constructor(readonly retryAt: number) {
    super('sync write deferred');
    this.name = 'RetryLater';
  }
}
