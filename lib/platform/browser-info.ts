// Where Chrome and Firefox differ, in one place (issue 7; evidence in docs/firefox.md, checked
// in Chromium 156 and Firefox ESR 153 with the MV3 build). One source tree is built for both, so
// the rest of lib/ asks here instead of sniffing the browser itself.
//
// The same in both (no branch needed; tests/scenarios/platform.ts checks them in each browser):
// storage.session (the unlocked key survives the Firefox event page being suspended as it
// survives the Chrome worker being stopped), scripting.executeScript with allFrames,
// tabs.captureVisibleTab (a PNG data URL; Chrome also limits calls per second), commands
// (Alt+Shift+O), contextMenus created in runtime.onInstalled, and `chrome.*` returning promises
// in extension pages; tabs.query with a URL pattern that carries a port finds nothing in Firefox,
// so callers query all tabs and filter (the tests do; lib/ never queries by URL). What differs:
import { browser } from 'wxt/browser';

/**
 * Where the background's page work runs — the clipboard read and cleared without a user gesture,
 * code imported on demand (the QR decoders, lib/platform/qr-decoder.ts): Firefox's MV3 background
 * is an event page with a DOM of its own; Chrome's service worker has neither a DOM nor import()
 * and needs the offscreen document (chrome.offscreen, which Firefox does not have).
 */
export type PageHost = 'background' | 'offscreen' | 'none';

export function pageHostFor(env: { hasDocument: boolean; hasOffscreenApi: boolean }): PageHost {
  if (env.hasDocument) return 'background';
  return env.hasOffscreenApi ? 'offscreen' : 'none';
}

export function pageHost(): PageHost {
  return pageHostFor({
    hasDocument: typeof document !== 'undefined',
    hasOffscreenApi: Boolean((browser as unknown as { offscreen?: unknown }).offscreen),
  });
}

/**
 * Is this the error a tabs or scripting call rejects with when the tab does not exist?
 * Chrome: "No tab with id: 7."; Firefox: "Invalid tab ID: 7".
 */
export function isNoSuchTabError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /No tab with id|Invalid tab ID/i.test(message);
}

// Screen lock: idle.onStateChanged reports "locked" in Chrome; Firefox never does (MDN
// browser-compat-data: idle.IdleState.locked unsupported), so there Tessera locks only after the
// idle minutes (lib/platform/autolock.ts needs no branch for it).
