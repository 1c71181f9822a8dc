// Import from another authenticator's file (shared/automation-api.md, `accounts.importFile`):
// the seam between the file parsers (lib/import/, one module per format) and the API handler
// that shows a preview and adds what the user confirmed.
//
// The format is recognised from the content, never from the file name. Every problem with one
// entry is reported against its 1-based position in the file (`line`) with an API code; a
// problem with the whole file throws a TesseraError: `needs-password` (encrypted, no password),
// `bad-passphrase` (wrong password), `unsupported-format`, `bad-file` (damaged: says where),
// `too-large` (over MAX_IMPORT_FILE_BYTES). Nothing here writes anything.
import { t } from '../i18n/i18n';
import { TesseraError } from '../messages/errors';
import type { ImportError, ImportItem } from '../otp/import';
import { badFile, decodeText, fileAt, looksLikeJson, parseJson, type FormatParser, type Input } from './core';
import { DEFAULT_KDF_LIMITS, type KdfLimits } from './crypto';
import { MAX_IMPORT_FILE_BYTES } from './limits';
import { aegis } from './formats/aegis';
import { andotp } from './formats/andotp';
import { authenticatorExtension } from './formats/authenticator-extension';
import { bitwarden } from './formats/bitwarden';
import { enteEncrypted } from './formats/ente';
import { freeotpPlus } from './formats/freeotp-plus';
import { lastpass } from './formats/lastpass';
import { entePlain, googleAuthenticator, otpauthText } from './formats/otpauth-text';
import { proton, protonPassZip } from './formats/proton';
import { twofas } from './formats/twofas';

/** Format names of the contract (automation-api.md, `format` names). */
export type FileFormat =
  | 'tessera-backup' | 'otpauth-text' | 'aegis' | '2fas' | 'andotp' | 'authenticator-extension'
  | 'bitwarden' | 'ente' | 'proton' | 'freeotp-plus' | 'lastpass' | 'google-authenticator';


export interface FileImport {
  format: FileFormat;
  /** Whether the file was encrypted (a password was needed). */
  encrypted: boolean;
  /** Accounts read, in file order; `line` is the entry's 1-based position in the file. */
  items: ImportItem[];
  /** Entries left out (Steam and other unsupported kinds are named here, never mangled). */
  errors: ImportError[];
}

export interface ParseOptions {
  password?: string;
  /** Caps on the KDF parameters a file may ask for (defaults: DEFAULT_KDF_LIMITS; tests lower them). */
  kdfLimits?: Partial<KdfLimits>;
}

/**
 * Every parser, in the order they are tried: the first whose sniffer recognises the content
 * reads it. Specific JSON shapes come before the looser ones (the Authenticator extension's
 * object of entries, andOTP's array), and any binary file is andOTP's encrypted backup last.
 */
export const FORMATS: readonly FormatParser[] = [
  aegis, twofas, bitwarden, enteEncrypted, lastpass, freeotpPlus, proton, authenticatorExtension, protonPassZip, andotp,
  googleAuthenticator, entePlain, otpauthText,
];

/** What the 'unsupported-format' message lists, in the UI language (the Tessera backup is read by lib/backup). */
export function supportedFormatsText(): string {
  return t('import.supportedFormats');
}

/** Opens with '{' or '[' after blanks (an andOTP binary almost never does: see docs/import.md). */
function looksLikeJsonBytes(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i]!)) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b;
}

function readInput(bytes: Uint8Array): Input {
  const text = decodeText(bytes);
  if (text === null && looksLikeJsonBytes(bytes)) {
    // JSON whose bytes are not all UTF-8: cut inside a character (it ends early), or damaged.
    for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
      if (decodeText(bytes.subarray(0, bytes.length - cut)) !== null) throw badFile(t('import.jsonEnds', bytes.length));
    }
    throw badFile(t('import.notText'));
  }
  // Text that opens like JSON but does not parse is a damaged file, whatever it was meant to be.
  const json = text !== null && looksLikeJson(text) ? parseJson(text) : undefined;
  return { bytes, text, json };
}

/**
 * The format a file would be read as, without a password and without reading its entries (for
 * a page that wants to name the app before asking for a password); null when none, or when the
 * file is too large or damaged (parseImportFile then says why).
 */
export function detectImportFormat(bytes: Uint8Array): FileFormat | null {
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) return null;
  try {
    const input = readInput(bytes);
    return FORMATS.find((f) => f.sniff(input))?.name ?? null;
  } catch {
    return null;
  }
}

/**
 * Reads an export file of another authenticator (every format but `tessera-backup`, which
 * lib/backup reads). Implemented by the format parsers; see docs/import.md.
 */
export async function parseImportFile(bytes: Uint8Array, options: ParseOptions = {}): Promise<FileImport> {
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) throw new TesseraError('too-large');
  const ctx = { password: options.password, limits: { ...DEFAULT_KDF_LIMITS, ...options.kdfLimits } };
  try {
    const input = readInput(bytes);
    const format = FORMATS.find((f) => f.sniff(input));
    if (!format) throw new TesseraError('unsupported-format', t('error.unsupported-format', supportedFormatsText()));
    return await format.parse(input, ctx);
  } catch (e) {
    if (e instanceof TesseraError) throw e;
    // Never an untyped error: anything a parser did not foresee is a file it cannot read.
    throw badFile(fileAt());
  }
}
