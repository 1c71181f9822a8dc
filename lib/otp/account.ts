// The account model shared by every concern: what an enrolled account is, independent of
// where it came from (otpauth:// URI per the Key Uri Format, a Google Authenticator export,
// a typed secret). Seeds are canonical Base32 (RFC 4648 §6, upper case, no padding).

export type OtpType = 'totp' | 'hotp';
export type AccountType = OtpType | 'tokens';
export type Algorithm = 'SHA1' | 'SHA256' | 'SHA512';

/** What an otpauth:// URI or a migration entry describes (no id, no binding yet). */
export interface OtpParams {
  type: OtpType;
  /** Canonical Base32 of the seed: upper case, no padding, no spaces. */
  secret: string;
  issuer: string;
  label: string;
  algorithm: Algorithm;
  digits: number;
  /** Seconds per step (TOTP); 30 when absent. Kept for HOTP too but unused. */
  period: number;
  /** Moving factor (HOTP); 0 when absent. */
  counter: number;
  /**
   * Unknown query parameters, in their original order and spelling, so that
   * serialising gives them back (lossless round trip), e.g. [["image", "https://…"]].
   */
  extra: Array<[string, string]>;
}

/** An account as sealed in the vault (the `data` of an `account` record). */
export interface AccountData extends Omit<OtpParams, 'type'> {
  type: AccountType;
  /** Acceptance window in steps on either side (default 1: 90 s in all for 30 s steps). */
  window: number;
  /** Registrable domains (or bare IP / localhost) this account fills into. */
  sites: string[];
  createdAt: number;
  /** Shown before the others (lib/order; issue 14). */
  pinned?: boolean;
  /** The user's own rank (lib/order); absent until the user reorders. */
  order?: number;
  /** Groups the user filters by (issue 14). */
  tags?: string[];
}

export const DEFAULT_PERIOD = 30;
export const DEFAULT_DIGITS = 6;
export const DEFAULT_WINDOW = 1;
