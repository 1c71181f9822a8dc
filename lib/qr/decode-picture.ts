// Decoding a picture (ZXing with jsQR behind it, lib/qr/decode.ts): an encoded image, a tab
// capture, or a capture cropped to a selected region. The background loads this only when a scan
// needs it (issue 14: the worker's start must not load the decoders): Firefox's background page
// imports it on demand, and Chrome's worker, which cannot import(), asks the offscreen document
// (lib/platform/qr-decoder.ts, lib/platform/qr-offscreen.ts): as a classic script for its
// importScripts() (lib/deferred/load.ts) ZXing's wasm would be inlined as 1.26 MB of base64, and
// the document has the canvas the picture work uses. Pages import it directly.
import { blobToImageData, cropRegion, dataUrlToBlob, type BlobDecodeOptions } from './capture';
import { decodeImageData } from './decode';
import type { Rect } from './image';

/** The pixels of an encoded image, the caller's way (`toImageData`) or the browser's. */
function pixelsOf(blob: Blob, opts: BlobDecodeOptions) {
  return opts.toImageData ? opts.toImageData(blob) : blobToImageData(blob);
}

/** Every distinct QR text in an encoded image. */
export async function decodeBlob(blob: Blob, opts: BlobDecodeOptions = {}): Promise<string[]> {
  return decodeImageData(await pixelsOf(blob, opts), opts);
}

/**
 * Every distinct QR text in a `data:` URL image, e.g. the result of tabs.captureVisibleTab.
 * The whole frame is read at full size (ZXing also tries downscaled copies), then, if nothing
 * was found, in overlapping upscaled tiles (decodeImageData's `tiles`, on by default here).
 */
export async function decodeDataUrl(dataUrl: string, opts: BlobDecodeOptions = {}): Promise<string[]> {
  return decodeBlob(dataUrlToBlob(dataUrl), { tiles: true, ...opts });
}

/** A picture to decode, as one context hands it to another (plain data: it travels by message). */
export interface PictureRequest {
  dataUrl: string;
  /** A tab capture: also tried in overlapping upscaled tiles when the whole frame gives nothing. */
  capture?: boolean;
  /** Only this region of a capture (lib/qr/region.ts selection: CSS px of the viewport). */
  crop?: { rect: Rect; devicePixelRatio: number; viewport?: { width: number; height: number } };
}

/** Every distinct QR text in the picture a request names. */
export async function decodePicture(req: PictureRequest, opts: BlobDecodeOptions = {}): Promise<string[]> {
  if (req.crop) {
    const frame = await pixelsOf(dataUrlToBlob(req.dataUrl), opts);
    return decodeImageData(cropRegion(frame, req.crop.rect, req.crop.devicePixelRatio, req.crop.viewport), opts);
  }
  return req.capture ? decodeDataUrl(req.dataUrl, opts) : decodeBlob(dataUrlToBlob(req.dataUrl), opts);
}
