// What makes a version from a sync backend acceptable (docs/sync.md, "What a device accepts").
// A backend is storage we do not control (a WebDAV server, the network to it, the browser's sync
// store): it may delete, replace, reorder, truncate, replay or corrupt anything (issue 10).
//   - plausibility, checked without the key: a stamp far in the future would pin every device's
//     clock and win every merge; a `used` record under an account's id would replace the account
//     for good; a `local` record is never synced;
//   - authenticity, checked with the key: the envelope opens under this vault and key with the
//     stamp, kind, id and deleted flag it claims (lib/record/envelope.ts). Nothing that fails is
//     merged, stored or sent on.
import { decodeHlc, isHlc, MAX_SKEW_MS } from './hlc';
import { isSealedRecord, verifyVersion } from './envelope';
import type { RecordKeyring, SealedRecord, VaultHeader } from './types';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const USED_ID = /^used:[A-Za-z0-9_-]{1,64}$/;

/** A stamp no more than MAX_SKEW_MS ahead of this device's clock. */
export function plausibleStamp(hlc: string, now: number): boolean {
  return isHlc(hlc) && decodeHlc(hlc).wall <= now + MAX_SKEW_MS;
}

/** Shape and plausibility, before any key is at hand. */
export function acceptableRemote(r: SealedRecord, now: number): boolean {
  if (!isSealedRecord(r) || r.kind === 'local' || !plausibleStamp(r.hlc, now)) return false;
  // Used marks, and only they, live under `used:<token id>`.
  return r.kind === 'used' ? USED_ID.test(r.id) : ID.test(r.id);
}

export function acceptableHeader(h: VaultHeader | null, now: number): h is VaultHeader {
  return h !== null && plausibleStamp(h.hlc, now);
}

export type Verdict = 'ok' | 'implausible' | 'tampered';

/** The whole check for one remote version: plausible, then authentic under `ring`. */
export function judgeRemote(ring: RecordKeyring, r: SealedRecord, now: number): Verdict {
  if (!acceptableRemote(r, now)) return 'implausible';
  return verifyVersion(ring, r) ? 'ok' : 'tampered';
}
