// The popup's session view (issue 14): what the popup's first screen needs that only the opened
// vault knows — the accounts in accounts.list's order with their names, sites, token counts and
// settings — written by the background to storage.session each time it answers popup.init, so a
// popup opened later (the background stopped, as after 30 s idle) draws its first screen without
// waiting for the background to start (lib/popup/plan.ts, lib/popup/first-screen.ts).
// It sits beside the unlocked vault key (DESIGN.md, "Rules of the house": storage.session is
// memory only and open to extension contexts only), holds no seed, and goes when the key goes
// (lib/platform/popup-view-store.ts). It is a hint, never an authority: it names the vault
// generation it was built from (a random id every write transaction replaces, lib/vault/vault.ts)
// and the stored settings it was built with, and a popup uses it only when both still match
// what it reads itself; each code comes from a sealed row the popup opens, never from the view.
// Kept as JSON text: storage.session passes one string many times faster than the same object.
import type { AccountSummary } from '../api/accounts';

export const POPUP_VIEW_KEY = 'popupView';
export const VIEW_VERSION = 2;

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
  /** The vault's generation the accounts were read at (lib/vault/vault.ts snapshot). */
  generation: string;
  /** The stored settings (storage.local) the view was built with, as JSON (settingsStamp). */
  settingsStamp: string;
  /** In accounts.list's order (lib/order/order.ts sortAccounts). */
  accounts: AccountSummary[];
  /** Each account's record stamp, in the order of `accounts`: a row read with another stamp is another version. */
  stamps: string[];
  settings: PopupInit['settings'];
  /** The clock correction the codes used (lib/api/clock.ts codeNow), in ms. */
  shiftMs: number;
}

/** The stamp of the stored settings: their JSON (storage keeps an object's key order). */
export function settingsStamp(stored: unknown): string {
  return JSON.stringify(stored ?? null);
}

/** The view as kept in storage.session. */
export function viewText(view: PopupView): string {
  return JSON.stringify(view);
}

/** A view read back from storage.session, or null when it is absent or of another shape. */
export function parseView(text: unknown): PopupView | null {
  if (typeof text !== 'string') return null;
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof x !== 'object' || x === null) return null;
  const v = x as Partial<PopupView>;
  const ok = v.v === VIEW_VERSION && typeof v.vaultId === 'string' && typeof v.kid === 'string' && typeof v.generation === 'string'
    && typeof v.settingsStamp === 'string' && Array.isArray(v.accounts) && Array.isArray(v.stamps) && v.stamps.length === v.accounts.length
    && typeof v.shiftMs === 'number' && Number.isFinite(v.shiftMs)
    && typeof v.settings === 'object' && v.settings !== null && typeof v.settings.hideCodes === 'boolean' && typeof v.settings.lowTokenThreshold === 'number'
    && v.stamps.every((s) => typeof s === 'string')
    && v.accounts.every((a) => typeof a === 'object' && a !== null && typeof a.id === 'string' && typeof a.issuer === 'string' && typeof a.label === 'string' && Array.isArray(a.sites));
  return ok ? (v as PopupView) : null;
}
