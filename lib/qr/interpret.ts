// What QR texts mean for enrollment (issue 3; shared/automation-api.md, qr.scanTab): an
// otpauth:// account (Key Uri Format), a Google Authenticator export batch, or anything else,
// which adds nothing and says why. Answers name accounts, never secrets.
import { t } from '../i18n/i18n';
import { TesseraError, toErrorInfo, type ErrorInfo } from '../messages/errors';
import type { OtpParams } from '../otp/account';
import { entryName } from '../otp/import';
import { isEntryError, MAX_BATCH_SIZE, parseMigrationUri } from '../otp/migration';
import { parseOtpauthUri } from '../otp/uri';
import { classifyQrText, type QrKind } from './classify';

export interface FoundCode {
  kind: QrKind;
  accounts: Array<{ issuer: string; label: string }>;
  batch?: { index: number; size: number };
  error?: ErrorInfo;
}

export interface Interpretation {
  found: FoundCode[];
  /** Accounts to add, with the 1-based position of the code they came from. */
  items: Array<{ position: number; params: OtpParams }>;
  /** Per-code (and per-export-entry) problems, as in accounts.import (`line` = position). */
  errors: Array<{ line: number; code: ErrorInfo['code']; message: string }>;
  /** Exports read only in part: the batches (1-based) still missing, per export id. */
  missingBatches: Array<{ size: number; missing: number[] }>;
}

export function interpretQrTexts(texts: readonly string[]): Interpretation {
  const out: Interpretation = { found: [], items: [], errors: [], missingBatches: [] };
  const exports = new Map<number, { size: number; seen: Set<number> }>();
  texts.forEach((raw, i) => {
    const position = i + 1;
    const text = raw.trim();
    const kind = classifyQrText(text);
    try {
      if (kind === 'other') throw new TesseraError('bad-scheme', t('qr.kind.other'));
      if (kind === 'otpauth') {
        const params = parseOtpauthUri(text);
        out.found.push({ kind, accounts: [{ issuer: params.issuer, label: params.label }] });
        out.items.push({ position, params });
        return;
      }
      const { batch, accounts } = parseMigrationUri(text);
      out.found.push({ kind, accounts: accounts.map((a) => ({ issuer: a.issuer, label: a.label })), batch: { index: batch.index, size: batch.size } });
      const e = exports.get(batch.id) ?? { size: batch.size, seen: new Set<number>() };
      e.seen.add(batch.index);
      exports.set(batch.id, e);
      for (const a of accounts) {
        if (isEntryError(a)) out.errors.push({ line: position, code: a.error.code, message: t('otp.entryError', entryName(a.issuer, a.label), a.error.message) });
        else out.items.push({ position, params: a });
      }
    } catch (e) {
      const error = toErrorInfo(e);
      out.found.push({ kind, accounts: [], error });
      out.errors.push({ line: position, ...error });
    }
  });
  for (const { size, seen } of exports.values()) {
    // parseMigrationUri bounds size (MAX_BATCH_SIZE); the clamp keeps this loop bounded on its own too.
    const missing = Array.from({ length: Math.min(size, MAX_BATCH_SIZE) }, (_, k) => k + 1).filter((k) => !seen.has(k));
    if (missing.length) out.missingBatches.push({ size, missing });
  }
  return out;
}
