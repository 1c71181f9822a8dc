// Validation of OTP parameters, shared by every way an account comes in (otpauth:// URIs per
// the Key Uri Format, Google Authenticator exports, typed entry), so that the same value is
// accepted or refused with the same error code wherever it is entered.
// Ranges: digits 6–8 (the automation API's contract; RFC 4226 §5.3 asks for at least 6),
// period a positive whole number of seconds (RFC 6238 §4 "X"), counter a non-negative integer
// (RFC 4226 §5.1 "C", 8 bytes) limited to what a JS number holds exactly.
import { TesseraError, type ErrorCode } from '../messages/errors';
import { canonicalSecret } from './base32';
import type { Algorithm, OtpParams, OtpType } from './account';

export const ALGORITHMS: readonly Algorithm[] = ['SHA1', 'SHA256', 'SHA512'];
export const MIN_DIGITS = 6;
export const MAX_DIGITS = 8;
/** Seconds; large enough for anything real, small enough that period × 1000 ms stays exact. */
export const MAX_PERIOD = Math.floor(Number.MAX_SAFE_INTEGER / 1000);

/** Parameter names the Key Uri Format defines; anything else is kept as an extra. */
export const KNOWN_PARAMS: ReadonlySet<string> = new Set(['secret', 'issuer', 'algorithm', 'digits', 'period', 'counter']);

const DECIMAL = /^[0-9]+$/;

export function parseType(value: string, code: ErrorCode): OtpType {
  const t = value.toLowerCase();
  if (t === 'totp' || t === 'hotp') return t;
  throw new TesseraError(code);
}

/** "SHA1", "sha256", … (case-insensitive); anything else, MD5 included, is 'bad-algorithm'. */
export function parseAlgorithm(value: string): Algorithm {
  const a = ALGORITHMS.find((x) => x === value.toUpperCase());
  if (!a) throw new TesseraError('bad-algorithm');
  return a;
}

/** Parses a whole decimal number (no sign, no fraction, no exponent); null when it is not one. */
function wholeNumber(value: string | number): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (!DECIMAL.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}

export function parseDigits(value: string | number): number {
  const n = wholeNumber(value);
  if (n === null || n < MIN_DIGITS || n > MAX_DIGITS) throw new TesseraError('bad-digits');
  return n;
}

export function parsePeriod(value: string | number): number {
  const n = wholeNumber(value);
  if (n === null || n < 1 || n > MAX_PERIOD) throw new TesseraError('bad-period');
  return n;
}

/** The API has no code of its own for a counter: a bad one is bad input of the given kind. */
export function parseCounter(value: string | number, code: ErrorCode): number {
  const n = wholeNumber(value);
  if (n === null || n < 0) throw new TesseraError(code);
  return n;
}

/** Issuers and labels are shown to people: no surrounding blanks, and valid Unicode. */
export function isCleanText(s: string): boolean {
  // No control characters and no bidirectional overrides or isolates (U+202A–202E, U+2066–2069):
  // names are shown in the popup and the fill picker, where those could spoof another account.
  return s.trim() === s && s.isWellFormed() && !/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u.test(s);
}

/**
 * Checks that `p` is a valid account description (what every parser returns), throwing the
 * API's code for the first problem: type/label/extras 'bad-uri', secret 'bad-secret' (it must
 * already be canonical), then 'bad-algorithm', 'bad-digits', 'bad-period', counter 'bad-uri'.
 * Extras may not reuse a known name (in any case): it would be read back as that parameter.
 */
export function validateParams(p: OtpParams): void {
  if (p.type !== 'totp' && p.type !== 'hotp') throw new TesseraError('bad-uri');
  if (!isCleanText(p.issuer) || !isCleanText(p.label) || p.label === '') throw new TesseraError('bad-uri');
  if (canonicalSecret(p.secret) !== p.secret) throw new TesseraError('bad-secret');
  if (!ALGORITHMS.includes(p.algorithm)) throw new TesseraError('bad-algorithm');
  parseDigits(p.digits);
  parsePeriod(p.period);
  parseCounter(p.counter, 'bad-uri');
  for (const [k, v] of p.extra) {
    if (KNOWN_PARAMS.has(k.toLowerCase()) || !k.isWellFormed() || !v.isWellFormed()) throw new TesseraError('bad-uri');
  }
}
