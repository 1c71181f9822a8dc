// Merging two replicas of the record set (issue 6, "Merge"; docs/sync.md, "Merge rules").
// A state-based CRDT: each record id is a register whose value is the single "greatest" version
// under one total order, so merging is taking the maximum per id — commutative, associative and
// idempotent by construction (Shapiro et al., "Conflict-free Replicated Data Types", 2011, §2.2:
// a join semilattice). The order:
//   1. a live `used` record beats everything (a used mark is a grow-only set: issue 5);
//      between two live `used` versions the one with the SMALLER stamp wins (the first use);
//   2. otherwise the larger hybrid-logical-clock stamp wins (last writer wins; a tombstone is a
//      write like any other);
//   3. equal stamps name the same write (the stamp includes the device), re-sealed perhaps with
//      another nonce: the pick is still made deterministic by comparing the bytes.
// `local` records are never synced: they are dropped from both inputs. The order itself lives in
// lib/record/order.ts, shared with the vault.
import { decodeHlc, isHlc } from '../record/hlc';
import { compareVersions, mergeRecord, sameWrite } from '../record/order';
import type { SealedRecord } from '../record/types';

export { compareVersions, mergeRecord, sameWrite };

export const DAY_MS = 24 * 60 * 60 * 1000;
/** How long a tombstone is kept in a sync backend at least (docs/sync.md, "Tombstones"). */
export const TOMBSTONE_TTL_MS = 90 * DAY_MS;

/** Folds any number of versions into one winner per id (`local` records dropped). */
export function mergeAll(...lists: ReadonlyArray<readonly SealedRecord[]>): Map<string, SealedRecord> {
  const out = new Map<string, SealedRecord>();
  for (const list of lists) {
    for (const r of list) {
      if (r.kind === 'local') continue;
      const seen = out.get(r.id);
      out.set(r.id, seen ? mergeRecord(seen, r) : r);
    }
  }
  return out;
}

export interface MergeResult {
  /** The winner of every id. */
  merged: SealedRecord[];
  /** Winners that are not (the same write as) what `local` holds: to store locally. */
  toApplyLocally: SealedRecord[];
  /** Winners that are not (the same write as) what `remote` holds: to send. */
  toPush: SealedRecord[];
}

/** Merges a local and a remote record set (either may hold several versions of an id). */
export function mergeSets(local: readonly SealedRecord[], remote: readonly SealedRecord[]): MergeResult {
  const mine = mergeAll(local);
  const theirs = mergeAll(remote);
  const merged = mergeAll(local, remote);
  const toApplyLocally: SealedRecord[] = [];
  const toPush: SealedRecord[] = [];
  for (const [id, w] of merged) {
    const l = mine.get(id);
    const r = theirs.get(id);
    if (!l || !sameWrite(l, w)) toApplyLocally.push(w);
    if (!r || !sameWrite(r, w)) toPush.push(w);
  }
  return { merged: [...merged.values()], toApplyLocally, toPush };
}

/** Milliseconds of wall time in a stamp (0 for a malformed one: it then counts as very old). */
export function stampWall(hlc: string): number {
  return isHlc(hlc) ? decodeHlc(hlc).wall : 0;
}

export interface CompactOptions {
  /** The current wall time, epoch ms. */
  now: number;
  /** Minimum age of a tombstone before it may go (default TOMBSTONE_TTL_MS, 90 days). */
  olderThanMs?: number;
  /**
   * Ids of which some copy still in the backend is live (an older version another device
   * stores): such a tombstone must stay, or that copy would come back.
   */
  liveElsewhere?: ReadonlySet<string>;
}

/**
 * Drops tombstones that no longer need to travel (docs/sync.md, "Tombstones"). Safe rule: a
 * tombstone goes from what a device STORES IN THE BACKEND only when it is older than the TTL and
 * no copy in the backend still holds a live version of that id. Devices keep their own tombstones
 * locally (the vault never forgets one), so should a device that was offline for longer than the
 * TTL bring the record back, any device that still has the tombstone sends it again (the live copy
 * then counts in `liveElsewhere`) and the deletion wins again. Compaction only ever removes a
 * deletion marker, never a live record, so it cannot lose a write. `used` records are never
 * compacted (they are never tombstones in the first place).
 */
export function compactTombstones(records: readonly SealedRecord[], options: CompactOptions): SealedRecord[] {
  const ttl = options.olderThanMs ?? TOMBSTONE_TTL_MS;
  const live = options.liveElsewhere;
  return records.filter(
    (r) => !(r.deleted && r.kind !== 'used' && options.now - stampWall(r.hlc) > ttl && !live?.has(r.id)),
  );
}
