// Backend 1, the default: the browser's own storage.sync (Chrome Sync / Firefox Sync; issue 6,
// "Backend 1"; docs/sync.md, "Item layout"). Quotas (chrome.storage API reference, "sync"):
// 102,400 bytes in all and 8,192 per item, each item counted as its key plus the JSON text of its
// value; 512 items; 120 write calls a minute and 1,800 an hour.
//
// Each device owns the keys under `t1.<deviceId>.` and no one else writes them:
//   t1.<deviceId>.m    manifest (JSON object, in clear): { v: 1, vault, at, n, len, gen, h, s, k }
//                      — h is this device's vault header (wrapped key + KDF parameters: safe to
//                      store, it is what a second device needs to join); s is base64 of the
//                      device's sealed manifest (lib/record/manifest.ts: sequence number, what it
//                      has seen of others, digest of the records in the pack), k its key id
//   t1.<deviceId>.<i>  the i-th of n chunks of base85(seal(pack)) (lib/sync/pack.ts, base85.ts),
//                      sealed under the vault key with associated data naming vault and device.
// A whole snapshot is written with ONE set() call (manifest and chunks together; chunks no longer
// needed are emptied in the same call and removed later), so it costs one write operation.
import { TesseraError } from '../../messages/errors';
import { fromBase64, toBase64 } from '../../crypto/encoding';
import { isSealedRecord } from '../../record/envelope';
import { isVaultHeader } from '../../record/header';
import { isHlc } from '../../record/hlc';
import { fromBase85, toBase85 } from '../base85';
import { decodePack, encodePack, type PlainRecord } from '../pack';
import { packAd, type PackCrypto } from '../pack-crypto';
import { RetryLater, type DeviceSnapshot, type ManifestSealer, type SyncBackend } from '../backend';
import { sameRecordSet } from '../ownership';
import { WriteBudget } from './write-budget';
import { KEY_PREFIX } from './browser-sync-keys';
import type { SealedRecord } from '../../vault/types';

/** The chrome.storage.sync / browser.storage.sync surface this backend uses. */
export interface StorageSyncArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  getBytesInUse?(keys?: string | string[] | null): Promise<number>;
}

export const SYNC_QUOTA = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
} as const;

/** Bytes a device that cannot store all its records leaves free for the others. */
export const PARTIAL_RESERVE = 4096;
const MANIFEST = /^t1\.([A-Za-z0-9_-]{1,64})\.m$/;

export interface BrowserSyncOptions {
  area: StorageSyncArea;
  crypto: PackCrypto;
  now?: () => number;
  /** Lower limits for tests; by default Chrome's, and our own writes stay under 90 % of the rates. */
  quota?: Partial<Record<keyof typeof SYNC_QUOTA, number>>;
}

interface Manifest {
  v: 1;
  vault: string;
  at: number;
  n: number;
  len: number;
  gen: string;
  h: unknown;
  /** Format 2: base64 of the sealed device manifest, and the id of the key it is sealed under. */
  s?: string;
  k?: string;
}

const utf8Length = (s: string) => new TextEncoder().encode(s).length;
/** Bytes an item counts for, as storage.sync measures it: key + JSON of the value. */
export const itemBytes = (key: string, value: unknown) => utf8Length(key) + utf8Length(JSON.stringify(value));

function isManifest(x: unknown): x is Manifest {
  const m = x as Partial<Manifest> | null;
  return (
    typeof m === 'object' && m !== null && m.v === 1 && typeof m.vault === 'string' && typeof m.at === 'number' &&
    Number.isSafeInteger(m.n) && m.n! >= 0 && Number.isSafeInteger(m.len) && typeof m.gen === 'string'
  );
}

export class BrowserSyncBackend implements SyncBackend {
  readonly kind = 'browser' as const;
  private readonly quota: typeof SYNC_QUOTA;
  private readonly budget: WriteBudget;
  private readonly now: () => number;
  /** Unpacked snapshots by device, valid while the manifest's `gen` is the same. */
  private readonly cache = new Map<string, { gen: string; vault: string; records: SealedRecord[] }>();

  constructor(private readonly options: BrowserSyncOptions) {
    this.quota = { ...SYNC_QUOTA, ...options.quota } as typeof SYNC_QUOTA;
    this.now = options.now ?? Date.now;
    this.budget = new WriteBudget(
      { perMinute: Math.floor(this.quota.MAX_WRITE_OPERATIONS_PER_MINUTE * 0.9), perHour: Math.floor(this.quota.MAX_WRITE_OPERATIONS_PER_HOUR * 0.9) },
      this.now,
    );
  }

  async vaults(): Promise<string[]> {
    const all = await this.getAll();
    const ids = new Set<string>();
    for (const [key, value] of Object.entries(all)) if (MANIFEST.test(key) && isManifest(value)) ids.add(value.vault);
    return [...ids];
  }

  async read(vaultId: string): Promise<DeviceSnapshot[]> {
    const all = await this.getAll();
    const out: DeviceSnapshot[] = [];
    for (const [key, value] of Object.entries(all)) {
      const m = MANIFEST.exec(key);
      if (!m || !isManifest(value) || value.vault !== vaultId) continue;
      const deviceId = m[1]!;
      const header = isVaultHeader(value.h) && value.h.vaultId === vaultId ? value.h : null;
      let manifest: Uint8Array | null = null;
      try {
        manifest = typeof value.s === 'string' ? fromBase64(value.s) : null;
      } catch {
        manifest = null;
      }
      const records = await this.unpack(all, deviceId, value);
      out.push({
        vaultId, deviceId, writtenAt: value.at, header, records,
        format: value.s === undefined ? 1 : 2,
        manifest,
        ...(typeof value.k === 'string' ? { manifestKid: value.k } : {}),
      });
    }
    return out;
  }

  /** The records of one device's chunks, or null when they cannot be read now. */
  private async unpack(all: Record<string, unknown>, deviceId: string, m: Manifest): Promise<SealedRecord[] | null> {
    const cached = this.cache.get(deviceId);
    if (cached && cached.gen === m.gen && cached.vault === m.vault) return cached.records;
    const chunks: string[] = [];
    for (let i = 0; i < m.n; i++) {
      const c = all[`${KEY_PREFIX}${deviceId}.${i}`];
      if (typeof c !== 'string') return null; // not all of it has arrived yet
      chunks.push(c);
    }
    const text = chunks.join('');
    if (text.length !== m.len) return null;
    try {
      const plain = decodePack(await this.options.crypto.openPack(fromBase85(text), packAd(m.vault, deviceId)));
      const records: SealedRecord[] = [];
      for (const p of plain) {
        if (p.kind === 'local' || !isHlc(p.hlc)) throw new Error('bad record in pack');
        // The pack is authenticated as a whole (its seal binds vault and device), so what it
        // holds is re-sealed as the vault seals versions: format 2, stamp and flag bound.
        const r: SealedRecord = await this.options.crypto.sealVersion({ id: p.id, kind: p.kind, hlc: p.hlc, deleted: p.deleted }, p.deleted ? undefined : p.data);
        if (!isSealedRecord(r)) throw new Error('bad record in pack');
        records.push(r);
      }
      this.cache.set(deviceId, { gen: m.gen, vault: m.vault, records });
      return records;
    } catch {
      // Locked (no vault key yet), half-propagated or damaged: unreadable for now, never fatal.
      return null;
    }
  }

  async write(snapshot: DeviceSnapshot, sealManifest?: ManifestSealer): Promise<void> {
    const all = await this.getAll();
    const mine = `${KEY_PREFIX}${snapshot.deviceId}.`;
    let otherBytes = 0;
    let otherItems = 0;
    for (const [k, v] of Object.entries(all)) {
      if (k.startsWith(mine)) continue;
      otherBytes += itemBytes(k, v);
      otherItems++;
    }
    const existingMine = Object.keys(all).filter((k) => k.startsWith(mine));

    const plain: PlainRecord[] = [];
    /** The record behind each entry of `plain`. */
    const src: SealedRecord[] = [];
    for (const r of snapshot.records ?? []) {
      if (r.deleted) {
        plain.push({ id: r.id, kind: r.kind, hlc: r.hlc, deleted: true });
        src.push(r);
        continue;
      }
      // A record that no longer opens (the vault reports it as corrupt) stays out of the pack:
      // one bad record must not stop every later write.
      const data = await this.options.crypto.openRecord(r).then((d) => ({ ok: true as const, d }), () => ({ ok: false as const }));
      if (data.ok) {
        plain.push({ id: r.id, kind: r.kind, hlc: r.hlc, deleted: false, data: data.d });
        src.push(r);
      }
    }
    const gen = `${this.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const build = async (count: number, reserve = 0) => {
      // The manifest names exactly the records stored (a prefix, when short of room).
      const sealed = sealManifest ? sealManifest(src.slice(0, count)) : null;
      const items = await encodeDeviceItems(snapshot, plain.slice(0, count), this.options.crypto, gen, this.quota.QUOTA_BYTES_PER_ITEM, sealed);
      // Chunks of an older, longer snapshot are emptied in the same call (and removed later).
      for (const k of existingMine) if (!(k in items)) items[k] = '';
      let bytes = otherBytes;
      for (const [k, v] of Object.entries(items)) bytes += itemBytes(k, v);
      const fits = bytes <= this.quota.QUOTA_BYTES - reserve && otherItems + Object.keys(items).length <= this.quota.MAX_ITEMS &&
        Object.entries(items).every(([k, v]) => itemBytes(k, v) <= this.quota.QUOTA_BYTES_PER_ITEM);
      return { items, fits };
    };

    let chosen = await build(plain.length);
    let count = plain.length;
    if (!chosen.fits) {
      // Keep the longest prefix that fits (records come in priority order, lib/sync/ownership.ts),
      // leaving PARTIAL_RESERVE bytes so that other devices can still write their small changes.
      let lo = 0;
      let hi = plain.length - 1;
      let best: Awaited<ReturnType<typeof build>> | null = null;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const attempt = await build(mid, PARTIAL_RESERVE);
        if (attempt.fits) {
          best = attempt;
          count = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (!best) throw new TesseraError('quota');
      chosen = best;
    }
    const complete = count === plain.length;
    if (!complete) {
      // Still full, and the part that fits is already stored: do not spend a write on it again.
      const stored = this.cache.get(snapshot.deviceId);
      const manifest = all[`${mine}m`];
      const sameHeader = isManifest(manifest) && JSON.stringify(manifest.h) === JSON.stringify(snapshot.header);
      if (stored && stored.vault === snapshot.vaultId && sameHeader && sameRecordSet(stored.records, src.slice(0, count))) {
        throw new TesseraError('quota');
      }
    }

    const at = this.budget.availableAt(1);
    if (at > this.now()) throw new RetryLater(at);
    try {
      await this.options.area.set(chosen.items);
      this.budget.spend(1);
    } catch (e) {
      throw this.mapError(e);
    }
    // What we just wrote needs no unpacking when we read it back.
    this.cache.set(snapshot.deviceId, { gen, vault: snapshot.vaultId, records: src.slice(0, count) });
    const empty = Object.entries(chosen.items).filter(([, v]) => v === '').map(([k]) => k);
    if (empty.length && this.budget.availableAt(1) <= this.now()) {
      try {
        await this.options.area.remove(empty);
        this.budget.spend(1);
      } catch {
        // Harmless: empty chunks beyond the manifest's count are ignored, and removed next time.
      }
    }
    if (!complete) throw new TesseraError('quota');
  }

  private async getAll(): Promise<Record<string, unknown>> {
    try {
      return await this.options.area.get(null);
    } catch (e) {
      throw this.mapError(e);
    }
  }

  private mapError(e: unknown): Error {
    const message = e instanceof Error ? e.message : String(e);
    if (message.includes('MAX_WRITE_OPERATIONS_PER_MINUTE')) return new RetryLater(this.budget.refused('minute'));
    if (message.includes('MAX_WRITE_OPERATIONS_PER_HOUR')) return new RetryLater(this.budget.refused('hour'));
    // QUOTA_BYTES, QUOTA_BYTES_PER_ITEM, MAX_ITEMS (Chrome), QuotaExceededError (Firefox).
    if (/quota/i.test(message)) return new TesseraError('quota');
    return e instanceof Error ? e : new Error(message);
  }
}

/**
 * The items of one device's snapshot: its manifest and the chunks of its sealed pack. Exported
 * for the bench (bytes per account) and tests.
 */
export async function encodeDeviceItems(
  snapshot: Pick<DeviceSnapshot, 'vaultId' | 'deviceId' | 'writtenAt' | 'header'>,
  plain: readonly PlainRecord[],
  crypto: PackCrypto,
  gen: string,
  perItem: number = SYNC_QUOTA.QUOTA_BYTES_PER_ITEM,
  manifest: { sealed: Uint8Array; kid: string } | null = null,
): Promise<Record<string, unknown>> {
  const prefix = `${KEY_PREFIX}${snapshot.deviceId}.`;
  const text = toBase85(await crypto.sealPack(encodePack(plain), packAd(snapshot.vaultId, snapshot.deviceId)));
  const items: Record<string, unknown> = {};
  let n = 0;
  for (let at = 0; at < text.length; n++) {
    // Room for the value: the item limit less the key and the two quotes around a JSON string.
    const room = perItem - utf8Length(`${prefix}${n}`) - 2;
    items[`${prefix}${n}`] = text.slice(at, at + room);
    at += room;
  }
  const m: Manifest = { v: 1, vault: snapshot.vaultId, at: snapshot.writtenAt, n, len: text.length, gen, h: snapshot.header };
  if (manifest) {
    m.s = toBase64(manifest.sealed);
    m.k = manifest.kid;
  }
  items[`${prefix}m`] = m;
  return items;
}
