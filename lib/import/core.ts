// Shared pieces of the import-file parsers (docs/import.md): the input as every sniffer sees
// it, the format registration, whole-file errors ('bad-file' saying where), typed field reads
// of untrusted JSON, and turning one entry of another app into OtpParams with the same
// validation as a pasted otpauth:// link (lib/otp/params.ts), or into a per-entry error.
import { t } from '../i18n/i18n';
import { TesseraError, toErrorInfo } from '../messages/errors';
import { DEFAULT_DIGITS, DEFAULT_PERIOD, type OtpParams } from '../otp/account';
import { canonicalSecret, encodeBase32 } from '../otp/base32';
import { entryName, type ImportError, type ImportItem } from '../otp/import';
import { splitLabel } from '../otp/label';
import { isCleanText, parseAlgorithm, parseCounter, parseDigits, parsePeriod, validateParams } from '../otp/params';
import { parseOtpauthUri, serializeOtpauthUri } from '../otp/uri';
import type { FileFormat, FileImport } from './file';
import type { KdfLimits } from './crypto';

/** The file as the sniffers see it: bytes, UTF-8 text (null when not UTF-8), parsed JSON. */
export interface Input {
  bytes: Uint8Array;
  /** The text without a byte-order mark, or null when the bytes are not UTF-8. */
  text: string | null;
  /** The parsed JSON value; undefined when the text is not JSON. */
  json: unknown;
}

export interface Context {
  password?: string;
  limits: KdfLimits;
}

/** One format: its contract name, a content sniffer (cheap, never throws) and a parser. */
export interface FormatParser {
  name: FileFormat;
  sniff(input: Input): boolean;
  parse(input: Input, ctx: Context): Promise<FileImport>;
}

/** A damaged file: TesseraError('bad-file') whose message says where. */
export function badFile(where: string): TesseraError {
  return new TesseraError('bad-file', t('error.bad-file', where));
}

export function needsPassword(ctx: Context): string {
  if (ctx.password === undefined || ctx.password === '') throw new TesseraError('needs-password');
  return ctx.password;
}

export function badPassphrase(): TesseraError {
  return new TesseraError('bad-passphrase');
}

/** "entry 3" (1-based), the place of an entry in messages. */
export function entryAt(n: number): string {
  return t('import.at.entry', n);
}

export function fileAt(): string {
  return t('import.at.file');
}

// ---- typed reads of untrusted JSON; every failure is 'bad-file' naming the place and field ----

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function missing(where: string, key: string): never {
  throw badFile(t('import.missing', where, key));
}

export function wrongType(where: string, key: string): never {
  throw badFile(t('import.wrongType', where, key));
}

export function badValue(where: string, key: string): never {
  throw badFile(t('import.badValue', where, key));
}

export function obj(o: Json, key: string, where: string): Json {
  const v = o[key];
  if (v === undefined || v === null) missing(where, key);
  if (!isObject(v)) wrongType(where, key);
  return v;
}

export function arr(o: Json, key: string, where: string): unknown[] {
  const v = o[key];
  if (v === undefined || v === null) missing(where, key);
  if (!Array.isArray(v)) wrongType(where, key);
  return v;
}

export function str(o: Json, key: string, where: string): string {
  const v = o[key];
  if (v === undefined || v === null) missing(where, key);
  if (typeof v !== 'string') wrongType(where, key);
  return v;
}

/** A string field that may be absent or null ('' then). */
export function optStr(o: Json, key: string, where: string): string {
  const v = o[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') wrongType(where, key);
  return v;
}

/** A number field (or a decimal string, as some apps write) that may be absent: undefined then. */
export function optNum(o: Json, key: string, where: string): number | string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' && typeof v !== 'string') wrongType(where, key);
  return v;
}

/** Every element of an array must be an object: entries are read by position. */
export function entryObject(v: unknown, n: number): Json {
  if (!isObject(v)) throw badFile(t('import.wrongType', entryAt(n), 'entry'));
  return v;
}

// ---- JSON and text ----

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Uint8Array): string | null {
  try {
    const s = utf8.decode(bytes);
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  } catch {
    return null;
  }
}

/** Whether the text looks like JSON (so a syntax error is damage, not another format). */
export function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

/** UTF-8 length of the first `chars` UTF-16 units of `text` (messages give byte offsets). */
function byteOffset(text: string, chars: number): number {
  return new TextEncoder().encode(text.slice(0, chars)).length;
}

/**
 * Where JSON text stops being valid (RFC 8259 grammar), as a UTF-16 index; text.length when it
 * ends early. Only run after JSON.parse failed, to say where: engines word their errors
 * differently and V8 no longer gives a position for every one.
 */
export function jsonErrorAt(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const lit = (word: string) => {
    for (const c of word) if (text[i++] !== c) (i--, fail());
  };
  const str = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail();
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) fail();
      if (c === 0x5c) {
        i++;
        const e = text[i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) (i++, fail());
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail();
      } else i++;
    }
  };
  const num = () => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') fail();
    i += m![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 10_000) fail();
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return str();
    if (c === 't') return lit('true');
    if (c === 'f') return lit('false');
    if (c === 'n') return lit('null');
    return num();
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail();
    return -1;
  } catch (at) {
    if (typeof at !== 'number') return -1; // e.g. stack exhaustion: no position to give
    return Math.min(at, text.length);
  }
}

/** JSON.parse, with a syntax error turned into 'bad-file' saying at which byte. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const at = jsonErrorAt(text);
    if (at < 0) throw badFile(t('import.jsonInvalidSomewhere'));
    if (at >= text.length) throw badFile(t('import.jsonEnds', byteOffset(text, text.length)));
    throw badFile(t('import.jsonInvalid', byteOffset(text, at)));
  }
}

/** Decrypted bytes that must be UTF-8 JSON: any fault there is damage inside the ciphertext. */
export function parseDecryptedJson(bytes: Uint8Array): unknown {
  const text = decodeText(bytes);
  if (text === null) throw badFile(t('import.notText'));
  return parseJson(text);
}

// ---- entries ----

/** What a format's entry says, before any value is checked. */
export interface RawEntry {
  /** Lower-cased kind as the app names it: 'totp' and 'hotp' are supported, 'steam' and others not. */
  kind: string;
  /** Base32 text (any case, spaces, padding) or the seed's bytes. */
  secret: string | Uint8Array;
  issuer: string;
  label: string;
  algorithm?: string;
  digits?: number | string;
  period?: number | string;
  counter?: number | string;
}

/** Makes text shown in an error safe to show (no control or bidi characters). */
function shown(s: string): string {
  return s.replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, '').trim();
}

/**
 * Builds OtpParams from one entry with lib/otp's rules (same codes as a pasted link). A missing
 * label takes the issuer (Tessera needs a label; several apps let it be empty). Throws a
 * TesseraError with the API code: Steam and other kinds are 'bad-uri' with a sentence naming them.
 */
export function toParams(raw: RawEntry): OtpParams {
  const kind = raw.kind.toLowerCase();
  if (kind === 'steam') throw new TesseraError('bad-uri', t('import.steam'));
  if (kind !== 'totp' && kind !== 'hotp') throw new TesseraError('bad-uri', t('import.unsupportedKind', shown(raw.kind).slice(0, 40)));
  const issuer = raw.issuer.trim();
  let label = raw.label.trim();
  if (label === '') label = issuer;
  if (label === '' || !isCleanText(issuer) || !isCleanText(label)) throw new TesseraError('bad-uri');
  const secret = typeof raw.secret === 'string' ? canonicalSecret(raw.secret) : encodeBase32(raw.secret);
  if (secret === '') throw new TesseraError('bad-secret');
  const p: OtpParams = {
    type: kind,
    secret,
    issuer,
    label,
    algorithm: raw.algorithm === undefined || raw.algorithm === '' ? 'SHA1' : parseAlgorithm(raw.algorithm),
    digits: raw.digits === undefined ? DEFAULT_DIGITS : parseDigits(raw.digits),
    period: raw.period === undefined ? DEFAULT_PERIOD : parsePeriod(raw.period),
    counter: raw.counter === undefined ? 0 : parseCounter(raw.counter, 'bad-uri'),
    extra: [],
  };
  validateParams(p);
  serializeOtpauthUri(p); // every account must be writable as a link (length)
  return p;
}

/** Collects the accounts and per-entry errors of one file, in file order. */
export class Collector {
  readonly items: ImportItem[] = [];
  readonly errors: ImportError[] = [];

  /** Adds the entry at `line`, or its error named by issuer and label (never by its secret). */
  add(line: number, names: { issuer: string; label: string }, make: () => OtpParams): void {
    try {
      this.items.push({ line, params: make() });
    } catch (e) {
      if (!(e instanceof TesseraError) || e.code === 'bad-file') throw e;
      this.fail(line, names, e);
    }
  }

  fail(line: number, names: { issuer: string; label: string }, e: unknown): void {
    const { code, message } = toErrorInfo(e);
    this.errors.push({ line, code, message: t('otp.entryError', entryName(shown(names.issuer), shown(names.label)), message) });
  }

  /** An otpauth:// link held by an entry (Bitwarden, Proton, Ente, text): otpauth://steam is named. */
  addUri(line: number, uri: string, given: { issuer: string; label: string } = { issuer: '', label: '' }): void {
    const u = uri.trim();
    const names = given.issuer || given.label ? given : namesOfUri(u);
    this.add(line, names, () => {
      if (/^otpauth:\/\/steam\//i.test(u)) throw new TesseraError('bad-uri', t('import.steam'));
      return parseOtpauthUri(u);
    });
  }

  result(format: FileFormat, encrypted: boolean): FileImport {
    return { format, encrypted, items: this.items, errors: this.errors };
  }
}

/** Issuer and label of a link, best effort, only to name it in an error. */
function namesOfUri(uri: string): { issuer: string; label: string } {
  try {
    const m = /^[a-z-]+:\/\/[^/]*\/([^?]*)(?:\?(.*))?$/i.exec(uri);
    if (!m) return { issuer: '', label: '' };
    const issuer = new URLSearchParams(m[2] ?? '').get('issuer') ?? '';
    return splitLabel(decodeURIComponent(m[1]!), issuer);
  } catch {
    return { issuer: '', label: '' };
  }
}

// ---- byte encodings found in other apps' files ----

export function fromHex(text: string, where: string, key: string): Uint8Array {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) badValue(where, key);
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** A seed written in hex (the Authenticator extension's hex types): a bad one is that entry's 'bad-secret'. */
export function hexSecret(text: string): Uint8Array {
  if (text.length === 0 || text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) throw new TesseraError('bad-secret');
  return Uint8Array.from(text.match(/../g)!, (h) => parseInt(h, 16));
}

/** Standard base64, padding optional, whitespace (line breaks) ignored. */
export function fromBase64Loose(text: string, where: string, key: string): Uint8Array {
  const s = text.replace(/\s+/g, '').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(s) || s.length % 4 === 1) badValue(where, key);
  return binaryToBytes(atob(s + '='.repeat((4 - (s.length % 4)) % 4)));
}

/** atob's "binary string" as bytes (a plain loop: Uint8Array.from with a map is 20× slower). */
export function binaryToBytes(bin: string): Uint8Array {
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
