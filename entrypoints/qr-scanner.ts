// Page scan, one frame: injected on demand by the background with
//   browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['/qr-scanner.js'] })
// never declared as a content script. WXT builds an unlisted script as an anonymous IIFE whose
// value is main()'s Promise; executeScript takes a file's last value and waits for a Promise, so
// each frame's `result` is a FrameScan (lib/qr/frame-scan.ts): images with where they came from,
// URLs to fetch, the frame's URL. Decoding happens in the background (lib/qr/page-scan.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { collectQrCandidates } from '../lib/qr/candidates';
import { toFrameScan, type FrameScan } from '../lib/qr/frame-scan';

export default defineUnlistedScript(async (): Promise<FrameScan> => {
  const top = window.top === window;
  try {
    return toFrameScan(await collectQrCandidates(document), location.href, top);
  } catch {
    // One broken frame must not fail the whole tab's scan.
    return { url: location.href, top, images: [], fetchUrls: [], tainted: false };
  }
});
