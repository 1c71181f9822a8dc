// Which records a device stores in its own snapshot (docs/sync.md, "Who stores what").
// Every device could store everything, but storage.sync has room for about one copy of the vault
// (102,400 bytes for all devices together), so each winning record is stored once, by its
// AUTHOR (the device named in its stamp), whose snapshot is the only place it changes:
//   - a device stores every winner it wrote;
//   - it also stores an ORPHAN, a winner whose author's snapshot does not hold it (the author is
//     gone, its snapshot unreadable, or the backend was emptied or just switched), unless a device
//     whose id sorts lower already holds it: orphans end with exactly one keeper, and no record
//     that some device still has is ever missing from the backend for more than one sync;
//   - it leaves out tombstones that compactTombstones (lib/sync/merge.ts) lets go.
// Readers merge all snapshots, so who stores a record never changes what it is.
import { compactTombstones } from './merge';
import { decodeHlc, isHlc } from '../record/hlc';
import type { DeviceSnapshot } from './backend';
import type { SealedRecord } from '../record/types';

export interface OwnershipInput {
  /** This device's id (the device part of its stamps). */
  me: string;
  /** The merge winners, one per id. */
  merged: readonly SealedRecord[];
  /** Every snapshot of this vault as just read (this device's own included or not). */
  snapshots: readonly DeviceSnapshot[];
  now: number;
  tombstoneTtlMs?: number;
}

const key = (r: SealedRecord) => `${r.id}\u0000${r.hlc}`;
const author = (r: SealedRecord) => (isHlc(r.hlc) ? decodeHlc(r.hlc).device : '');

/** The records this device should store, in the order a backend short of space should keep them. */
export function planOwnRecords(input: OwnershipInput): SealedRecord[] {
  const { me } = input;
  const others = input.snapshots.filter((s) => s.deviceId !== me);
  const holders = new Map<string, string[]>();
  const liveElsewhere = new Set<string>();
  for (const s of others) {
    for (const r of s.records ?? []) {
      const k = key(r);
      const list = holders.get(k);
      if (list) list.push(s.deviceId);
      else holders.set(k, [s.deviceId]);
      if (!r.deleted) liveElsewhere.add(r.id);
    }
  }
  // A snapshot we cannot read might hold a live copy: compact nothing until all can be read.
  const blind = others.some((s) => s.records === null);
  const kept = blind ? [...input.merged] : compactTombstones(input.merged, { now: input.now, olderThanMs: input.tombstoneTtlMs, liveElsewhere });

  const own = kept.filter((r) => {
    if (r.kind === 'local') return false;
    const a = author(r);
    if (a === me) return true;
    const h = holders.get(key(r)) ?? [];
    return !h.includes(a) && !h.some((d) => d < me);
  });

  // What this device already stores goes first, so a backend that runs out of room keeps it and
  // spends what is left on new records, oldest first: a device never drops a record it held to
  // make room, which would orphan it onto another device and cascade.
  const previous = new Set((input.snapshots.find((s) => s.deviceId === me)?.records ?? []).map((r) => r.id));
  const rank = (r: SealedRecord) => (previous.has(r.id) ? 0 : 1);
  return own.sort((a, b) => rank(a) - rank(b) || (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

/** Whether two record lists hold the same writes (ignoring order and re-sealing). */
export function sameRecordSet(a: readonly SealedRecord[], b: readonly SealedRecord[]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map((r) => `${key(r)}\u0000${r.deleted ? 1 : 0}`));
  return b.every((r) => keys.has(`${key(r)}\u0000${r.deleted ? 1 : 0}`));
}
