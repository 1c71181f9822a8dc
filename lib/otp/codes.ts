// One-time codes and how long they last: HOTP (RFC 4226 §5.3) and TOTP (RFC 6238 §4) on the
// `otpauth` package. Its "slim" build is used: plain ESM whose HMAC comes from @noble/hashes
// (already a dependency), so the same code runs in the extension, in Vite builds and in vitest,
// with no Node crypto and no second copy of the hashes.
// Validity: a code is shown until the end of its time step (`expiresAt`); a verifier that
// tolerates `window` steps of drift (RFC 6238 §5.2) still accepts it until
// `expiresAt + window × period` (`acceptedUntil`): 90 s in all for 30 s steps and window 1.
import { HOTP, Secret } from 'otpauth/slim';
import { TesseraError } from '../messages/errors';
import { DEFAULT_WINDOW, type AccountType, type Algorithm } from './account';
import { decodeSecret } from './base32';

export interface HotpInput {
  secret: string;
  algorithm: Algorithm;
  digits: number;
  counter: number;
}

export interface TotpInput {
  secret: string;
  algorithm: Algorithm;
  digits: number;
  period: number;
}

export interface CodeInput extends HotpInput, TotpInput {
  type: AccountType;
  /** Acceptance window in steps on either side; DEFAULT_WINDOW when absent. */
  window?: number;
}

export interface Code {
  code: string;
  /** Seconds per step; null for HOTP. */
  period: number | null;
  /** End of the current step, epoch ms; null for HOTP. */
  expiresAt: number | null;
  /** expiresAt + window × period, epoch ms; null for HOTP. */
  acceptedUntil: number | null;
}

/** RFC 4226 §5.3: HOTP(K, C) truncated to `digits` digits. Throws 'bad-secret'. */
export function hotpCode(a: HotpInput): string {
  // A fresh ArrayBuffer: Secret reads the whole buffer, and a view may be part of a larger one.
  const secret = new Secret({ buffer: decodeSecret(a.secret).slice().buffer });
  return HOTP.generate({ secret, algorithm: a.algorithm, digits: a.digits, counter: a.counter });
}

/** RFC 6238 §4: the time step T = floor((now − T0) / X) with T0 = 0 and X = period seconds. */
export function timeStep(period: number, now: number): number {
  return Math.floor(now / (period * 1000));
}

/** The TOTP code at `now` (epoch ms). Throws 'bad-secret'. */
export function totpCode(a: TotpInput, now: number): string {
  return hotpCode({ ...a, counter: timeStep(a.period, now) });
}

/**
 * The code to show for an account at `now` (epoch ms) and how long it lasts. HOTP gives the
 * code for the stored counter (showing it does not use it up) and null times.
 * A `tokens` entry has no code: TesseraError('wrong-type').
 */
export function codeFor(a: CodeInput, now: number): Code {
  if (a.type === 'hotp') return { code: hotpCode(a), period: null, expiresAt: null, acceptedUntil: null };
  if (a.type !== 'totp') throw new TesseraError('wrong-type');
  const step = timeStep(a.period, now);
  const stepMs = a.period * 1000;
  const expiresAt = (step + 1) * stepMs;
  return {
    code: hotpCode({ ...a, counter: step }),
    period: a.period,
    expiresAt,
    acceptedUntil: expiresAt + (a.window ?? DEFAULT_WINDOW) * stepMs,
  };
}
