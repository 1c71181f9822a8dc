// The popup's session view in storage.session (lib/popup/view.ts): written by the background
// after it answers popup.init, read by the popup before the background has answered, and removed
// whenever the vault key is (droppingViewOnLock), so no account name outlives the unlock.
// Not sealed: it sits beside the key that would open it, in memory only, readable by extension
// contexts only (background.ts sets TRUSTED_CONTEXTS); it holds names and sites, never a seed.
import { browser } from 'wxt/browser';
import type { PopupViewPort } from '../api/popup-init';
import { POPUP_VIEW_KEY, settingsStamp, viewText } from '../popup/view';
import type { KeyStore } from '../vault/types';
import { SETTINGS_KEY } from '../settings/storage-key';

/**
 * The largest view kept (characters of its JSON; about 6,000 accounts). storage.session holds
 * 10 MB in all (Chrome's QUOTA_BYTES), and the unlocked key, pending scan reviews and the clock's
 * samples must always fit beside it: a larger vault's popup waits for popup.init instead.
 */
export const MAX_VIEW_CHARS = 2_000_000;

export function sessionPopupViews(): PopupViewPort {
  return {
    async settingsStamp() {
      return settingsStamp((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
    },
    async save(view) {
      const text = viewText(view);
      if (text.length > MAX_VIEW_CHARS) return browser.storage.session.remove(POPUP_VIEW_KEY);
      await browser.storage.session.set({ [POPUP_VIEW_KEY]: text });
    },
  };
}

/** A key store whose clear() (every lock) also removes the popup's view. */
export function droppingViewOnLock(keys: KeyStore): KeyStore {
  return { ...keys, clear: async () => {
    await keys.clear();
    await browser.storage.session.remove(POPUP_VIEW_KEY);
  } };
}
