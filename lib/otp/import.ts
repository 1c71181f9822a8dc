// Pasted text for `accounts.import` (shared/automation-api.md): otpauth:// and
// otpauth-migration:// URIs, one per line. Lines count from 1 (any of \n, \r\n, \r ends one);
// blank lines are skipped; an export URI may yield many accounts on its line. Every problem is
// reported against its line with the API's code and a sentence; only text over 1 MiB
// (UTF-16 code units) throws, since then nothing is tried.
import { TesseraError, toErrorInfo, type ErrorCode } from '../messages/errors';
import { t } from '../i18n/i18n';
import type { OtpParams } from './account';
import { isEntryError, parseMigrationUri, type Batch } from './migration';
import { parseOtpauthUri, schemeOf } from './uri';

export const MAX_IMPORT_LENGTH = 1024 * 1024;

export interface ImportItem {
  line: number;
  params: OtpParams;
  batch?: Batch;
}

export interface ImportError {
  line: number;
  code: ErrorCode;
  message: string;
}

export interface ImportResult {
  items: ImportItem[];
  errors: ImportError[];
}

/** Names an export entry in its error, so the user knows which account was left out. */
export function entryName(issuer: string, label: string): string {
  return issuer && label ? `${issuer} (${label})` : issuer || label || t('otp.unnamedEntry');
}

export function parseImportText(text: string): ImportResult {
  if (text.length > MAX_IMPORT_LENGTH) throw new TesseraError('too-large');
  const result: ImportResult = { items: [], errors: [] };
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const line = i + 1;
    const uri = raw.trim();
    if (uri === '') return;
    try {
      if (schemeOf(uri) !== 'otpauth-migration') {
        result.items.push({ line, params: parseOtpauthUri(uri) });
        return;
      }
      const { batch, accounts } = parseMigrationUri(uri);
      for (const a of accounts) {
        if (!isEntryError(a)) result.items.push({ line, params: a, batch });
        else result.errors.push({ line, code: a.error.code, message: t('otp.entryError', entryName(a.issuer, a.label), a.error.message) });
      }
    } catch (e) {
      const { code, message } = toErrorInfo(e);
      result.errors.push({ line, code, message });
    }
  });
  return result;
}
