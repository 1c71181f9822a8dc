// What a decoded QR text is, by its URI scheme alone (RFC 3986 §3.1: schemes are
// case-insensitive): an otpauth:// account (the Key Uri Format), a Google Authenticator export
// (otpauth-migration://), or anything else. Parsing and validating is lib/otp's job.

export type QrKind = 'otpauth' | 'migration' | 'other';

export function classifyQrText(text: string): QrKind {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text.trim())?.[1]?.toLowerCase();
  if (scheme === 'otpauth') return 'otpauth';
  if (scheme === 'otpauth-migration') return 'migration';
  return 'other';
}
