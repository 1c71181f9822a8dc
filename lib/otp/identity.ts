// What makes two accounts the same (the duplicate rule of issue 3: same secret, issuer and
// label), and accounts typed by hand on the options page, validated with the same rules and
// error codes as the Key Uri Format parser (uri.ts).
import { TesseraError } from '../messages/errors';
import { DEFAULT_DIGITS, DEFAULT_PERIOD, type OtpParams } from './account';
import { canonicalSecret } from './base32';
import { isCleanText, parseAlgorithm, parseCounter, parseDigits, parsePeriod, parseType } from './params';
import { serializeOtpauthUri } from './uri';

type Identity = Pick<OtpParams, 'secret' | 'issuer' | 'label'>;

/** Issuer and label as compared: Unicode NFC, surrounding blanks and case ignored. */
function key(s: string): string {
  return s.normalize('NFC').trim().toLowerCase();
}

function secretKey(s: string): string {
  try {
    return canonicalSecret(s);
  } catch {
    return s; // not valid Base32: compared as written
  }
}

/**
 * True when a and b are the same account: the same seed bytes (canonical Base32) and the same
 * issuer and label (ignoring case, blanks around them and Unicode normalisation, so that
 * "GitHub" from one export and "github" from another are not added twice).
 */
export function sameAccount(a: Identity, b: Identity): boolean {
  return secretKey(a.secret) === secretKey(b.secret) && key(a.issuer) === key(b.issuer) && key(a.label) === key(b.label);
}

export interface TypedSecret {
  issuer: string;
  label: string;
  secret: string;
  type?: string;
  algorithm?: string;
  digits?: number | string;
  period?: number | string;
  counter?: number | string;
}

/** Form fields arrive as strings, sometimes with a stray blank. */
function trimmed(v: number | string): number | string {
  return typeof v === 'string' ? v.trim() : v;
}

/**
 * An account from the manual-entry form. Issuer and label are taken as typed (trimmed, no
 * "Issuer:" splitting); the secret may be lower case, grouped with spaces, padded.
 * Errors: 'bad-input' (no label, unknown type, bad counter, text that is not valid Unicode),
 * 'bad-secret', 'bad-algorithm', 'bad-digits', 'bad-period', 'too-large' (as a URI it would
 * exceed 4,096 characters, so it could not be exported).
 */
export function accountFromTypedSecret(input: TypedSecret): OtpParams {
  const issuer = input.issuer.trim();
  const label = input.label.trim();
  if (label === '' || !isCleanText(issuer) || !isCleanText(label)) throw new TesseraError('bad-input');
  const type = input.type === undefined ? 'totp' : parseType(input.type, 'bad-input');
  const p: OtpParams = {
    type,
    secret: canonicalSecret(input.secret),
    issuer,
    label,
    algorithm: input.algorithm === undefined ? 'SHA1' : parseAlgorithm(input.algorithm),
    digits: input.digits === undefined ? DEFAULT_DIGITS : parseDigits(trimmed(input.digits)),
    period: input.period === undefined ? DEFAULT_PERIOD : parsePeriod(trimmed(input.period)),
    counter: input.counter === undefined ? 0 : parseCounter(trimmed(input.counter), 'bad-input'),
    extra: [],
  };
  serializeOtpauthUri(p);
  return p;
}
