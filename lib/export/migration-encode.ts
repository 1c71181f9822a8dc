// The encoder side of Google Authenticator's export ("Transfer accounts"):
//   otpauth-migration://offline?data=<base64 of a protobuf MigrationPayload>
// with the schema lib/otp/migration.ts documents and parses (field numbers from the published
// google_auth.proto). What this module adds over that parser's single-URI serialiser:
// - entries written the way Google Authenticator itself writes them (checked against real
//   exports in tests/unit/export): `name` is the account name alone when an issuer is given
//   (the app shows "issuer (name)"; a "Issuer:name" there would show the issuer twice in
//   Aegis and 2FAS), the whole "Issuer:name" label only when the issuer is empty or the name
//   itself starts with "Issuer:" (so the parser's prefix rule, lib/otp/label.ts, reads it back);
// - splitting into batches that each fit one QR code a phone camera reads from a laptop screen
//   (budget below), with batch size, index and one shared random batch id set.
// Accounts the format cannot say (7 digits, a period other than 30 s) are returned as `skipped`
// with the API code, never silently changed.
import { toBase64 } from '../crypto/encoding';
import { TesseraError, type ErrorCode } from '../messages/errors';
import { DEFAULT_PERIOD, type Algorithm, type OtpParams, type OtpType } from '../otp/account';
import { decodeSecret } from '../otp/base32';
import { joinLabel, splitLabel } from '../otp/label';
import { validateParams } from '../otp/params';
import { ProtoWriter } from '../otp/protobuf';

/**
 * The QR budget, measured with the `qrcode` package (docs/backup-format.md, "Export to a
 * phone"): an 800-character URI is a version 23 symbol at error correction M (109 modules);
 * drawn 440 px wide that is 4 px a module, which phone cameras read off a laptop screen at
 * arm's length. Google Authenticator's own exports hold about 10 accounts a code.
 */
export const MAX_BATCH_URI_LENGTH = 800;
export const MAX_BATCH_ACCOUNTS = 10;
/** Past this one account alone does not fit a QR code at level M (version 40 holds 2,331 bytes). */
export const MAX_SINGLE_URI_LENGTH = 2300;

const ALGORITHM: Record<Algorithm, number> = { SHA1: 1, SHA256: 2, SHA512: 3 };
const DIGITS: ReadonlyMap<number, number> = new Map([[6, 1], [8, 2]]);
const TYPE: Record<OtpType, number> = { hotp: 1, totp: 2 };
const VERSION = 1;

/** The `name` field for an account, read back by splitLabel(name, issuer) as (issuer, label). */
export function migrationName(issuer: string, label: string): string {
  if (issuer === '') return joinLabel('', label);
  const back = splitLabel(label, issuer);
  return back.label === label ? label : joinLabel(issuer, label);
}

/** One OtpParameters message. Throws the API code for an account the format cannot hold. */
export function encodeMigrationEntry(p: OtpParams): Uint8Array {
  validateParams(p);
  const digits = DIGITS.get(p.digits);
  if (digits === undefined) throw new TesseraError('bad-digits');
  if (p.period !== DEFAULT_PERIOD) throw new TesseraError('bad-period');
  return new ProtoWriter()
    .bytes(1, decodeSecret(p.secret))
    .bytes(2, migrationName(p.issuer, p.label))
    .bytes(3, p.issuer)
    .int(4, ALGORITHM[p.algorithm])
    .int(5, digits)
    .int(6, TYPE[p.type])
    .int(7, p.counter)
    .finish();
}

export interface BatchInfo {
  /** 1-based */
  index: number;
  size: number;
  id: number;
}

/** A whole export URI from encoded entries. */
export function migrationUri(entries: readonly Uint8Array[], batch: BatchInfo): string {
  const w = new ProtoWriter();
  for (const e of entries) w.bytes(1, e);
  w.int(2, VERSION).int(3, batch.size).int(4, batch.index - 1).int(5, batch.id);
  return `otpauth-migration://offline?data=${encodeURIComponent(toBase64(w.finish()))}`;
}

export interface Skipped<T> {
  item: T;
  code: ErrorCode;
}

export interface BatchPlan<T> {
  uris: string[];
  /** Which items each URI holds, in order. */
  batches: T[][];
  skipped: Array<Skipped<T>>;
}

export interface BatchOptions {
  maxUriLength?: number;
  maxAccounts?: number;
  /** Shared by every batch of the export; random by default (a positive int32). */
  batchId?: number;
}

/**
 * Splits accounts into export URIs, keeping their order: a batch is closed when one more account
 * would pass the length or count budget. The batch size is only known at the end, so batches are
 * planned first and written afterwards (size and index change a URI's length by a byte or two at
 * most: the plan keeps 8 characters in hand).
 */
export function planMigrationBatches<T>(items: readonly T[], paramsOf: (item: T) => OtpParams, o: BatchOptions = {}): BatchPlan<T> {
  const maxLen = o.maxUriLength ?? MAX_BATCH_URI_LENGTH;
  const maxCount = o.maxAccounts ?? MAX_BATCH_ACCOUNTS;
  const id = o.batchId ?? randomBatchId();
  const skipped: Array<Skipped<T>> = [];
  const groups: Array<Array<{ item: T; entry: Uint8Array }>> = [];
  let current: Array<{ item: T; entry: Uint8Array }> = [];
  const provisional = { index: 1, size: 1, id };
  const fits = (g: Array<{ entry: Uint8Array }>) => migrationUri(g.map((x) => x.entry), provisional).length + 8 <= maxLen;
  for (const item of items) {
    let entry: Uint8Array;
    try {
      entry = encodeMigrationEntry(paramsOf(item));
    } catch (e) {
      skipped.push({ item, code: e instanceof TesseraError ? e.code : 'bad-input' });
      continue;
    }
    if (migrationUri([entry], provisional).length > MAX_SINGLE_URI_LENGTH) {
      skipped.push({ item, code: 'too-large' });
      continue;
    }
    const next = [...current, { item, entry }];
    if (current.length > 0 && (next.length > maxCount || !fits(next))) {
      groups.push(current);
      current = [{ item, entry }];
    } else current = next;
  }
  if (current.length) groups.push(current);
  const size = groups.length;
  return {
    uris: groups.map((g, i) => migrationUri(g.map((x) => x.entry), { index: i + 1, size, id })),
    batches: groups.map((g) => g.map((x) => x.item)),
    skipped,
  };
}

/** A positive int32: Google Authenticator's batch ids are positive. */
function randomBatchId(): number {
  const v = crypto.getRandomValues(new Uint32Array(1))[0]!;
  return (v & 0x7fffffff) || 1;
}
