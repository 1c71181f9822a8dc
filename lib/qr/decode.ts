// Finds every QR code (ISO/IEC 18004) in a pixel buffer. zxing-wasm reads first (it tries
// inverted, rotated and downscaled copies itself and returns several codes per image); jsQR
// takes over where WebAssembly cannot load. The choice rests on bench/qr-decode.mjs (docs/qr.md):
// zxing-wasm read every image class 5–20× faster, including codes jsQR missed (dense codes at
// 1.5 px per module, two codes in one frame).
// When the whole image gives nothing, more passes follow: with jsQR, its halves (it cannot read
// two codes side by side at once); then, for codes drawn too small to sample, a 2× bilinear
// upscale of a small image, or (asked for captures) overlapping upscaled tiles of a frame.
// Runs wherever there is no DOM (the background service worker, an offscreen document) and in
// Node; between tiles it yields to the event loop so a page decoding an image stays responsive.
import { cropPixels, halves, isQrImage, tiles, upscale2x, type QrImage } from './image';
import { readWithJsQr } from './jsqr-reader';
import { readWithZxing, zxingReady } from './zxing-reader';

export type QrEngine = 'zxing' | 'jsqr';

export interface DecodeOptions {
  /** Engines in order of preference; the first that loads reads. Default: zxing, then jsQR. */
  engines?: QrEngine[];
  /** When a small image (≤ 640 × 640) gives nothing, read it again upscaled 2×. Default true (a few ms). */
  upscale?: boolean;
  /**
   * When a frame up to 2.4 MP gives nothing, read it in overlapping 512-px tiles, each upscaled
   * 2× (about 0.3 s for 1920 × 1080). Default false; captures of the tab turn it on.
   */
  tiles?: boolean;
}

type Reader = (img: QrImage) => Promise<string[]>;

/**
 * An image up to this many pixels (640 × 640) is "small": a crop or a code's own picture, worth
 * upscaling whole. Above it the upscale costs more than it finds (~170 ms for 1280 × 720).
 */
const SMALL_AREA = 640 * 640;
/** Frames up to this many pixels (a 1920 × 1200 screen) are tiled; a HiDPI capture is not: its codes are big enough. */
const TILED_AREA = 2_400_000;
const TILE = 512;

const jsqr: Reader = async (img) => readWithJsQr(img);

async function pickReader(engines: readonly QrEngine[]): Promise<Reader> {
  for (const name of engines) {
    if (name === 'jsqr') return jsqr;
    try {
      await zxingReady();
      // A read that throws after a good load (e.g. out of wasm memory) falls back to jsQR for that image.
      return async (img) => readWithZxing(img).catch(() => readWithJsQr(img));
    } catch {
      // WebAssembly refused or the wasm file missing: try the next engine.
    }
  }
  throw new Error('No QR decoder could be loaded.');
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function distinct(texts: Iterable<string>): string[] {
  return [...new Set([...texts].filter((t) => t.length > 0))];
}

/** Every distinct text of the QR codes found in `img`, in the order found; [] when none. */
export async function decodeImageData(img: QrImage, opts: DecodeOptions = {}): Promise<string[]> {
  if (!isQrImage(img)) throw new TypeError('decodeImageData expects { data: Uint8ClampedArray, width, height } in RGBA.');
  const engines = opts.engines ?? ['zxing', 'jsqr'];
  const read = await pickReader(engines);

  const whole = distinct(await read(img));
  if (whole.length > 0) return whole;

  const usesZxing = read !== jsqr;
  if (!usesZxing) {
    const parts: string[] = [];
    for (const rect of halves(img.width, img.height)) parts.push(...(await read(cropPixels(img, rect))));
    if (parts.length > 0) return distinct(parts);
  }

  const area = img.width * img.height;
  if (area <= SMALL_AREA) return opts.upscale === false ? [] : distinct(await read(upscale2x(img)));
  if (!opts.tiles || area > TILED_AREA) return [];

  const found: string[] = [];
  for (const rect of tiles(img.width, img.height, TILE)) {
    await yieldToEventLoop();
    const tile = cropPixels(img, rect);
    // Upscaling each tile costs ~10 ms; worth it with ZXing, too slow with jsQR (~4× per tile).
    found.push(...(await read(usesZxing ? upscale2x(tile) : tile)));
  }
  return distinct(found);
}
