// The codes a list of accounts shows (RFC 6238 §4 for TOTP, RFC 4226 §5 for HOTP, whose counter
// moves only when a code is used): each account's code at a (corrected) moment, with the end of
// its step and the end of its acceptance window given back on this device's clock. Shared by the
// background (codes.all, popup.init, popup.codes) and the popup's first screen from its session
// view (lib/popup/first-screen.ts), so both show the same code and countdown.
import { TesseraError } from '../messages/errors';
import type { AccountData } from './account';
import { codeFor } from './codes';

/** The code of one account at `now`; a token list has none (wrong-type). */
export function codeOf(rec: { data: AccountData }, now: number) {
  if (rec.data.type === 'tokens') throw new TesseraError('wrong-type');
  return codeFor({ ...rec.data, type: rec.data.type }, now);
}

/**
 * The codes of these accounts at (corrected) `now`, with `expiresAt`/`acceptedUntil` on this
 * device's clock (`shiftMs` added back, docs/clock.md), token lists skipped.
 */
export function localCodes(records: Iterable<{ id: string; data: AccountData }>, now: number, shiftMs: number) {
  const local = (x: number | null) => (x === null ? null : x + shiftMs);
  const codes = [];
  for (const r of records) {
    if (r.data.type === 'tokens') continue;
    // One account that can't make a code (a record from a newer version, say) must not blank the rest.
    try {
      const c = codeOf(r, now);
      codes.push({ id: r.id, ...c, expiresAt: local(c.expiresAt), acceptedUntil: local(c.acceptedUntil) });
    } catch {
      continue;
    }
  }
  return codes;
}
