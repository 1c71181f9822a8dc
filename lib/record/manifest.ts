// A device's sealed manifest (docs/sync.md, "Rollback and forks"): every snapshot a device writes
// carries, sealed under the vault key and bound to the vault, the key and the writing device,
//   { seq, seen, digest, count, at }
// - seq: increases with every snapshot this device writes, so a reader that has seen seq n of a
//   device ignores anything older (a replayed file) and reports it as a rollback;
// - seen: the highest seq this device has accepted of every other device, so a reader also learns
//   what others have seen (a server cannot show one device an older file than another saw);
// - digest: SHA-256 of the sorted (id, kind, stamp, deleted) of every record in the snapshot, so
//   records cannot be added, removed or swapped between files without the manifest failing.
import { sha256 } from '@noble/hashes/sha2.js';
import { open, seal } from '../crypto/aead';
import { toBase64, utf8Decode, utf8Encode } from '../crypto/encoding';
import type { RecordKeyring, SealedRecord } from './types';

export interface DeviceManifest {
  seq: number;
  seen: Record<string, number>;
  digest: string;
  count: number;
  /** Writer's wall clock (epoch ms), informative only. */
  at: number;
}

const ad = (ring: RecordKeyring, deviceId: string) => utf8Encode(JSON.stringify(['tessera/device-manifest/v2', ring.vaultId, ring.kid, deviceId]));

/** The digest of a snapshot's records: independent of order and of the sealed bytes (re-sealing keeps it). */
export function recordsDigest(records: readonly SealedRecord[]): string {
  const rows = records.map((r) => JSON.stringify([r.id, r.kind, r.hlc, r.deleted ? 1 : 0]));
  rows.sort();
  return toBase64(sha256(utf8Encode(`[${rows.join(',')}]`)));
}

export function sealManifest(ring: RecordKeyring, deviceId: string, m: DeviceManifest): Uint8Array {
  return seal(ring.key, utf8Encode(JSON.stringify(m)), ad(ring, deviceId));
}

/** Opens and shape-checks a manifest; throws when it was altered or belongs elsewhere. */
export function openManifest(ring: RecordKeyring, deviceId: string, sealed: Uint8Array): DeviceManifest {
  const m = JSON.parse(utf8Decode(open(ring.key, sealed, ad(ring, deviceId)))) as Partial<DeviceManifest>;
  const nat = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  if (!m || !nat(m.seq) || !nat(m.count) || typeof m.digest !== 'string' || typeof m.at !== 'number' || typeof m.seen !== 'object' || m.seen === null) {
    throw new Error('malformed manifest');
  }
  for (const v of Object.values(m.seen)) if (!nat(v)) throw new Error('malformed manifest');
  return m as DeviceManifest;
}

/** Whether a snapshot's records are exactly those its manifest names. */
export function matchesManifest(m: DeviceManifest, records: readonly SealedRecord[]): boolean {
  return m.count === records.length && m.digest === recordsDigest(records);
}
