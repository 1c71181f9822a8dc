// A QR code drawn in memory as an SVG element (lib/export/qr.ts): never a file, never a data: URL.
import { useMemo } from 'preact/hooks';
import { qrDrawing } from '../../lib/export/qr';

export function QrCode({ text, label, px = 440 }: { text: string; label: string; px?: number }) {
  const d = useMemo(() => qrDrawing(text), [text]);
  return (
    <svg class="qr-code" role="img" aria-label={label} width={px} height={px} viewBox={`0 0 ${d.size} ${d.size}`} shape-rendering="crispEdges" data-qr-version={d.version}>
      <rect width={d.size} height={d.size} fill="#fff" />
      <path d={d.path} fill="#000" />
    </svg>
  );
}
