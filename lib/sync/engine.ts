// The sync engine (issue 6; docs/sync.md): one round reads every device's snapshot from the
// backend, merges them with the local vault (lib/sync/merge.ts), stores what won locally, and
// rewrites this device's own snapshot (lib/sync/ownership.ts). It also joins a second device to a
// synced vault, spreads passphrase changes (the header with the newest stamp wins), refuses to
// mix two vaults (`conflict`), and keeps a status for sync.status. Local use never waits on it:
// a failed round leaves the vault as it was, and edits made offline go out with the next round.
import { compareHlc } from './hlc';
import { mergeSets } from './merge';
import { planOwnRecords, sameRecordSet } from './ownership';
import { debounce, realTimers, type Debounced, type Timers } from './debounce';
import { RetryLater, type DeviceSnapshot, type SyncBackend } from './backend';
import { acceptableHeader, acceptableRemote } from './remote';
import { TesseraError, toErrorInfo, type ErrorInfo } from '../messages/errors';
import type { LocalReplica, SealedRecord, VaultHeader } from '../vault/types';

export type SyncState = 'off' | 'idle' | 'syncing' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** End of the last round that completed (epoch ms), null before the first. */
  lastSyncAt: number | null;
  error?: ErrorInfo;
  /** Set while a write waits for storage.sync's rate limits; a retry is scheduled for then. */
  retryAt?: number;
}

export interface SyncResult {
  /** Records stored locally from other devices. */
  pulled: number;
  /** Records this device put into the backend that it did not hold before. */
  pushed: number;
  /** This device had no vault and took the synced one (it is now locked). */
  joined?: boolean;
  /** A newer header (a passphrase changed elsewhere) was installed. */
  headerAdopted?: boolean;
  /** The write waits for the backend's rate limits until then (records are safe locally). */
  deferredUntil?: number;
}

export interface SyncEngineOptions {
  replica: LocalReplica;
  backend: SyncBackend;
  /** This device's id, as in its stamps (Vault#device). */
  deviceId: string;
  /** How long tombstones stay in the backend at least (default 90 days). */
  tombstoneTtlMs?: number;
  /** Quiet time after the last change before "sync after changes" runs (default 2 s). */
  debounceMs?: number;
  /** Called on every status change (for sync.status and the options page). */
  onStatus?: (status: SyncStatus) => void;
  timers?: Timers;
}

export class SyncEngine {
  private current: SyncStatus = { state: 'idle', lastSyncAt: null };
  private running: Promise<SyncResult> | null = null;
  private queued: Promise<SyncResult> | null = null;
  private readonly timers: Timers;
  private readonly afterChanges: Debounced;
  private retryHandle: unknown = null;
  private stopped = false;
  /** Records pulled by the round in progress (reported when only its write is deferred). */
  private lastPulled = 0;

  constructor(private readonly options: SyncEngineOptions) {
    this.timers = options.timers ?? realTimers;
    this.afterChanges = debounce(() => void this.syncNow().catch(() => {}), options.debounceMs ?? 2000, 30_000, this.timers);
  }

  get backendKind(): SyncBackend['kind'] {
    return this.options.backend.kind;
  }

  status(): SyncStatus {
    return { ...this.current };
  }

  /** Sync after changes: debounced; errors end up in status(). */
  schedule(): void {
    if (!this.stopped) this.afterChanges.schedule();
  }

  /** Stops timers; status becomes 'off'. A round in progress finishes. */
  stop(): void {
    this.stopped = true;
    this.afterChanges.cancel();
    if (this.retryHandle !== null) this.timers.clearTimeout(this.retryHandle);
    this.retryHandle = null;
    this.setStatus({ state: 'off', lastSyncAt: this.current.lastSyncAt });
  }

  /**
   * For sync.configure: reaches the backend (so `unreachable` and `unauthorized` show at once) and
   * says what the first round will do; throws `conflict` when this device's vault and the
   * backend's differ. Writes nothing.
   */
  async check(): Promise<'join' | 'sync' | 'first-push' | 'empty'> {
    const header = await this.options.replica.header();
    const vaults = await this.options.backend.vaults();
    if (!header) return vaults.length ? 'join' : 'empty';
    if (vaults.includes(header.vaultId)) return 'sync';
    if (vaults.length) throw new TesseraError('conflict');
    return 'first-push';
  }

  /** One round now; a call during a round gets one more round after it (calls coalesce). */
  syncNow(): Promise<SyncResult> {
    if (this.stopped) return Promise.reject(new TesseraError('off'));
    if (!this.running) {
      this.running = this.round().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.syncNow();
      });
    return this.queued;
  }

  private async round(): Promise<SyncResult> {
    this.afterChanges.cancel();
    this.setStatus({ state: 'syncing', lastSyncAt: this.current.lastSyncAt });
    try {
      const result = await this.exchange();
      this.setStatus({ state: 'idle', lastSyncAt: this.timers.now() });
      return result;
    } catch (e) {
      if (e instanceof RetryLater) {
        // The pull happened; only our write waits. Not an error for the user.
        this.setStatus({ state: 'idle', lastSyncAt: this.timers.now(), retryAt: e.retryAt });
        this.retryAt(e.retryAt);
        return { pulled: this.lastPulled, pushed: 0, deferredUntil: e.retryAt };
      }
      this.setStatus({ state: 'error', lastSyncAt: this.current.lastSyncAt, error: toErrorInfo(e) });
      throw e;
    }
  }

  private async exchange(): Promise<SyncResult> {
    const { replica, backend, deviceId } = this.options;
    this.lastPulled = 0;
    const header = await replica.header();
    if (!header) return this.join();

    const snapshots = await backend.read(header.vaultId);
    if (snapshots.length === 0) {
      // Nothing of ours there: a backend holding another vault is a conflict (nothing written).
      const others = (await backend.vaults()).filter((v) => v !== header.vaultId);
      if (others.length) throw new TesseraError('conflict');
    }

    const now = this.timers.now();
    const newest = newestHeader([header, ...snapshots.map((s) => s.header).filter((h) => acceptableHeader(h, now))], header.vaultId)!;
    const headerAdopted = compareHlc(newest.hlc, header.hlc) > 0;
    if (headerAdopted) await replica.adoptHeader(newest);

    const remote = snapshots.flatMap((s) => s.records ?? []).filter((r) => acceptableRemote(r, now));
    const { merged, toApplyLocally, toPush } = mergeSets(await replica.sealedRecords(), remote);
    if (toApplyLocally.length) await replica.applyRemote(toApplyLocally);
    this.lastPulled = toApplyLocally.length;

    const own = planOwnRecords({ me: deviceId, merged, snapshots, now: this.timers.now(), tombstoneTtlMs: this.options.tombstoneTtlMs });
    const previous = snapshots.find((s) => s.deviceId === deviceId);
    const unchanged = previous?.records
      ? previous.header?.hlc === newest.hlc && sameRecordSet(previous.records, own)
      : // Nothing to store and the header already there: a device that only reads writes nothing.
        !previous && own.length === 0 && snapshots.some((s) => s.header?.hlc === newest.hlc);
    let pushed = 0;
    if (!unchanged) {
      const fresh = new Set(toPush.map((r) => `${r.id}\u0000${r.hlc}`));
      pushed = own.filter((r) => fresh.has(`${r.id}\u0000${r.hlc}`)).length;
      await backend.write({ vaultId: header.vaultId, deviceId, writtenAt: this.timers.now(), header: newest, records: own });
    }
    return headerAdopted ? { pulled: toApplyLocally.length, pushed, headerAdopted } : { pulled: toApplyLocally.length, pushed };
  }

  /**
   * A device without a vault takes the synced one: the header (so the same passphrase unlocks it)
   * and every record that can be read without the vault key (all of them over WebDAV; over
   * storage.sync the records are packed under the vault key and arrive with the first round after
   * unlock). When the backend holds several vaults, the one written most recently is taken.
   */
  private async join(): Promise<SyncResult> {
    const { replica, backend } = this.options;
    let best: { header: VaultHeader; snapshots: DeviceSnapshot[]; at: number } | null = null;
    const now = this.timers.now();
    for (const vaultId of await backend.vaults()) {
      const snapshots = await backend.read(vaultId);
      const header = newestHeader(snapshots.map((s) => s.header).filter((h) => acceptableHeader(h, now)), vaultId);
      const at = Math.max(...snapshots.map((s) => s.writtenAt));
      if (header && (!best || at > best.at)) best = { header, snapshots, at };
    }
    if (!best) return { pulled: 0, pushed: 0 };
    await replica.adoptHeader(best.header);
    const remote: SealedRecord[] = best.snapshots.flatMap((s) => s.records ?? []).filter((r) => acceptableRemote(r, now));
    const { toApplyLocally } = mergeSets(await replica.sealedRecords(), remote);
    if (toApplyLocally.length) await replica.applyRemote(toApplyLocally);
    this.lastPulled = toApplyLocally.length;
    return { pulled: toApplyLocally.length, pushed: 0, joined: true };
  }

  private retryAt(at: number): void {
    if (this.stopped) return;
    if (this.retryHandle !== null) this.timers.clearTimeout(this.retryHandle);
    this.retryHandle = this.timers.setTimeout(() => {
      this.retryHandle = null;
      void this.syncNow().catch(() => {});
    }, Math.max(0, at - this.timers.now()));
  }

  private setStatus(s: SyncStatus): void {
    if (this.stopped && s.state !== 'off') return;
    this.current = s;
    this.options.onStatus?.({ ...s });
  }
}

/** The header with the newest stamp among those of `vaultId` (null if none). */
export function newestHeader(headers: ReadonlyArray<VaultHeader | null>, vaultId: string): VaultHeader | null {
  let best: VaultHeader | null = null;
  for (const h of headers) if (h && h.vaultId === vaultId && (!best || compareHlc(h.hlc, best.hlc) > 0)) best = h;
  return best;
}
