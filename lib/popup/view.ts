// The popup's session view (issue 14): what the popup's first screen needs that only the opened
// vault knows — the accounts in accounts.list's order with their names, sites, token counts and
// settings — written by the background to storage.session each time it answers popup.init, so a
// popup opened later (the background stopped, as after 30 s idle) draws its first screen without
// waiting for the background to start (lib/popup/first-screen.ts).
// It sits beside the unlocked vault key (DESIGN.md, "Rules of the house": storage.session is
// memory only and open to extension contexts only), holds no seed, and goes when the key goes
// (lib/platform/popup-view-store.ts). It is a hint, never an authority: it names the records it
// was built from (their fingerprint, lib/record/fingerprint.ts) and the stored settings it was
// built with, and a popup uses it only when both still match what it reads itself.
import type { AccountSummary } from '../api/accounts';

export const POPUP_VIEW_KEY = 'popupView';
export const VIEW_VERSION = 1;

/** What popup.init answers (lib/api/popup-init.ts); the first screen from the view has the same shape. */
export interface PopupInit {
  accounts: AccountSummary[];
  codes: Array<{ id: string; code: string; period: number | null; expiresAt: number | null; acceptedUntil: number | null }>;
  site: string | null;
  bound: string[];
  settings: { lowTokenThreshold: number; hideCodes: boolean };
}

export interface PopupView {
  v: typeof VIEW_VERSION;
  /** The key ring the rows were sealed under: a row opened under another fails authentication. */
  vaultId: string;
  kid: string;
  /** The records store the accounts were read from (lib/record/fingerprint.ts). */
  fingerprint: string;
  /** The stored settings (storage.local) the view was built with, as JSON (settingsStamp). */
  settingsStamp: string;
  /** In accounts.list's order (lib/order/order.ts sortAccounts). */
  accounts: AccountSummary[];
  settings: PopupInit['settings'];
  /** The clock correction the codes used (lib/api/clock.ts codeNow), in ms. */
  shiftMs: number;
}

/** The stamp of the stored settings: their JSON (storage keeps an object's key order). */
export function settingsStamp(stored: unknown): string {
  return JSON.stringify(stored ?? null);
}

/** Shape check of a view read back from storage.session. */
export function isPopupView(x: unknown): x is PopupView {
  if (typeof x !== 'object' || x === null) return false;
  const v = x as Partial<PopupView>;
  return v.v === VIEW_VERSION && typeof v.vaultId === 'string' && typeof v.kid === 'string' && typeof v.fingerprint === 'string'
    && typeof v.settingsStamp === 'string' && Array.isArray(v.accounts) && typeof v.shiftMs === 'number' && Number.isFinite(v.shiftMs)
    && typeof v.settings === 'object' && v.settings !== null && typeof v.settings.hideCodes === 'boolean' && typeof v.settings.lowTokenThreshold === 'number'
    && v.accounts.every((a) => typeof a === 'object' && a !== null && typeof a.id === 'string' && typeof a.issuer === 'string' && typeof a.label === 'string' && Array.isArray(a.sites));
}
