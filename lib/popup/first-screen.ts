// The popup's first screen without the background (issue 14): from the session view
// (lib/popup/view.ts), the unlocked key and the sealed rows the popup reads itself, the accounts in
// display order and the codes of the rows a first screen shows. Nothing here trusts the view
// further than it can check: the view is used only when the rows' fingerprint and the stored
// settings are the ones it was built from, and each code comes from a row opened under the key
// (XChaCha20-Poly1305, docs/vault-format.md "Records"), never from the view. Any mismatch or
// failure answers null, and the popup waits for popup.init instead; popup.init's answer replaces
// this one in any case.
import type { AccountData } from '../otp/account';
import { localCodes } from '../otp/shown-codes';
import { displayOrder } from '../order/order';
import { KEY_BYTES } from '../crypto/aead';
import { fromBase64 } from '../crypto/encoding';
import { isSealedRecord, openVersion } from '../record/envelope';
import { recordsFingerprint } from '../record/fingerprint';
import { hostInSite, hostOfUrl } from '../sites/host-in-site';
import { isPopupView, settingsStamp, type PopupInit } from './view';

/** What the popup reads on its own before the background answers. */
export interface FirstScreenInputs {
  /** storage.session's vault key (base64), absent while locked. */
  key: unknown;
  /** storage.session's view. */
  view: unknown;
  /** storage.local's stored settings. */
  settings: unknown;
  /** Every row of the records store, in key order; null when it could not be read. */
  rows: unknown[] | null;
  /** The URL of the tab the popup opened over, if any. */
  tabUrl: string | null;
}

function keyOf(x: unknown): Uint8Array | null {
  if (typeof x !== 'string') return null;
  try {
    const key = fromBase64(x);
    return key.length === KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

/** The first screen (`first` rows) at device time `now`, or null when the view cannot be trusted as is. */
export function firstScreen(inputs: FirstScreenInputs, first: number, now: number): PopupInit | null {
  const { view, rows } = inputs;
  const key = keyOf(inputs.key);
  if (!key || !rows || !isPopupView(view)) return null;
  if (settingsStamp(inputs.settings) !== view.settingsStamp || recordsFingerprint(rows) !== view.fingerprint) return null;
  const host = inputs.tabUrl ? hostOfUrl(inputs.tabUrl) : null;
  let site: string | null = null;
  const bound: string[] = [];
  if (host) {
    for (const a of view.accounts) {
      const s = a.sites.find((x) => hostInSite(host, x));
      if (s === undefined) continue;
      bound.push(a.id);
      site ??= s;
    }
  }
  const byId = new Map<string, unknown>();
  for (const row of rows) byId.set(String((row as { id?: unknown } | null)?.id), row);
  const ring = { vaultId: view.vaultId, kid: view.kid, key };
  const opened: Array<{ id: string; data: AccountData }> = [];
  for (const a of displayOrder(view.accounts, new Set(bound)).slice(0, Math.max(0, first))) {
    if (a.type === 'tokens') continue;
    const row = byId.get(a.id);
    if (!isSealedRecord(row) || row.deleted || row.kind !== 'account') return null;
    try {
      opened.push({ id: a.id, data: openVersion<AccountData>(ring, row)! });
    } catch {
      return null; // does not open under this key: the background reports it
    }
  }
  return {
    accounts: view.accounts,
    codes: localCodes(opened, now - view.shiftMs, view.shiftMs),
    site,
    bound,
    settings: { ...view.settings },
  };
}
