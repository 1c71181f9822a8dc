// Where Chrome and Firefox differ, in one place (issue 7; evidence in docs/firefox.md, checked
// in Chromium 156 and Firefox ESR 153 with the MV3 build). One source tree is built for both, so
// the rest of lib/ asks here instead of sniffing the browser itself.
//
// The same in both (no branch needed; tests/scenarios/platform.ts checks them in each browser):
// storage.session (the unlocked key survives the Firefox event page being suspended as it
// survives the Chrome worker being stopped), scripting.executeScript with allFrames,
// tabs.captureVisibleTab (a PNG data URL; Chrome also limits calls per second), commands
// (Alt+Shift+O), contextMenus created in runtime.onInstalled, and `chrome.*` returning promises
// in extension pages. What differs is below.
import { browser, type Browser } from 'wxt/browser';

export type Engine = 'chromium' | 'gecko';

/** The engine an extension URL belongs to: moz-extension:// is Firefox's (Gecko), the rest Chromium's. */
export function engineOf(extensionUrl: string): Engine {
  return extensionUrl.startsWith('moz-extension:') ? 'gecko' : 'chromium';
}

export function isFirefox(): boolean {
  return engineOf(browser.runtime.getURL('/')) === 'gecko';
}

/**
 * Where the clipboard can be read and cleared without a user gesture: Firefox's MV3 background
 * is an event page with a DOM of its own; Chrome's service worker has no DOM and needs an
 * offscreen document (reason CLIPBOARD, chrome.offscreen, which Firefox does not have).
 */
export type ClipboardHost = 'background' | 'offscreen' | 'none';

export function clipboardHostFor(env: { hasDocument: boolean; hasOffscreenApi: boolean }): ClipboardHost {
  if (env.hasDocument) return 'background';
  return env.hasOffscreenApi ? 'offscreen' : 'none';
}

export function clipboardHost(): ClipboardHost {
  return clipboardHostFor({
    hasDocument: typeof document !== 'undefined',
    hasOffscreenApi: Boolean((browser as unknown as { offscreen?: unknown }).offscreen),
  });
}

/**
 * Does `tabUrl` show `url` (same origin, path and query; the fragment ignored)? Used instead of
 * a tabs.query match pattern: Firefox finds nothing when the pattern carries a port
 * ("http://127.0.0.1:4173/*"), and a pattern without one matches every port in both browsers.
 */
export function sameDocument(tabUrl: string, url: string): boolean {
  try {
    const a = new URL(tabUrl);
    const b = new URL(url);
    return a.origin === b.origin && a.pathname === b.pathname && a.search === b.search;
  } catch {
    return false;
  }
}

/** Every tab (all windows) whose URL passes `keep`: query all, then filter (see sameDocument). */
export async function tabsQueryAll(keep: (url: string) => boolean): Promise<Browser.tabs.Tab[]> {
  return (await browser.tabs.query({})).filter((tab) => keep(tab.url ?? ''));
}

/**
 * Is this the error a tabs or scripting call rejects with when the tab does not exist?
 * Chrome: "No tab with id: 7."; Firefox: "Invalid tab ID: 7".
 */
export function isNoSuchTabError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /No tab with id|Invalid tab ID/i.test(message);
}

/**
 * Does idle.onStateChanged ever report "locked" (the screen locked)? Chrome does; Firefox
 * never does (MDN browser-compat-data: idle.IdleState.locked unsupported), so there Tessera
 * locks only after the idle minutes.
 */
export function reportsScreenLock(engine: Engine): boolean {
  return engine === 'chromium';
}
