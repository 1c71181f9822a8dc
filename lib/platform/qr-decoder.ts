// Where the background decodes a QR picture (issue 14: the decoders, ZXing's wasm glue and jsQR,
// are not loaded when the worker starts, only when a scan needs them). Firefox's background is a
// page: it imports lib/qr/decode-picture.ts on demand. Chrome's is a service worker, where
// import() is refused (HTML §8.1.5.1: not on ServiceWorkerGlobalScope): it hands the picture to
// the offscreen document, which imports the decoder on demand (lib/platform/qr-offscreen.ts).
import { browser } from 'wxt/browser';
import { TesseraError, type ErrorInfo } from '../messages/errors';
import type { PictureRequest } from '../qr/decode-picture';
import { pageHost } from './browser-info';
import { ensureOffscreenDocument } from './offscreen';

export interface OffscreenDecodeAnswer {
  texts?: string[];
  error?: ErrorInfo;
}

/** Every distinct QR text in the picture `req` names, decoded where this browser can. */
export async function decodePictureInBackground(req: PictureRequest): Promise<string[]> {
  const host = pageHost();
  // The build-time half keeps the import() (and with it the decoders) out of Chrome's one-file
  // classic worker, which would otherwise inline it (lib/deferred/load.ts).
  if (host === 'background' && import.meta.env.FIREFOX) return (await import('../qr/decode-picture')).decodePicture(req);
  if (host === 'none') throw new TesseraError('unscriptable');
  await ensureOffscreenDocument();
  const answer = (await browser.runtime.sendMessage({ target: 'offscreen', type: 'qr.decode', request: req })) as OffscreenDecodeAnswer | undefined;
  if (answer?.error) throw new TesseraError(answer.error.code, answer.error.message);
  if (!Array.isArray(answer?.texts)) throw new TesseraError('internal');
  return answer.texts.filter((t): t is string => typeof t === 'string');
}
