// lib/qr/capture.ts: the region crop (CSS px × devicePixelRatio onto a capture), the retry
// for Chrome's capture rate limit, and decoding an encoded capture given as a data: URL.
import { beforeAll, describe, expect, it } from 'vitest';
import { blobToDataUrl, cropRegion, dataUrlToBlob, isCaptureRateError, withCaptureRetry } from '../../../lib/qr/capture';
import { decodeDataUrl, decodePicture } from '../../../lib/qr/decode-picture';
import { TesseraError } from '../../../lib/messages/errors';
import * as S from '../../fixtures/qr/synth';
import { loadZxingFromNodeModules, pngBlobToImageData, pngDataUrl } from './helpers';

/** A capture-sized image whose pixel (x, y) has red = x % 256 and green = y % 256. */
function gradient(width: number, height: number): S.Rgba {
  const img = S.blank(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      img.data[(y * width + x) * 4] = x % 256;
      img.data[(y * width + x) * 4 + 1] = y % 256;
    }
  }
  return img;
}
const at = (img: S.Rgba, x: number, y: number) => [img.data[(y * img.width + x) * 4], img.data[(y * img.width + x) * 4 + 1]];

describe('cropRegion', () => {
  const capture = gradient(200, 120);

  it('takes CSS pixels as they are at devicePixelRatio 1', () => {
    const out = cropRegion(capture, { x: 10, y: 20, width: 30, height: 40 }, 1);
    expect([out.width, out.height]).toEqual([30, 40]);
    expect(at(out, 0, 0)).toEqual([10, 20]);
    expect(at(out, 29, 39)).toEqual([39, 59]);
  });

  it('scales by devicePixelRatio 2', () => {
    const out = cropRegion(capture, { x: 10, y: 20, width: 30, height: 15 }, 2);
    expect([out.width, out.height]).toEqual([60, 30]);
    expect(at(out, 0, 0)).toEqual([20, 40]);
    expect(at(out, 59, 29)).toEqual([79, 69]);
  });

  it('rounds fractional edges outwards (DPR 1.5)', () => {
    const out = cropRegion(capture, { x: 10.2, y: 3, width: 5, height: 5 }, 1.5);
    // x: 15.3 → 15 … 22.8 → 23; y: 4.5 → 4 … 12 → 12
    expect([out.width, out.height]).toEqual([8, 8]);
    expect(at(out, 0, 0)).toEqual([15, 4]);
  });

  it('clamps to the capture and refuses a rectangle outside it', () => {
    const out = cropRegion(capture, { x: 180, y: 100, width: 50, height: 50 }, 1);
    expect([out.width, out.height]).toEqual([20, 20]);
    expect(() => cropRegion(capture, { x: 300, y: 0, width: 10, height: 10 }, 1)).toThrow(TesseraError);
    expect(() => cropRegion(capture, { x: 0, y: 0, width: 0, height: 10 }, 1)).toThrow(TesseraError);
  });

  it('measures the scale from the viewport when given (an emulated ratio leaves captures at 1×)', () => {
    const out = cropRegion(capture, { x: 10, y: 20, width: 30, height: 40 }, 2, { width: 200, height: 120 });
    expect([out.width, out.height]).toEqual([30, 40]);
    expect(at(out, 0, 0)).toEqual([10, 20]);
    const hidpi = cropRegion(capture, { x: 10, y: 10, width: 20, height: 20 }, 1, { width: 100, height: 60 });
    expect([hidpi.width, hidpi.height]).toEqual([40, 40]);
    expect(at(hidpi, 0, 0)).toEqual([20, 20]);
  });

  it('treats a missing or nonsensical ratio as 1', () => {
    expect(cropRegion(capture, { x: 0, y: 0, width: 10, height: 10 }, Number.NaN).width).toBe(10);
    expect(cropRegion(capture, { x: 0, y: 0, width: 10, height: 10 }, 0).width).toBe(10);
  });
});

describe('withCaptureRetry', () => {
  const rateError = new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');

  it('recognises Chrome’s rate-limit message only', () => {
    expect(isCaptureRateError(rateError)).toBe(true);
    expect(isCaptureRateError(new Error('Cannot access contents of url'))).toBe(false);
    expect(isCaptureRateError(undefined)).toBe(false);
  });

  it('retries while the capture is refused for rate, then returns', async () => {
    let calls = 0;
    const result = await withCaptureRetry(async () => {
      if (++calls < 3) throw rateError;
      return 'data:image/png;base64,AAAA';
    }, { attempts: 4, delayMs: 1 });
    expect(result).toBe('data:image/png;base64,AAAA');
    expect(calls).toBe(3);
  });

  it('gives up after the last attempt with the rate error', async () => {
    let calls = 0;
    await expect(withCaptureRetry(async () => {
      calls++;
      throw rateError;
    }, { attempts: 3, delayMs: 1 })).rejects.toBe(rateError);
    expect(calls).toBe(3);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    const other = new Error('No active tab');
    await expect(withCaptureRetry(async () => {
      calls++;
      throw other;
    }, { attempts: 5, delayMs: 1 })).rejects.toBe(other);
    expect(calls).toBe(1);
  });

  it('waits between tries', async () => {
    const times: number[] = [];
    await withCaptureRetry(async () => {
      times.push(Date.now());
      if (times.length < 2) throw rateError;
      return 1;
    }, { delayMs: 40 });
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(35);
  });
});

describe('dataUrlToBlob', () => {
  it('reads base64 and percent-encoded data URLs', async () => {
    const b = dataUrlToBlob('data:image/png;base64,AAEC/w==');
    expect(b.type).toBe('image/png');
    expect([...new Uint8Array(await b.arrayBuffer())]).toEqual([0, 1, 2, 255]);
    const t = dataUrlToBlob('data:text/plain,a%20b');
    expect(await t.text()).toBe('a b');
  });

  it('refuses what is not a data URL', () => {
    expect(() => dataUrlToBlob('https://example.com/qr.png')).toThrow(TesseraError);
  });
});

describe('decodeDataUrl', () => {
  beforeAll(loadZxingFromNodeModules);

  it('reads a code from a PNG capture of a page', async () => {
    const capture = S.frame(1280, 720, [{ text: S.TOTP_URI, x: 900, y: 300, modulePx: 3 }], 8);
    const url = pngDataUrl(S.encodePng(capture));
    expect(await decodeDataUrl(url, { toImageData: pngBlobToImageData })).toEqual([S.TOTP_URI]);
  });

  it('reads the cropped region of a HiDPI capture', async () => {
    // The page shows the code at CSS (400, 200), 2 px per module; the capture is at DPR 2.
    const side = S.codeSidePx(S.TOTP_URI, 2);
    const capture = S.frame(1600, 1000, [{ text: S.TOTP_URI, x: 800, y: 400, modulePx: 4 }], 9);
    const region = cropRegion(capture, { x: 390, y: 190, width: side + 20, height: side + 20 }, 2);
    const { decodeImageData } = await import('../../../lib/qr/decode');
    expect(await decodeImageData(region)).toEqual([S.TOTP_URI]);
  });

  it('answers [] for a capture without a code', async () => {
    const url = pngDataUrl(S.encodePng(S.pageBackground(800, 500, 10)));
    expect(await decodeDataUrl(url, { toImageData: pngBlobToImageData })).toEqual([]);
  });
});

describe('decodePicture (what the background hands the offscreen document, issue 14)', () => {
  beforeAll(loadZxingFromNodeModules);
  const opts = { toImageData: pngBlobToImageData };

  it('decodes a capture, a crop of it, and a plain picture; a crop outside the capture is bad-input', async () => {
    const capture = S.frame(1280, 720, [{ text: S.TOTP_URI, x: 900, y: 300, modulePx: 3 }], 8);
    const dataUrl = pngDataUrl(S.encodePng(capture));
    expect(await decodePicture({ dataUrl, capture: true }, opts)).toEqual([S.TOTP_URI]);
    const side = S.codeSidePx(S.TOTP_URI, 3);
    expect(await decodePicture({ dataUrl, crop: { rect: { x: 890, y: 290, width: side + 20, height: side + 20 }, devicePixelRatio: 1 } }, opts)).toEqual([S.TOTP_URI]);
    expect(await decodePicture({ dataUrl, crop: { rect: { x: 10, y: 10, width: 200, height: 200 }, devicePixelRatio: 1 } }, opts)).toEqual([]);
    await expect(decodePicture({ dataUrl, crop: { rect: { x: 5000, y: 5000, width: 10, height: 10 }, devicePixelRatio: 1 } }, opts)).rejects.toMatchObject({ code: 'bad-input' });
    expect(await decodePicture({ dataUrl: pngDataUrl(S.encodePng(S.codeImage(S.TOTP_URI, 4))) }, opts)).toEqual([S.TOTP_URI]);
  });

  it('blobToDataUrl gives back the same bytes and type through dataUrlToBlob', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    const url = await blobToDataUrl(new Blob([bytes], { type: 'image/png' }));
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    const back = dataUrlToBlob(url);
    expect(back.type).toBe('image/png');
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(bytes);
  });
});
