// Decoding frames of a screen capture (issue 16: "Scan the screen…"). A shared screen or window
// differs from a tab capture: it can be far bigger (a 4K or HiDPI screen captured at its physical
// pixels, several monitors side by side: 5760 × 1080, 7680 × 2160), it can hold several codes at
// once (a Google Authenticator export spread over a window), and codes can be small (a PDF at
// 2.5 px per module). Two passes, over lib/qr/decode.ts (zxing-wasm, jsQR as the fallback):
// - quick, on every frame: the whole frame at its own resolution (zxing reads every code in it;
//   about 10 ms at 1080p and 40 ms at 4K, docs/qr.md);
// - deep, once per still frame that the quick pass found nothing in (or filled to the reader's
//   16-code cap): the frame cut into overlapping panes of at most 1920 × 1200, each read whole
//   (jsQR reads one code per read; ZXing's binariser sees a pane's contrast, not a whole desktop's),
//   and, on frames up to 1920 × 1200, as 2× upscaled tiles (decodeImageData's capture mode), which
//   reads codes below 2 px per module (about 2 s at 1080p, once per still picture). Bigger frames
//   come from HiDPI screens or several monitors, captured at their physical pixels where codes
//   are larger; tiling them costs far more (14 s at 2560 × 1440, 20 s at 4K, bench/qr-screen.mjs)
//   for codes the quick pass already reads down to 1.5–2 px per module (docs/qr.md).
// Nothing is kept: the pixels are the caller's and are dropped as soon as a frame is read.
import { decodeImageData, type DecodeOptions } from './decode';
import { cropPixels, type QrImage, type Rect } from './image';

/** The largest pane read in the deep pass: a 1920 × 1200 screen (decode.ts tiles frames up to 2.4 MP). */
export const PANE_W = 1920;
export const PANE_H = 1200;
/** Panes overlap this much, so a code up to this size is whole in one pane; bigger codes are read by the quick pass. */
export const PANE_OVERLAP = 320;
/** zxing-reader.ts asks for at most 16 symbols per read: a frame that gives 16 may hold more. */
const READER_CAP = 16;
/** Frames up to this area (1920 × 1200) get upscaled tiles in the deep pass. */
export const DEEP_TILED_AREA = 1920 * 1200;

/** Overlapping rectangles of at most maxW × maxH covering width × height (one rect when it fits). */
export function panes(width: number, height: number, maxW = PANE_W, maxH = PANE_H, overlap = PANE_OVERLAP): Rect[] {
  const starts = (total: number, size: number): number[] => {
    if (total <= size) return [0];
    const step = size - overlap;
    const s: number[] = [];
    for (let p = 0; p + size < total; p += step) s.push(p);
    s.push(total - size);
    return s;
  };
  const out: Rect[] = [];
  for (const y of starts(height, maxH)) {
    for (const x of starts(width, maxW)) out.push({ x, y, width: Math.min(maxW, width), height: Math.min(maxH, height) });
  }
  return out;
}

export interface FrameDecodeOptions {
  /** Run the deep pass (panes, upscaled tiles) too. */
  deep?: boolean;
  engines?: DecodeOptions['engines'];
}

function distinct(texts: Iterable<string>): string[] {
  return [...new Set([...texts].filter((t) => t.length > 0))];
}

/** Every distinct QR text in one capture frame. */
export async function decodeScreenFrame(img: QrImage, opts: FrameDecodeOptions = {}): Promise<string[]> {
  const quick = await decodeImageData(img, { engines: opts.engines, upscale: true, tiles: false });
  if (!opts.deep || (quick.length > 0 && quick.length < READER_CAP)) return quick;
  const found = [...quick];
  const parts = panes(img.width, img.height);
  const tiles = img.width * img.height <= DEEP_TILED_AREA;
  for (const rect of parts) {
    // Between panes the page handles its events (Esc, Stop).
    await new Promise((r) => setTimeout(r, 0));
    const pane = parts.length === 1 ? img : cropPixels(img, rect);
    found.push(...(await decodeImageData(pane, { engines: opts.engines, tiles })));
  }
  return distinct(found);
}

/**
 * A cheap fingerprint of a frame (1,024 sampled pixels and the size), to tell a still screen
 * from a changing one: the deep pass is worth its cost once per still picture, not per frame.
 */
export function frameSignature(img: QrImage): string {
  let h = 0x811c9dc5;
  const n = img.width * img.height;
  const step = Math.max(1, Math.floor(n / 1024));
  for (let i = 0; i < n; i += step) {
    const o = i * 4;
    // Quantised to 16 levels: video encoding noise must not make a still screen look changed.
    const v = ((img.data[o]! >> 4) << 8) | ((img.data[o + 1]! >> 4) << 4) | (img.data[o + 2]! >> 4);
    h = Math.imul(h ^ v, 0x01000193) >>> 0;
  }
  return `${img.width}x${img.height}:${h.toString(16)}`;
}
