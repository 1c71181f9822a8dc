// Google Authenticator's export, "Transfer accounts": otpauth-migration://offline?data=<base64>
// where data is a protobuf MigrationPayload (the schema as published by the projects that read
// these exports, e.g. Aegis' google_auth.proto):
//   MigrationPayload { repeated OtpParameters otp_parameters = 1; int32 version = 2;
//                      int32 batch_size = 3; int32 batch_index = 4; int32 batch_id = 5; }
//   OtpParameters    { bytes secret = 1; string name = 2; string issuer = 3;
//                      Algorithm algorithm = 4;  // 0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5
//                      DigitCount digits = 5;    // 0 unspecified, 1 six, 2 eight
//                      OtpType type = 6;         // 0 unspecified, 1 HOTP, 2 TOTP
//                      int64 counter = 7; }
// An export too big for one QR code is split into batches; batch_index counts from 0, and is
// exposed here counting from 1 ("batch 2 of 3"). `name` is the whole label, "Issuer:account"
// (label.ts). The format has no period: every entry is 30 s. Unspecified values take
// Authenticator's defaults (SHA1, 6 digits, TOTP).
// The data is untrusted: structure errors are 'bad-uri' (or 'too-large'); an entry that is
// well delimited but unusable (MD5, no secret, 7 digits…) is reported alone and the others
// still import.
import { toBase64 } from '../crypto/encoding';
import { TesseraError, toErrorInfo, type ErrorInfo } from '../messages/errors';
import { DEFAULT_PERIOD, type Algorithm, type OtpParams, type OtpType } from './account';
import { decodeSecret, encodeBase32 } from './base32';
import { joinLabel, splitLabel } from './label';
import { ProtoReader, ProtoWriter, toInt32, toInt64, WIRE_LEN, WIRE_VARINT } from './protobuf';
import { parseQuery, serializeOtpauthUri, stripScheme } from './uri';
import { validateParams } from './params';

/** Longest accepted export URI (one QR code holds under 3 KB of it; pasted text may hold more). */
export const MAX_MIGRATION_LENGTH = 64 * 1024;
/**
 * Most QR codes one export may claim to span. The field is an int32 an attacker sets: a QR code
 * saying 2^31 − 1 made the review allocate that many "missing batch" numbers (issue 11). Google
 * Authenticator puts about 10 accounts in a code, so 1,000 codes is far beyond any real export.
 */
export const MAX_BATCH_SIZE = 1000;
/**
 * Most accounts one export URI may hold ('too-large' past it). Google Authenticator puts about 10
 * in a QR code and Tessera's own export as many as one code holds; every entry costs work (an
 * unusable one, an error with its name), and no input may cost more than a few milliseconds.
 */
export const MAX_MIGRATION_ENTRIES = 100;

export interface Batch {
  /** 1-based position of this QR code in the export. */
  index: number;
  /** Number of QR codes in the export. */
  size: number;
  /** Shared by every QR code of one export. */
  id: number;
}

export interface MigrationEntryError {
  error: ErrorInfo;
  issuer: string;
  label: string;
}

export interface MigrationResult {
  batch: Batch;
  accounts: Array<OtpParams | MigrationEntryError>;
}

const ALGORITHM_FROM_WIRE: ReadonlyMap<number, Algorithm> = new Map([[0, 'SHA1'], [1, 'SHA1'], [2, 'SHA256'], [3, 'SHA512']]);
const ALGORITHM_TO_WIRE: Record<Algorithm, number> = { SHA1: 1, SHA256: 2, SHA512: 3 };
const DIGITS_FROM_WIRE: ReadonlyMap<number, number> = new Map([[0, 6], [1, 6], [2, 8]]);
const DIGITS_TO_WIRE: ReadonlyMap<number, number> = new Map([[6, 1], [8, 2]]);
const TYPE_FROM_WIRE: ReadonlyMap<number, OtpType> = new Map([[0, 'totp'], [1, 'hotp'], [2, 'totp']]);
const TYPE_TO_WIRE: Record<OtpType, number> = { hotp: 1, totp: 2 };
const VERSION = 1;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function malformed(): never {
  throw new TesseraError('bad-uri');
}

export function isEntryError(a: OtpParams | MigrationEntryError): a is MigrationEntryError {
  return 'error' in a;
}

/**
 * Base64 as it reaches us: standard (RFC 4648 §4) or base64url (§5), padded or not, with
 * '+' turned into ' ' by a form decoder along the way. Anything else is 'bad-uri'.
 */
export function decodeBase64Loose(text: string): Uint8Array {
  let s = text.replaceAll(' ', '+').replaceAll('-', '+').replaceAll('_', '/');
  const unpadded = s.replace(/={1,2}$/, '');
  if (unpadded !== s && s.length % 4 !== 0) malformed(); // padding present but wrong
  s = unpadded;
  if (!/^[A-Za-z0-9+/]*$/.test(s) || s.length % 4 === 1) malformed();
  const bin = atob(s + '='.repeat((4 - (s.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function text(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return malformed();
  }
}

/** An OtpParameters message as read, before any value is checked (absent fields are 0). */
interface RawEntry {
  secret: Uint8Array;
  algorithm: number;
  digits: number;
  type: number;
  counter: bigint;
}

/** Reads one OtpParameters message; structure errors throw 'bad-uri'. Names go to `names` as soon
 * as they are read, so that an error later in the entry can still say which account it was. */
function readEntry(bytes: Uint8Array, names: { name: string; issuer: string }): RawEntry {
  const r = new ProtoReader(bytes);
  const e: RawEntry = { secret: new Uint8Array(0), algorithm: 0, digits: 0, type: 0, counter: 0n };
  while (!r.done) {
    const { field, wire } = r.tag();
    const want = field <= 3 ? WIRE_LEN : field <= 7 ? WIRE_VARINT : null;
    if (want === null) {
      r.skip(wire);
      continue;
    }
    if (wire !== want) malformed();
    if (field === 1) e.secret = r.bytes();
    else if (field === 2) names.name = text(r.bytes());
    else if (field === 3) names.issuer = text(r.bytes());
    else if (field === 4) e.algorithm = toInt32(r.varint());
    else if (field === 5) e.digits = toInt32(r.varint());
    else if (field === 6) e.type = toInt32(r.varint());
    else e.counter = toInt64(r.varint());
  }
  return e;
}

/** Turns one entry into OtpParams, or a per-entry error naming it (never its secret). */
function entryToParams(bytes: Uint8Array): OtpParams | MigrationEntryError {
  const names = { name: '', issuer: '' };
  try {
    const e = readEntry(bytes, names);
    const type = TYPE_FROM_WIRE.get(e.type);
    if (type === undefined) malformed();
    const { issuer, label } = splitLabel(names.name, names.issuer);
    if (label === '') malformed();
    const algorithm = ALGORITHM_FROM_WIRE.get(e.algorithm);
    if (algorithm === undefined) throw new TesseraError('bad-algorithm'); // MD5 (4) or unknown
    const digits = DIGITS_FROM_WIRE.get(e.digits);
    if (digits === undefined) throw new TesseraError('bad-digits');
    if (e.secret.length === 0) throw new TesseraError('bad-secret');
    if (e.counter < 0n || e.counter > BigInt(Number.MAX_SAFE_INTEGER)) malformed();
    const p: OtpParams = {
      type,
      secret: encodeBase32(e.secret),
      issuer,
      label,
      algorithm,
      digits,
      period: DEFAULT_PERIOD,
      counter: Number(e.counter),
      extra: [],
    };
    serializeOtpauthUri(p); // every account must be writable as an otpauth:// URI (length)
    return p;
  } catch (err) {
    // The names only say which entry failed: shown, so without control or bidi characters.
    const shown = (s: string) => s.replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, '');
    const { issuer, label } = splitLabel(shown(names.name), shown(names.issuer));
    return { error: toErrorInfo(err), issuer, label };
  }
}

/** Reads the `data` parameter of an export URI into payload bytes. */
function payloadBytes(text: string): Uint8Array {
  const rest = stripScheme(text, 'otpauth-migration', MAX_MIGRATION_LENGTH);
  const q = rest.indexOf('?');
  if (q < 0 || rest.slice(0, q).toLowerCase() !== 'offline') malformed();
  // '+' is kept as '+' here: in base64 it is data, and a '+' already turned into ' ' is undone below.
  const data = parseQuery(rest.slice(q + 1), false).filter(([k]) => k.toLowerCase() === 'data');
  if (data.length !== 1 || data[0]![1] === '') malformed();
  return decodeBase64Loose(data[0]![1]);
}

/**
 * Reads an otpauth-migration:// URI. Throws 'too-large' (over 64 KiB or MAX_MIGRATION_ENTRIES accounts), 'bad-scheme',
 * or 'bad-uri' for anything structurally wrong; unusable entries come back as per-entry errors.
 */
export function parseMigrationUri(text: string): MigrationResult {
  const r = new ProtoReader(payloadBytes(text));
  const entries: Uint8Array[] = [];
  let size = 0;
  let index = 0;
  let id = 0;
  while (!r.done) {
    const { field, wire } = r.tag();
    if (field > 5) {
      r.skip(wire);
      continue;
    }
    if (wire !== (field === 1 ? WIRE_LEN : WIRE_VARINT)) malformed();
    if (field === 1) {
      if (entries.length >= MAX_MIGRATION_ENTRIES) throw new TesseraError('too-large');
      entries.push(r.bytes());
    }
    else if (field === 2) r.varint(); // version: later versions are read as far as we understand them
    else if (field === 3) size = toInt32(r.varint());
    else if (field === 4) index = toInt32(r.varint());
    else id = toInt32(r.varint());
  }
  // A payload without batch fields is a single batch (proto3 leaves zeros out). Every count is
  // bounded here, before anyone allocates by it: 1 ≤ size ≤ MAX_BATCH_SIZE and 0 ≤ index < size.
  if (size < 0 || index < 0 || size > MAX_BATCH_SIZE) malformed();
  const batch: Batch = { index: index + 1, size: Math.max(size, 1), id };
  if (batch.index > batch.size) malformed();
  return { batch, accounts: entries.map(entryToParams) };
}

/**
 * Writes accounts as one export URI (the inverse of parseMigrationUri; used by tests, fixtures
 * and export). The format can only say 6 or 8 digits and 30-second periods: other accounts
 * throw 'bad-digits' / 'bad-period'. Extras have no place in it and are left out.
 * Throws 'bad-input' for an impossible batch (or one of more than MAX_BATCH_SIZE codes) and 'too-large' past MAX_MIGRATION_LENGTH.
 */
export function serializeMigrationUri(accounts: OtpParams[], batch: Batch = { index: 1, size: 1, id: 0 }): string {
  const int32 = (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31;
  if (![batch.index, batch.size, batch.id].every(int32) || batch.index < 1 || batch.index > batch.size || batch.size > MAX_BATCH_SIZE) {
    throw new TesseraError('bad-input');
  }
  const w = new ProtoWriter();
  for (const p of accounts) {
    validateParams(p);
    const digits = DIGITS_TO_WIRE.get(p.digits);
    if (digits === undefined) throw new TesseraError('bad-digits');
    if (p.period !== DEFAULT_PERIOD) throw new TesseraError('bad-period');
    const entry = new ProtoWriter()
      .bytes(1, decodeSecret(p.secret))
      .bytes(2, joinLabel(p.issuer, p.label))
      .bytes(3, p.issuer)
      .int(4, ALGORITHM_TO_WIRE[p.algorithm])
      .int(5, digits)
      .int(6, TYPE_TO_WIRE[p.type])
      .int(7, p.counter)
      .finish();
    w.bytes(1, entry); // never empty: a valid account has a secret
  }
  w.int(2, VERSION).int(3, batch.size).int(4, batch.index - 1).int(5, batch.id);
  const uri = `otpauth-migration://offline?data=${encodeURIComponent(toBase64(w.finish()))}`;
  if (uri.length > MAX_MIGRATION_LENGTH) throw new TesseraError('too-large');
  return uri;
}
