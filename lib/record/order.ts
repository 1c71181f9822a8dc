// The merge order of record versions (docs/sync.md, "Merge rules"): one total order, so keeping
// the greatest version per id is a join semilattice (Shapiro et al., "Conflict-free Replicated
// Data Types", 2011, §2.2). The vault uses it to decide whether a remote version replaces the
// local one; sync merges whole sets with it (lib/sync/merge.ts).
//   1. a live `used` record beats everything (a used mark is a grow-only set: issue 5); between
//      two live `used` versions the one with the SMALLER stamp wins (the first use);
//   2. otherwise the larger hybrid-logical-clock stamp wins (last writer wins; a tombstone is a
//      write like any other);
//   3. equal stamps name the same write (the stamp includes the device), re-sealed perhaps with
//      another nonce: the pick is still made deterministic by comparing the bytes.
import { compareHlc } from './hlc';
import type { SealedRecord } from './types';

const isLiveUsed = (r: SealedRecord): boolean => r.kind === 'used' && !r.deleted;

export function compareBytes(a: Uint8Array | null, b: Uint8Array | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * The merge order as a comparator: positive when `a` beats `b`, zero only for records equal in
 * every field. Total, so `mergeRecord` (its maximum) is a semilattice join.
 */
export function compareVersions(a: SealedRecord, b: SealedRecord): number {
  const ua = isLiveUsed(a);
  const ub = isLiveUsed(b);
  if (ua !== ub) return ua ? 1 : -1;
  const byStamp = compareHlc(a.hlc, b.hlc);
  if (byStamp !== 0) return ua ? -byStamp : byStamp; // both live `used`: the first use wins
  // Same stamp, so the same write (or a re-sealed copy): any fixed rule will do.
  if (a.deleted !== b.deleted) return a.deleted ? 1 : -1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  if ((a.v ?? 1) !== (b.v ?? 1)) return (a.v ?? 1) - (b.v ?? 1);
  if ((a.kid ?? '') !== (b.kid ?? '')) return (a.kid ?? '') < (b.kid ?? '') ? -1 : 1;
  return compareBytes(a.sealed, b.sealed);
}

/** The winner of two versions of one record (same id). */
export function mergeRecord(a: SealedRecord, b: SealedRecord): SealedRecord {
  return compareVersions(a, b) >= 0 ? a : b;
}

/**
 * Whether two versions are the same write. The stamp names a write, so a copy re-sealed with
 * another nonce or key (the browser backend re-seals what it unpacks; a key replacement re-seals
 * everything) counts as the same: comparing bytes here would make every sync re-apply every record.
 */
export function sameWrite(a: SealedRecord, b: SealedRecord): boolean {
  return a.hlc === b.hlc && a.kind === b.kind && a.deleted === b.deleted;
}
