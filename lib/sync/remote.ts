// What a record from a sync backend must look like before it is merged or stored. A backend is
// storage we do not control (a WebDAV server, another device's copy): a stamp far in the future
// would pin every device's clock and win every merge; a `used` record under an account's id
// would replace the account for good (used marks are never overwritten); a `local` record is
// never synced. Such records are ignored, not stored.
import { decodeHlc, isHlc, MAX_SKEW_MS } from './hlc';
import type { SealedRecord, VaultHeader } from '../vault/types';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const USED_ID = /^used:[A-Za-z0-9_-]{1,64}$/;

/** A stamp no more than MAX_SKEW_MS ahead of this device's clock. */
export function plausibleStamp(hlc: string, now: number): boolean {
  return isHlc(hlc) && decodeHlc(hlc).wall <= now + MAX_SKEW_MS;
}

export function acceptableRemote(r: SealedRecord, now: number): boolean {
  if (r.kind === 'local' || !plausibleStamp(r.hlc, now)) return false;
  // Used marks, and only they, live under `used:<token id>`.
  return r.kind === 'used' ? USED_ID.test(r.id) : ID.test(r.id);
}

export function acceptableHeader(h: VaultHeader | null, now: number): h is VaultHeader {
  return h !== null && plausibleStamp(h.hlc, now);
}
