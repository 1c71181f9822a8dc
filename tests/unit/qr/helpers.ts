// Test helpers for lib/qr: the zxing wasm read from node_modules (no network), and a PNG reader
// (RFC 2083: IHDR, IDAT, the five filter types; 8-bit RGBA or RGB only) so that tests can feed
// encoded images through the same path the background uses, without a canvas.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { useZxingWasm } from '../../../lib/qr/zxing-reader';
import type { QrImage } from '../../../lib/qr/image';

export async function loadZxingFromNodeModules(): Promise<void> {
  const path = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const bytes = await readFile(path);
  await useZxingWasm({ wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
}

export function decodePng(png: Uint8Array): QrImage {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0, height = 0, colourType = 0;
  const idat: Uint8Array[] = [];
  for (let o = 8; o < png.length; ) {
    const len = view.getUint32(o);
    const type = String.fromCharCode(...png.subarray(o + 4, o + 8));
    const body = png.subarray(o + 8, o + 8 + len);
    if (type === 'IHDR') {
      width = view.getUint32(o + 8);
      height = view.getUint32(o + 12);
      colourType = body[9]!;
      if (body[8] !== 8 || (colourType !== 6 && colourType !== 2)) throw new Error('Only 8-bit RGB(A) PNG.');
    } else if (type === 'IDAT') idat.push(body);
    o += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const bpp = colourType === 6 ? 4 : 3;
  const stride = width * bpp;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= bpp ? pixels[y * stride + x - bpp]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? pixels[(y - 1) * stride + x - bpp]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter] ?? 0;
      pixels[y * stride + x] = (v + pred) & 0xff;
    }
  }
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[i * 4] = pixels[i * bpp]!;
    data[i * 4 + 1] = pixels[i * bpp + 1]!;
    data[i * 4 + 2] = pixels[i * bpp + 2]!;
    data[i * 4 + 3] = bpp === 4 ? pixels[i * bpp + 3]! : 255;
  }
  return { data, width, height };
}

/** Stand-in for createImageBitmap + OffscreenCanvas: a PNG Blob's pixels. */
export async function pngBlobToImageData(blob: Blob): Promise<QrImage> {
  return decodePng(new Uint8Array(await blob.arrayBuffer()));
}

export function pngDataUrl(png: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}
