// The sync engine (issue 6; docs/sync.md): one round reads every device's snapshot from the
// backend, merges them with the local vault (lib/sync/merge.ts), stores what won locally, and
// rewrites this device's own snapshot (lib/sync/ownership.ts). It also joins a second device to a
// synced vault, spreads passphrase changes (the header with the newest stamp wins), refuses to
// mix two vaults (`conflict`), and keeps a status for sync.status. Local use never waits on it:
// a failed round leaves the vault as it was, and edits made offline go out with the next round.
import { acceptableHeader, acceptableRemote, judgeRemote } from '../record/accept';
import { verifyHeaderMac } from '../record/header';
import { compareHlc } from '../record/hlc';
import { matchesManifest, openManifest, recordsDigest, sealManifest, type DeviceManifest } from '../record/manifest';
import { compareBytes } from '../record/order';
import type { RecordKeyring } from '../record/types';
import { t } from '../i18n/i18n';
import { mergeSets } from './merge';
import { planOwnRecords, sameRecordSet } from './ownership';
import { debounce, realTimers, type Debounced, type Timers } from './debounce';
import { RetryLater, type DeviceSnapshot, type SyncBackend } from './backend';
import { TesseraError, toErrorInfo, type ErrorInfo } from '../messages/errors';
import type { LocalReplica, SealedRecord, SyncMeta, VaultHeader } from '../vault/types';

/** What sync.status reports when a backend served something this device refused (contract). */
export type SyncWarningCode = 'tampered' | 'rollback' | 'malformed';

/** Most severe first: the one shown when a round saw several. */
const SEVERITY: readonly SyncWarningCode[] = ['tampered', 'rollback', 'malformed'];
/** Distinct refusals remembered until a clean round (the count stops growing there). */
const MAX_REFUSALS = 100_000;

export type SyncState = 'off' | 'idle' | 'syncing' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** End of the last round that completed (epoch ms), null before the first. */
  lastSyncAt: number | null;
  error?: ErrorInfo;
  /** Set while a write waits for storage.sync's rate limits; a retry is scheduled for then. */
  retryAt?: number;
  /** Remote records or files refused since the last round that applied cleanly (contract). */
  rejected?: number;
  /** Why something was refused, in words (contract: `tampered`, `rollback`, `malformed`). */
  warning?: { code: SyncWarningCode; message: string };
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
    this.setStatus({ state: 'syncing', lastSyncAt: this.current.lastSyncAt, ...this.findings() });
    const report = new RoundReport();
    try {
      const result = await this.exchange(report);
      this.settle(report);
      this.setStatus({ state: 'idle', lastSyncAt: this.timers.now(), ...this.findings() });
      return result;
    } catch (e) {
      this.settle(report, true);
      if (e instanceof RetryLater) {
        // The pull happened; only our write waits. Not an error for the user.
        this.setStatus({ state: 'idle', lastSyncAt: this.timers.now(), retryAt: e.retryAt, ...this.findings() });
        this.retryAt(e.retryAt);
        return { pulled: this.lastPulled, pushed: 0, deferredUntil: e.retryAt };
      }
      this.setStatus({ state: 'error', lastSyncAt: this.current.lastSyncAt, error: toErrorInfo(e), ...this.findings() });
      throw e;
    }
  }

  /** Refusals seen since the last clean round (a round that refused nothing clears them). */
  private refused = new Set<string>();
  private warningCode: SyncWarningCode | null = null;

  private settle(report: RoundReport, failed = false): void {
    if (report.keys.size === 0) {
      if (!failed) {
        this.refused.clear();
        this.warningCode = null;
      }
      return;
    }
    for (const k of report.keys) if (this.refused.size < MAX_REFUSALS) this.refused.add(k);
    this.warningCode = SEVERITY.find((c) => report.codes.has(c)) ?? this.warningCode;
  }

  private findings(): Pick<SyncStatus, 'rejected' | 'warning'> {
    const out: Pick<SyncStatus, 'rejected' | 'warning'> = { rejected: this.refused.size };
    if (this.warningCode) out.warning = { code: this.warningCode, message: t(`sync.warning.${this.warningCode}`) };
    return out;
  }

  /**
   * One round, with nothing from the backend believed until it proves itself (docs/sync.md,
   * "What a device accepts"): each device's sealed manifest is opened and matched against the
   * records its snapshot holds; a snapshot older than one already seen of that device (here or
   * by any device whose manifest says so) is ignored; every record that is not byte for byte what
   * this device holds is opened before it is merged; headers are installed only when their MAC
   * verifies. What this device then writes comes from its own vault only, so nothing that failed
   * a check is ever sent on.
   */
  private async exchange(report: RoundReport): Promise<SyncResult> {
    const { replica, backend, deviceId } = this.options;
    this.lastPulled = 0;
    const header = await replica.header();
    if (!header) return this.join();
    const ring = await replica.keyring();
    if (!ring) throw new TesseraError('locked');

    const snapshots = await backend.read(header.vaultId);
    if (snapshots.length === 0) {
      // Nothing of ours there: a backend holding another vault is a conflict (nothing written).
      const others = (await backend.vaults()).filter((v) => v !== header.vaultId);
      if (others.length) throw new TesseraError('conflict');
    }
    const now = this.timers.now();
    const meta = await replica.syncMeta();

    // 1. Manifests: open, match against the records, and collect what every device reports seeing.
    const opened: Array<{ s: DeviceSnapshot; m: DeviceManifest }> = [];
    const legacy: DeviceSnapshot[] = [];
    const reported: Record<string, number> = {};
    for (const s of snapshots) {
      if (s.problem) {
        report.refuse('malformed', `file\u0000${s.deviceId}`);
        continue;
      }
      if (s.format !== 2) {
        if (s.records) legacy.push(s);
        continue;
      }
      if (s.manifestKid !== undefined && s.manifestKid !== ring.kid) {
        // Written under another vault key. If its header announces that key, the key was replaced
        // elsewhere: the header waits for an unlock with the new passphrase (Vault#adoptHeader).
        if (s.header && s.header.format === 2 && s.header.keyId === s.manifestKid && acceptableHeader(s.header, now)) {
          if (compareHlc(s.header.hlc, header.hlc) > 0) await replica.adoptHeader(s.header);
          continue;
        }
        report.refuse('tampered', `file\u0000${s.deviceId}`);
        continue;
      }
      if (!s.manifest) {
        report.refuse('tampered', `file\u0000${s.deviceId}`);
        continue;
      }
      let m: DeviceManifest;
      try {
        m = openManifest(ring, s.deviceId, s.manifest);
      } catch {
        report.refuse('tampered', `file\u0000${s.deviceId}`);
        continue;
      }
      if (s.records === null) continue; // not readable yet (half-propagated): nothing to check
      if (!matchesManifest(m, s.records)) {
        report.refuse('tampered', `file\u0000${s.deviceId}\u0000${m.seq}`);
        continue;
      }
      opened.push({ s, m });
      for (const [d, q] of Object.entries(m.seen)) if (d !== s.deviceId && q > (reported[d] ?? 0)) reported[d] = q;
    }

    // 2. Rollback: older than what this device, or any device that reports it, has seen.
    const seen: SyncMeta['seen'] = { ...meta.seen };
    const accepted: Array<{ s: DeviceSnapshot; m: DeviceManifest }> = [];
    let ownFile: { s: DeviceSnapshot; m: DeviceManifest } | null = null;
    for (const o of opened) {
      const d = o.s.deviceId;
      if (d === deviceId) {
        if (o.m.seq < meta.seq) report.refuse('rollback', `file\u0000${d}\u0000${o.m.seq}`);
        else if (o.m.seq > meta.seq || !(await this.ownFileIntact(o.s))) report.refuse('tampered', `file\u0000${d}\u0000${o.m.seq}`);
        else ownFile = o;
        continue;
      }
      const known = seen[d];
      const floor = Math.max(known?.seq ?? 0, reported[d] ?? 0);
      if (o.m.seq < floor || (known && o.m.seq === known.seq && o.m.digest !== known.digest)) {
        report.refuse('rollback', `file\u0000${d}\u0000${o.m.seq}`);
        continue;
      }
      seen[d] = { seq: o.m.seq, digest: o.m.digest };
      accepted.push(o);
    }
    for (const s of legacy) {
      // A device already seen writing format 2 does not go back to format 1.
      // (This device's own format-1 file, left from before its upgrade, is simply rewritten.)
      if (seen[s.deviceId] || (s.deviceId === deviceId && meta.seq > 0)) report.refuse('rollback', `file\u0000${s.deviceId}\u0000legacy`);
    }

    // 3. Headers: a newer one is installed only when it verifies under the vault key.
    let newest: VaultHeader | null = null;
    for (const { s } of accepted) {
      const h = s.header;
      if (!h || h.vaultId !== header.vaultId || !acceptableHeader(h, now) || compareHlc(h.hlc, header.hlc) <= 0) continue;
      if (verifyHeaderMac(ring.key, h)) {
        if (!newest || compareHlc(h.hlc, newest.hlc) > 0) newest = h;
      } else if (h.format === 2 && h.keyId !== ring.kid) {
        await replica.adoptHeader(h); // another key: kept aside for an unlock to prove
      } else {
        report.refuse('tampered', `header\u0000${s.deviceId}\u0000${h.hlc}`);
      }
    }
    let headerAdopted = false;
    if (newest) {
      await replica.adoptHeader(newest);
      headerAdopted = compareHlc((await replica.header())!.hlc, header.hlc) > 0;
    }

    // 4. Records: every one that is not exactly what this device holds is opened first.
    const local = await replica.sealedRecords();
    const mine = new Map(local.map((r) => [r.id, r]));
    const verified: SealedRecord[] = [];
    const check = (r: SealedRecord, from: string): void => {
      const l = mine.get(r.id);
      if (l && l.hlc === r.hlc && l.deleted === r.deleted && l.kind === r.kind && l.kid === r.kid && compareBytes(l.sealed, r.sealed) === 0) return;
      const verdict = judgeRemote(ring, r, now);
      if (verdict === 'ok') verified.push(r);
      else if (verdict === 'tampered') report.refuse('tampered', `record\u0000${from}\u0000${r.id}\u0000${r.hlc}`);
    };
    for (const { s } of accepted) {
      for (const r of s.records!) {
        // A format-2 snapshot holds format-2 envelopes only: an old envelope in it is a replay.
        if (r.v !== 2) report.refuse('tampered', `record\u0000${s.deviceId}\u0000${r.id}\u0000${r.hlc}`);
        else check(r, s.deviceId);
      }
    }
    for (const s of legacy) {
      if (seen[s.deviceId] || s.deviceId === deviceId) continue;
      // Format 1 (a device not upgraded yet): its envelopes bind neither stamp nor deleted flag,
      // so only records this device does not have are taken, live, and re-sealed (docs/sync.md).
      for (const r of s.records!) if (r.v === undefined && !r.deleted && !mine.has(r.id) && acceptableRemote(r, now)) check(r, s.deviceId);
    }
    const { toApplyLocally } = mergeSets(local, verified);
    if (toApplyLocally.length) {
      const applied = await replica.applyRemote(toApplyLocally);
      for (let i = 0; i < (applied?.rejected ?? 0); i++) report.refuse('tampered', `apply\u0000${i}`);
    }
    this.lastPulled = toApplyLocally.length;

    // 5. This device's own snapshot: from its own vault only (so nothing unverified goes out).
    const ownRecords = await replica.sealedRecords();
    const myHeader = (await replica.header())!;
    const acceptedIds = new Set(accepted.map((o) => o.s.deviceId));
    const planInput = snapshots.map((s) =>
      s.deviceId === deviceId ? (ownFile ? s : { ...s, records: null }) : acceptedIds.has(s.deviceId) ? s : { ...s, records: null },
    );
    const own = planOwnRecords({ me: deviceId, merged: ownRecords, snapshots: planInput, now: this.timers.now(), tombstoneTtlMs: this.options.tombstoneTtlMs });
    const previous = ownFile?.s;
    const holdsHeader = accepted.some((o) => o.s.header?.hlc === myHeader.hlc && o.s.header?.mac === myHeader.mac);
    const unchanged = previous?.records
      ? ownFile!.m.seq === meta.seq && previous.header?.hlc === myHeader.hlc && sameRecordSet(previous.records, own)
      : // Nothing to store and the header already there: a device that only reads writes nothing.
        !snapshots.some((s) => s.deviceId === deviceId) && own.length === 0 && holdsHeader;
    let pushed = 0;
    if (!unchanged) {
      const theirs = new Set(accepted.flatMap((o) => o.s.records!.map((r) => `${r.id}\u0000${r.hlc}`)));
      pushed = own.filter((r) => !theirs.has(`${r.id}\u0000${r.hlc}`) && (previous?.records ?? []).every((p) => p.id !== r.id || p.hlc !== r.hlc)).length;
      const seq = Math.max(meta.seq, reported[deviceId] ?? 0, ownFile?.m.seq ?? 0) + 1;
      const seenSeqs: Record<string, number> = {};
      for (const [d, v] of Object.entries(seen)) seenSeqs[d] = Math.max(v.seq, reported[d] ?? 0);
      for (const [d, q] of Object.entries(reported)) if (d !== deviceId) seenSeqs[d] = Math.max(seenSeqs[d] ?? 0, q);
      // The sequence number is spent before the write: a failed write leaves a gap, never a repeat.
      await replica.saveSyncMeta({ seq, seen });
      const at = this.timers.now();
      const sealer = (stored: SealedRecord[]) => ({
        sealed: sealManifest(ring, deviceId, { seq, seen: seenSeqs, digest: recordsDigest(stored), count: stored.length, at }),
        kid: ring.kid,
      });
      await backend.write({ vaultId: header.vaultId, deviceId, writtenAt: at, header: myHeader, records: own, format: 2, manifestKid: ring.kid }, sealer);
    } else {
      await replica.saveSyncMeta({ seq: meta.seq, seen });
    }
    return headerAdopted ? { pulled: toApplyLocally.length, pushed, headerAdopted } : { pulled: toApplyLocally.length, pushed };
  }

  /** Whether this device's own file holds, byte for byte, what its vault holds (else it is rewritten). */
  private async ownFileIntact(s: DeviceSnapshot): Promise<boolean> {
    // storage.sync packs are sealed whole and re-sealed record by record on reading: their bytes
    // never equal the vault's, and the pack's own seal already vouches for every byte.
    if (this.options.backend.kind === 'browser') return true;
    const local = new Map((await this.options.replica.sealedRecords()).map((r) => [r.id, r]));
    return (s.records ?? []).every((r) => {
      const l = local.get(r.id);
      return !l || l.hlc !== r.hlc || (l.deleted === r.deleted && l.kid === r.kid && compareBytes(l.sealed, r.sealed) === 0);
    });
  }

  /**
   * A device without a vault takes the synced one: the header of the vault written most recently
   * (the others of that vault are kept aside: the passphrase picks the one it opens at unlock)
   * and every record it can read, STAGED: with no key yet nothing can be verified, so nothing is
   * applied before the first unlock opens each one (Vault#applyRemote while locked). Over
   * storage.sync the records are packed under the vault key and arrive with the first round after
   * unlock.
   */
  private async join(): Promise<SyncResult> {
    const { replica, backend } = this.options;
    let best: { header: VaultHeader; headers: VaultHeader[]; snapshots: DeviceSnapshot[]; at: number } | null = null;
    const now = this.timers.now();
    for (const vaultId of await backend.vaults()) {
      const snapshots = (await backend.read(vaultId)).filter((s) => !s.problem);
      const headers = snapshots.map((s) => s.header).filter((h): h is VaultHeader => acceptableHeader(h, now) && h.vaultId === vaultId);
      const header = newestHeader(headers, vaultId);
      const at = Math.max(...snapshots.map((s) => s.writtenAt));
      if (header && (!best || at > best.at)) best = { header, headers, snapshots, at };
    }
    if (!best) return { pulled: 0, pushed: 0 };
    await replica.adoptHeader(best.header);
    for (const h of best.headers) if (h !== best.header) await replica.adoptHeader(h);
    const staged: SealedRecord[] = [];
    for (const s of best.snapshots) {
      for (const r of s.records ?? []) {
        if (!acceptableRemote(r, now)) continue;
        // As in a round: format-2 snapshots hold format-2 envelopes; format-1 ones only live records.
        if (s.format === 2 ? r.v === 2 : r.v === undefined && !r.deleted) staged.push(r);
      }
    }
    // A vault joined now is locked: the batch is staged. (A replica that already holds the key
    // verifies and applies it at once.)
    const result = staged.length ? await replica.applyRemote(staged) : { applied: 0, rejected: 0 };
    this.lastPulled = result.staged ? staged.length : result.applied;
    return { pulled: this.lastPulled, pushed: 0, joined: true };
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

/** What one round refused, by a key per refused thing (a file, a header, a record version). */
class RoundReport {
  readonly keys = new Set<string>();
  readonly codes = new Set<SyncWarningCode>();
  refuse(code: SyncWarningCode, key: string): void {
    this.codes.add(code);
    this.keys.add(`${code}\u0000${key}`);
  }
}

/** The header with the newest stamp among those of `vaultId` (null if none). */
export function newestHeader(headers: ReadonlyArray<VaultHeader | null>, vaultId: string): VaultHeader | null {
  let best: VaultHeader | null = null;
  for (const h of headers) if (h && h.vaultId === vaultId && (!best || compareHlc(h.hlc, best.hlc) > 0)) best = h;
  return best;
}
