// Pixel buffers for QR decoding: the ImageData layout (RGBA, 4 bytes per pixel, rows top to
// bottom; HTML Living Standard §4.12.5.1.17 "Pixel manipulation") without needing the ImageData
// class, which a Node test or a worker without a canvas may lack. Crops, a 2× bilinear upscale
// and the tiling used to find small codes in big frames.

export interface QrImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function isQrImage(v: unknown): v is QrImage {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Partial<QrImage>;
  return (
    o.data instanceof Uint8ClampedArray &&
    Number.isInteger(o.width) && Number.isInteger(o.height) &&
    (o.width ?? 0) > 0 && (o.height ?? 0) > 0 &&
    o.data.length === (o.width ?? 0) * (o.height ?? 0) * 4
  );
}

/** Copies `rect` (integer pixels, already inside the image) out of `img`. */
export function cropPixels(img: QrImage, rect: Rect): QrImage {
  const { x, y, width, height } = rect;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * img.width + x) * 4;
    data.set(img.data.subarray(from, from + width * 4), row * width * 4);
  }
  return { data, width, height };
}

/**
 * Doubles width and height with bilinear interpolation. A code drawn at 1.3–1.4 px per module is
 * aliased beyond what a binariser can sample; interpolating first restores module edges
 * (measured in bench/qr-decode.mjs's notes, docs/qr.md).
 */
export function upscale2x(img: QrImage): QrImage {
  const w = img.width * 2;
  const h = img.height * 2;
  const out = new Uint8ClampedArray(w * h * 4);
  const src = img.data;
  const maxX = img.width - 1;
  const maxY = img.height - 1;
  for (let y = 0; y < h; y++) {
    const sy = Math.min(maxY, Math.max(0, (y + 0.5) / 2 - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(maxY, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < w; x++) {
      const sx = Math.min(maxX, Math.max(0, (x + 0.5) / 2 - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(maxX, x0 + 1);
      const fx = sx - x0;
      const a = (y0 * img.width + x0) * 4;
      const b = (y0 * img.width + x1) * 4;
      const c = (y1 * img.width + x0) * 4;
      const d = (y1 * img.width + x1) * 4;
      const o = (y * w + x) * 4;
      for (let k = 0; k < 4; k++) {
        const top = src[a + k]! * (1 - fx) + src[b + k]! * fx;
        const bottom = src[c + k]! * (1 - fx) + src[d + k]! * fx;
        out[o + k] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  return { data: out, width: w, height: h };
}

/**
 * Overlapping square tiles covering a width × height image: each step is 3/4 of a tile, so a
 * code up to a quarter of a tile wide lies whole inside at least one tile.
 */
export function tiles(width: number, height: number, size: number): Rect[] {
  const out: Rect[] = [];
  const step = Math.max(1, Math.floor((size * 3) / 4));
  const starts = (total: number): number[] => {
    if (total <= size) return [0];
    const s: number[] = [];
    for (let p = 0; p + size < total; p += step) s.push(p);
    s.push(total - size);
    return s;
  };
  for (const y of starts(height)) {
    for (const x of starts(width)) {
      out.push({ x, y, width: Math.min(size, width), height: Math.min(size, height) });
    }
  }
  return out;
}

/**
 * The left, right, top and bottom 60% of an image: a reader that locks up on two codes side by
 * side (jsQR sees six finder patterns) gets one code per half.
 */
export function halves(width: number, height: number): Rect[] {
  const w = Math.ceil(width * 0.6);
  const h = Math.ceil(height * 0.6);
  return [
    { x: 0, y: 0, width: w, height },
    { x: width - w, y: 0, width: w, height },
    { x: 0, y: 0, width, height: h },
    { x: 0, y: height - h, width, height: h },
  ];
}

/** Paints a rectangle (clamped to the image) in a flat grey level; used to mask a code once read. */
export function fillGrey(img: QrImage, rect: Rect, grey: number): void {
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(img.width, Math.ceil(rect.x + rect.width));
  const y1 = Math.min(img.height, Math.ceil(rect.y + rect.height));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 4;
      img.data[i] = img.data[i + 1] = img.data[i + 2] = grey;
      img.data[i + 3] = 255;
    }
  }
}
