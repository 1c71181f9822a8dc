// QR codes for "Export to a phone", drawn in memory: the `qrcode` package (soldair/node-qrcode,
// ISO/IEC 18004) computes the module matrix, and this turns it into one SVG path the page
// renders as an element. Nothing is drawn to a file, a data: URL or the clipboard.
// Error correction M (15 %): the budget in migration-encode.ts was measured at that level.
import { create } from 'qrcode';

export interface QrDrawing {
  /** Modules per side, quiet zone included. */
  size: number;
  /** The QR version (1–40). */
  version: number;
  /** SVG path data of the dark modules, one unit per module (viewBox 0 0 size size). */
  path: string;
}

/** ISO/IEC 18004 §7.3.7: a quiet zone of 4 modules on every side. */
export const QUIET_ZONE = 4;

export function qrDrawing(text: string): QrDrawing {
  const qr = create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    // Runs of dark modules become one rectangle each: a much shorter path than a square per module.
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: n + 2 * QUIET_ZONE, version: qr.version, path: parts.join('') };
}
