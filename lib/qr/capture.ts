// Pictures that arrive as files, up to their pixels: a capture of the visible tab (tabs.captureVisibleTab
// gives a PNG data URL in device pixels), a pasted or dropped screenshot, an image the
// background fetched for a page scan. Also the crop for region select, and the retry Chrome's
// capture rate limit calls for (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND, 2 calls per second).
// Pixels come from createImageBitmap + OffscreenCanvas, which exist in Chrome's and Firefox's
// workers and pages; a caller without them (Node tests) passes its own `toImageData`. Decoding
// them is lib/qr/decode-picture.ts, kept apart so the background worker does not load the
// decoders until a scan needs them (issue 14).
import { toBase64 } from '../crypto/encoding';
import { TesseraError } from '../messages/errors';
import type { DecodeOptions } from './decode';
import { cropPixels, type QrImage, type Rect } from './image';

export interface BlobDecodeOptions extends DecodeOptions {
  /** Turns an encoded image into pixels; default: createImageBitmap + OffscreenCanvas. */
  toImageData?: (blob: Blob) => Promise<QrImage>;
}

/** Pictures bigger than this are scaled down before decoding (a 5K screen is 14.7 MP). */
export const MAX_PIXELS = 16_000_000;

/** Pixels of an encoded image (PNG, JPEG, WebP, GIF, BMP; SVG only where a DOM exists). */
export async function blobToImageData(blob: Blob, maxPixels = MAX_PIXELS): Promise<QrImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch (e) {
    // Workers cannot rasterise SVG (createImageBitmap needs a DOM image for it); pages can.
    if (blob.type === 'image/svg+xml' && typeof Image !== 'undefined') bitmap = await svgBitmap(blob);
    else throw e;
  }
  const area = bitmap.width * bitmap.height;
  if (area > maxPixels) {
    const k = Math.sqrt(maxPixels / area);
    const scaled = await createImageBitmap(bitmap, {
      resizeWidth: Math.max(1, Math.floor(bitmap.width * k)),
      resizeHeight: Math.max(1, Math.floor(bitmap.height * k)),
      resizeQuality: 'high',
    });
    bitmap.close();
    bitmap = scaled;
  }
  const { width, height } = bitmap;
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('No 2D canvas context.');
  // Transparent pixels count as white, as a page shows them on a light background.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const img = ctx.getImageData(0, 0, width, height);
  return { data: img.data, width, height };
}

async function svgBitmap(blob: Blob): Promise<ImageBitmap> {
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    // An SVG without intrinsic size rasterises at 300 × 150 (CSS 2 §10.3.2); ask for a useful size.
    const w = img.naturalWidth || 600;
    const h = img.naturalHeight || 600;
    const k = Math.max(1, 1024 / Math.max(w, h));
    return await createImageBitmap(img, { resizeWidth: Math.round(w * k), resizeHeight: Math.round(h * k) });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A `data:` URL (RFC 2397) as a Blob, without fetch (no CSP connect-src involved). */
export function dataUrlToBlob(dataUrl: string): Blob {
  const m = /^data:([^,]*?),/i.exec(dataUrl);
  if (!m) throw new TesseraError('bad-input');
  const meta = m[1] ?? '';
  const body = dataUrl.slice(m[0].length);
  const type = meta.split(';')[0] || 'text/plain';
  if (/;base64$/i.test(meta)) {
    const bin = atob(body.replace(/\s+/g, ''));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Blob([bytes], { type });
  }
  return new Blob([decodeURIComponent(body)], { type });
}

/**
 * The part of a tab capture under a rectangle given in CSS pixels of the viewport (what the
 * region-select overlay returns). A capture is in device pixels: CSS px × devicePixelRatio
 * (CSSOM View §4: window.devicePixelRatio, which includes the page zoom). When the viewport's
 * CSS size is given, the scale is measured instead (capture width / viewport width): an emulated
 * ratio (DevTools, automation) leaves captures at 1×, which the ratio alone would get wrong.
 * The crop is rounded outwards and clamped to the capture; a rectangle wholly outside is `bad-input`.
 */
export function cropRegion(img: QrImage, rect: Rect, devicePixelRatio: number, viewport?: { width: number; height: number }): QrImage {
  const dpr = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1;
  const measured = viewport && viewport.width > 0 && viewport.height > 0;
  const sx = measured ? img.width / viewport.width : dpr;
  const sy = measured ? img.height / viewport.height : dpr;
  const x0 = Math.max(0, Math.floor(rect.x * sx));
  const y0 = Math.max(0, Math.floor(rect.y * sy));
  const x1 = Math.min(img.width, Math.ceil((rect.x + rect.width) * sx));
  const y1 = Math.min(img.height, Math.ceil((rect.y + rect.height) * sy));
  if (!(x1 > x0 && y1 > y0)) throw new TesseraError('bad-input');
  return cropPixels(img, { x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
}

/** Chrome's refusal when captureVisibleTab is called more than twice a second. */
export function isCaptureRateError(e: unknown): boolean {
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return message.includes('MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND');
}

export interface RetryOptions {
  /** Tries in all, the first included. Default 4. */
  attempts?: number;
  /** Wait before the 2nd try; each further wait is one `delayMs` longer. Default 600 ms. */
  delayMs?: number;
}

/**
 * Runs `fn` (a capture) and, while it fails for the capture rate limit, waits and tries again.
 * Any other error is thrown at once; the last rate error is thrown when the tries run out.
 */
export async function withCaptureRetry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, opts.attempts ?? 4);
  const delayMs = Math.max(0, opts.delayMs ?? 600);
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= attempts || !isCaptureRateError(e)) throw e;
      // The quota is per second: a wait past half a second frees a slot; lengthen it each time.
      await new Promise((resolve) => setTimeout(resolve, delayMs * i));
    }
  }
}

/** A `data:` URL of a blob (base64), to hand a picture to another context by message. */
export async function blobToDataUrl(blob: Blob): Promise<string> {
  return `data:${blob.type || 'application/octet-stream'};base64,${toBase64(new Uint8Array(await blob.arrayBuffer()))}`;
}
