// The browser side of QR scanning (lib/api/qr.ts QrPort): the on-demand scanner in every frame,
// the capture of the visible tab (the tab is activated first; a capture refused for rate is
// retried), and the region-select overlay. Decoding runs on the background's side (zxing-wasm;
// docs/qr.md says why not in the page), loaded only when a scan needs it (lib/platform/qr-decoder.ts).
import { browser } from 'wxt/browser';
import type { QrPort } from '../api/qr';
import { TesseraError } from '../messages/errors';
import { blobToDataUrl, withCaptureRetry } from '../qr/capture';
import { captureSource, decodeFrameScans } from '../qr/page-scan';
import type { RegionSelection } from '../qr/region';
import { isNoSuchTabError } from './browser-info';
import { decodePictureInBackground } from './qr-decoder';

async function inject<T>(tabId: number, file: '/qr-scanner.js' | '/region-select.js', allFrames: boolean): Promise<T[]> {
  try {
    const results = await browser.scripting.executeScript({ target: { tabId, allFrames }, files: [file] });
    return results.map((r) => r.result as T);
  } catch (e) {
    if (isNoSuchTabError(e)) throw new TesseraError('not-found');
    throw new TesseraError('unscriptable');
  }
}

async function capture(tabId: number): Promise<string> {
  const tab = await browser.tabs.update(tabId, { active: true });
  if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
  try {
    return await withCaptureRetry(() => browser.tabs.captureVisibleTab(tab!.windowId!, { format: 'png' }));
  } catch {
    throw new TesseraError('unscriptable');
  }
}

export const browserQr: QrPort = {
  async scanPage(tabId) {
    const results = await inject<unknown>(tabId, '/qr-scanner.js', true);
    const found = await decodeFrameScans(results, { decode: async (picture) => decodePictureInBackground({ dataUrl: await blobToDataUrl(picture) }) });
    if (found.length) return found;
    // A capture shows everything in the tab: its codes come from the tab's site only when the
    // scan saw nothing of another site there (captureSource), else from nobody knows where.
    const from = captureSource(results);
    return (await decodePictureInBackground({ dataUrl: await capture(tabId), capture: true })).map((text) => ({ text, sources: from ? [from] : [] }));
  },
  async scanRegion(tabId) {
    const [selection] = await inject<RegionSelection | null>(tabId, '/region-select.js', false);
    if (!selection) return null;
    const { rect, devicePixelRatio, viewport } = selection;
    return decodePictureInBackground({ dataUrl: await capture(tabId), crop: { rect, devicePixelRatio, viewport } });
  },
};
