// Import from another authenticator's file (shared/automation-api.md, `accounts.importFile`):
// the seam between the file parsers (lib/import/, one module per format) and the API handler
// that shows a preview and adds what the user confirmed.
//
// The format is recognised from the content, never from the file name. Every problem with one
// entry is reported against its 1-based position in the file (`line`) with an API code; a
// problem with the whole file throws a TesseraError: `needs-password` (encrypted, no password),
// `bad-passphrase` (wrong password), `unsupported-format`, `bad-file` (damaged: says where),
// `too-large` (over MAX_IMPORT_FILE_BYTES). Nothing here writes anything.
import { TesseraError } from '../messages/errors';
import type { ImportError, ImportItem } from '../otp/import';

/** Format names of the contract (automation-api.md, `format` names). */
export type FileFormat =
  | 'tessera-backup' | 'otpauth-text' | 'aegis' | '2fas' | 'andotp' | 'authenticator-extension'
  | 'bitwarden' | 'ente' | 'proton' | 'freeotp-plus' | 'lastpass' | 'google-authenticator';

export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

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
}

/**
 * Reads an export file of another authenticator (every format but `tessera-backup`, which
 * lib/backup reads). Implemented by the format parsers; see docs/import.md.
 */
export async function parseImportFile(bytes: Uint8Array, _options: ParseOptions = {}): Promise<FileImport> {
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) throw new TesseraError('too-large');
  throw new TesseraError('unsupported-format');
}
