// Chrome's offscreen document (entrypoints/offscreen): the page the background worker, which has no
// DOM and cannot import() (only importScripts() what it imported while installing,
// lib/deferred/load.ts), hands DOM work to — clearing the clipboard
// (lib/platform/clipboard.ts) and decoding QR pictures (lib/platform/qr-decoder.ts). One document
// serves both (Chrome allows one per extension); it answers only the worker (clipboard-offscreen.ts).
import { browser, type Browser } from 'wxt/browser';

const OFFSCREEN = '/offscreen.html';

/** Creates the offscreen document unless it is open (or being opened by another caller). */
export async function ensureOffscreenDocument(): Promise<void> {
  const offscreen = (browser as unknown as { offscreen: typeof Browser.offscreen }).offscreen;
  const url = browser.runtime.getURL(OFFSCREEN);
  const open = async () => Boolean((await browser.runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT' as never], documentUrls: [url] }))?.length);
  if (await open()) return;
  try {
    await offscreen.createDocument({
      url: OFFSCREEN,
      reasons: ['CLIPBOARD', 'BLOBS'] as Browser.offscreen.Reason[],
      justification: 'Clear a copied one-time code from the clipboard; decode QR code pictures the user scans.',
    });
  } catch (e) {
    // Two callers at once: the other one's document is the one (Chrome allows a single one).
    if (!(await open())) throw e;
  }
}
