// QR reading with jsQR (pure JavaScript; QR Code per ISO/IEC 18004): the fallback for where
// WebAssembly is refused. jsQR returns at most one code per call, so each code found is painted
// over and the image read again, to find the others.
import jsQR from 'jsqr';
import { fillGrey, type QrImage } from './image';

/** At most this many codes are taken from one image. */
const MAX_CODES = 8;

export function readWithJsQr(input: QrImage): string[] {
  const found: string[] = [];
  let img = input;
  for (let i = 0; i < MAX_CODES; i++) {
    // 'attemptBoth' (jsQR's default) also reads light-on-dark codes.
    const code = jsQR(img.data, img.width, img.height, { inversionAttempts: 'attemptBoth' });
    if (!code) break;
    found.push(code.data);
    if (i === 0) img = { data: new Uint8ClampedArray(img.data), width: img.width, height: img.height };
    const { topLeftCorner: a, topRightCorner: b, bottomLeftCorner: c, bottomRightCorner: d } = code.location;
    const xs = [a.x, b.x, c.x, d.x];
    const ys = [a.y, b.y, c.y, d.y];
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    // The corners bound the symbol itself; grow by 10% to cover the finder patterns' edges.
    const gx = (x1 - x0) * 0.1, gy = (y1 - y0) * 0.1;
    // Mid grey hides the code whether the image is dark-on-light or inverted.
    fillGrey(img, { x: x0 - gx, y: y0 - gy, width: x1 - x0 + 2 * gx, height: y1 - y0 + 2 * gy }, 128);
  }
  return found;
}
