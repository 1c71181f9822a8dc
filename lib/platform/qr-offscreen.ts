// The offscreen document's QR door (Chrome; entrypoints/offscreen wires it): decodes a picture
// the background worker hands over (lib/platform/qr-decoder.ts), importing the decoder on the
// first request. Like the clipboard door, it answers only the background worker
// (clipboard-offscreen.ts isBackgroundSender): no content script may make it decode for them.
import { toErrorInfo } from '../messages/errors';
import type { PictureRequest } from '../qr/decode-picture';
import { isBackgroundSender, type SenderInfo } from './clipboard-offscreen';
import type { OffscreenDecodeAnswer } from './qr-decoder';

interface QrMessage {
  target?: string;
  type?: string;
  request?: PictureRequest;
}

function isPictureRequest(x: unknown): x is PictureRequest {
  return typeof x === 'object' && x !== null && typeof (x as PictureRequest).dataUrl === 'string';
}

/** The runtime.onMessage listener for `qr.decode` from the background (false for anything else). */
export function qrOffscreenListener(extensionId: string, backgroundUrl: string, load = () => import('../qr/decode-picture')) {
  return (msg: QrMessage | undefined, sender: SenderInfo, sendResponse: (answer: OffscreenDecodeAnswer) => void): boolean => {
    if (msg?.target !== 'offscreen' || msg.type !== 'qr.decode' || !isBackgroundSender(sender, extensionId, backgroundUrl)) return false;
    if (!isPictureRequest(msg.request)) return false;
    const req = msg.request;
    void load().then((m) => m.decodePicture(req)).then(
      (texts) => sendResponse({ texts }),
      (e: unknown) => sendResponse({ error: toErrorInfo(e) }),
    );
    return true;
  };
}
