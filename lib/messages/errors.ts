// Error codes of the automation API (shared/automation-api.md, "General rules") and the
// typed error every lib/ module throws, so the background can answer `{ ok: false, error }`.
import { t } from '../i18n/i18n';

export type ErrorCode =
  | 'forbidden' | 'no-vault' | 'locked' | 'exists' | 'weak-passphrase' | 'bad-passphrase'
  | 'bad-uri' | 'bad-secret' | 'bad-algorithm' | 'bad-digits' | 'bad-period' | 'bad-scheme'
  | 'too-large' | 'not-found' | 'bad-input' | 'wrong-type' | 'unscriptable' | 'no-otp-field'
  | 'no-account-for-site' | 'ambiguous' | 'none-left' | 'unreachable' | 'unauthorized'
  | 'conflict' | 'off' | 'quota' | 'corrupt' | 'internal'
  | 'needs-password' | 'unsupported-format' | 'bad-file' | 'managed' | 'insecure-page'
  | 'not-app-code' | 'no-email-code';

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

/** Marks a TesseraError from any copy of this module (see hasInstance below). */
const BRAND = Symbol.for('tessera.error');

/** An error with an API code. `message` is already in the UI language. */
export class TesseraError extends Error {
  readonly code: ErrorCode;
  readonly [BRAND] = true;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? t(`error.${code}`));
    this.code = code;
    this.name = 'TesseraError';
  }
  /**
   * `instanceof` by brand, not by class: Chrome's worker runs the deferred parts (lib/deferred/
   * parts.ts) from a script of their own, with their own copy of this module, and an import or
   * sync error thrown there must still be answered with its code, not as `internal`.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }
  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message };
  }
}

/**
 * Turns anything thrown into an `{ code, message }` pair; unknown errors become `internal`, named
 * by their kind only: a runtime message can quote the data it failed on (JSON.parse quotes
 * decrypted text), and these answers are shown, and a sync status is stored.
 */
export function toErrorInfo(e: unknown): ErrorInfo {
  if (e instanceof TesseraError) return e.toInfo();
  return { code: 'internal', message: t('error.internal', e instanceof Error ? e.name : typeof e) };
}
