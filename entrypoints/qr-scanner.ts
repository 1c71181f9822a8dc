// Page scan, one frame: injected on demand by the background with
//   browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['/qr-scanner.js'] })
// never declared as a content script. WXT builds an unlisted script as an anonymous IIFE whose
// value is main()'s Promise; executeScript takes a file's last value and waits for a Promise, so
// each frame's `result` is a FrameScan ({ images, fetchUrls }, lib/qr/frame-scan.ts).
// Decoding happens in the background (lib/qr/page-scan.ts decodeFrameScans): see docs/qr.md.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { collectQrCandidates } from '../lib/qr/candidates';
import { toFrameScan, type FrameScan } from '../lib/qr/frame-scan';

export default defineUnlistedScript(async (): Promise<FrameScan> => {
  try {
    return toFrameScan(await collectQrCandidates(document));
  } catch {
    // One broken frame must not fail the whole tab's scan.
    return { images: [], fetchUrls: [] };
  }
});
