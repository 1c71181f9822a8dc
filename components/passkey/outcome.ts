// Words for what the authenticator answered (lib/passkey/webauthn.ts), shared by the add and
// unlock views.
import { t } from '../../lib/i18n/i18n';
import type { PasskeyFailure } from '../../lib/passkey/webauthn';

export function failureText(reason: PasskeyFailure, detail: string): string {
  switch (reason) {
    case 'no-prf': return t('passkey.no-prf');
    case 'cancelled': return t('passkey.cancelled');
    case 'excluded': return t('passkey.excluded');
    case 'unsupported': return t('passkey.unsupported', detail);
    default: return t('passkey.failed', detail);
  }
}

/** A date and time in the UI's language, short. */
export function when(ms: number): string {
  try {
    return new Date(ms).toLocaleString(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return new Date(ms).toISOString();
  }
}
