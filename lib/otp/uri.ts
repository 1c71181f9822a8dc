// otpauth:// URIs, Google's Key Uri Format (github.com/google/google-authenticator/wiki/Key-Uri-Format):
//   otpauth://TYPE/LABEL?secret=…&issuer=…&algorithm=…&digits=…&period=…&counter=…
// Parsing is lossless: every parameter is read, unknown ones are kept in order in `extra`, and
// parseOtpauthUri(serializeOtpauthUri(p)) deep-equals p for every valid p (params.ts).
// Choices where the Format is silent or loose (docs: the module comments are the reference):
// - scheme, type and parameter names are case-insensitive (RFC 3986 §3.1 for the scheme);
// - in the query '+' means a space (HTML form encoding, which many generators use); in the
//   label '+' is literal; the serialiser writes %20 and %2B so both readings agree;
// - raw spaces and raw non-ASCII are tolerated (sloppy QR generators), control characters and
//   '#' (a fragment has no meaning here) are not;
// - issuer and label: see label.ts; an empty issuer parameter counts as absent;
// - a HOTP URI without `counter` starts at 0: the Format calls it required, but every issuer
//   that omits it means 0, and refusing the account helps nobody;
// - `period` and `counter` are read for both types (a TOTP URI with counter=… keeps it);
// - a known parameter given twice is ambiguous and refused ('bad-uri').
import { TesseraError } from '../messages/errors';
import { DEFAULT_DIGITS, DEFAULT_PERIOD, type OtpParams } from './account';
import { canonicalSecret } from './base32';
import { joinLabel, splitLabel } from './label';
import { KNOWN_PARAMS, isCleanText, parseAlgorithm, parseCounter, parseDigits, parsePeriod, parseType, validateParams } from './params';

/** Longest accepted URI, in UTF-16 code units after trimming (a QR code holds at most ~4,300). */
export const MAX_URI_LENGTH = 4096;

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const FORBIDDEN = /[\u0000-\u001f\u007f#]/;

/** The scheme of a URI-looking text in lower case, or null when it has none (RFC 3986 §3.1). */
export function schemeOf(text: string): string | null {
  const m = SCHEME.exec(text.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/** decodeURIComponent that reports malformed escapes or invalid UTF-8 as 'bad-uri'. */
export function percentDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new TesseraError('bad-uri');
  }
}

/** Splits a query into decoded [name, value] pairs, in order; empty segments ("&&") are skipped. */
export function parseQuery(query: string, plusIsSpace: boolean): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const segment of query.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const rawName = eq < 0 ? segment : segment.slice(0, eq);
    const rawValue = eq < 0 ? '' : segment.slice(eq + 1);
    const dec = (s: string) => percentDecode(plusIsSpace ? s.replaceAll('+', ' ') : s);
    pairs.push([dec(rawName), dec(rawValue)]);
  }
  return pairs;
}

/** Checks the common shape "<scheme>://<rest>" and returns <rest>; errors as the API names them. */
export function stripScheme(text: string, scheme: string, maxLength: number): string {
  const s = text.trim();
  if (s.length > maxLength) throw new TesseraError('too-large');
  const found = schemeOf(s);
  if (found === null) throw new TesseraError('bad-uri');
  if (found !== scheme) throw new TesseraError('bad-scheme');
  if (!s.isWellFormed() || FORBIDDEN.test(s)) throw new TesseraError('bad-uri');
  const rest = s.slice(scheme.length + 1);
  if (!rest.startsWith('//')) throw new TesseraError('bad-uri');
  return rest.slice(2);
}

/**
 * Reads an otpauth:// URI. Errors (TesseraError codes), in the order they are checked:
 * 'too-large' (over 4,096 characters), 'bad-uri' (no scheme), 'bad-scheme' (not otpauth:),
 * 'bad-uri' (shape, type, escapes, repeated parameter, missing label), 'bad-secret',
 * 'bad-algorithm', 'bad-digits', 'bad-period', 'bad-uri' (counter).
 */
export function parseOtpauthUri(text: string): OtpParams {
  const rest = stripScheme(text, 'otpauth', MAX_URI_LENGTH);
  const q = rest.indexOf('?');
  const path = q < 0 ? rest : rest.slice(0, q);
  const slash = path.indexOf('/');
  if (slash < 0) throw new TesseraError('bad-uri'); // no label at all
  const type = parseType(path.slice(0, slash), 'bad-uri');

  const known = new Map<string, string>();
  const extra: Array<[string, string]> = [];
  for (const [name, value] of parseQuery(q < 0 ? '' : rest.slice(q + 1), true)) {
    const key = name.toLowerCase();
    if (!KNOWN_PARAMS.has(key)) extra.push([name, value]);
    else if (known.has(key)) throw new TesseraError('bad-uri');
    else known.set(key, value);
  }

  const { issuer, label } = splitLabel(percentDecode(path.slice(slash + 1)), known.get('issuer') ?? '');
  // Decoded names obey the same rule as every other way in (no control or bidi characters).
  if (label === '' || !isCleanText(issuer) || !isCleanText(label)) throw new TesseraError('bad-uri');
  const secret = known.get('secret');
  if (secret === undefined) throw new TesseraError('bad-secret');

  const algorithm = known.get('algorithm');
  const digits = known.get('digits');
  const period = known.get('period');
  const counter = known.get('counter');
  return {
    type,
    secret: canonicalSecret(secret),
    issuer,
    label,
    algorithm: algorithm === undefined ? 'SHA1' : parseAlgorithm(algorithm),
    digits: digits === undefined ? DEFAULT_DIGITS : parseDigits(digits),
    period: period === undefined ? DEFAULT_PERIOD : parsePeriod(period),
    counter: counter === undefined ? 0 : parseCounter(counter, 'bad-uri'),
    extra,
  };
}

/**
 * Writes an otpauth:// URI for `p`: the label "Issuer:account", then secret, issuer, algorithm,
 * digits, period (TOTP, or HOTP with a non-default one), counter (HOTP, or TOTP with a
 * non-zero one), then the extras in order. Throws the API's code when `p` is not valid, and
 * 'too-large' when the URI would be longer than MAX_URI_LENGTH (it could not be read back).
 */
export function serializeOtpauthUri(p: OtpParams): string {
  validateParams(p);
  const enc = encodeURIComponent;
  const params: Array<[string, string]> = [['secret', p.secret]];
  if (p.issuer !== '') params.push(['issuer', p.issuer]);
  params.push(['algorithm', p.algorithm], ['digits', String(p.digits)]);
  if (p.type === 'totp' || p.period !== DEFAULT_PERIOD) params.push(['period', String(p.period)]);
  if (p.type === 'hotp' || p.counter !== 0) params.push(['counter', String(p.counter)]);
  params.push(...p.extra);
  const query = params.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  const uri = `otpauth://${p.type}/${joinLabel(p.issuer, p.label, enc)}?${query}`;
  if (uri.length > MAX_URI_LENGTH) throw new TesseraError('too-large');
  return uri;
}
