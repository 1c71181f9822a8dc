// QR reading with zxing-wasm (ZXing-C++ compiled to WebAssembly; QR Code per ISO/IEC 18004).
// The wasm file ships inside the extension: Vite's `?url` import emits it as an asset and gives
// its path, and the loader is pointed at it, never at the CDN zxing-wasm uses by default.
// WebAssembly needs 'wasm-unsafe-eval' in the extension pages' CSP (the background and extension
// pages have it); a web page's CSP can forbid it in content scripts, which is why lib/qr decodes
// in the background, never in the page (measured, docs/qr.md).
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmAssetUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { QrImage } from './image';

type WasmSource = { wasmBinary: ArrayBuffer } | { wasmUrl: string };

let loading: Promise<void> | undefined;

/**
 * Chooses where the wasm comes from and starts loading it. Extension contexts need not call it
 * (the bundled asset is used); Node (tests, benchmarks) passes the file's bytes.
 */
export function useZxingWasm(source: WasmSource): Promise<void> {
  const overrides =
    'wasmBinary' in source
      ? { wasmBinary: source.wasmBinary }
      : { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? source.wasmUrl : prefix + path) };
  loading = prepareZXingModule({ overrides, fireImmediately: true }).then(() => undefined);
  // Callers that never await still must not see an unhandled rejection.
  loading.catch(() => undefined);
  return loading;
}

function bundledWasmUrl(): string {
  // The asset path is root-relative ("/assets/…"); resolve it against the extension's origin.
  const base = (globalThis as { location?: { href: string } }).location?.href;
  return base ? new URL(wasmAssetUrl, base).href : wasmAssetUrl;
}

/** Resolves once the module is instantiated; rejects when it cannot be (e.g. WebAssembly refused by a CSP). */
export function zxingReady(): Promise<void> {
  return loading ?? useZxingWasm({ wasmUrl: bundledWasmUrl() });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a read: the raw bytes as UTF-8 when they are valid UTF-8 (what otpauth:// and
 * every QR generator in use write, without an ECI), else ZXing's own guess (e.g. Shift_JIS).
 */
function textOf(bytes: Uint8Array, guessed: string): string {
  try {
    return bytes.length > 0 ? utf8.decode(bytes) : guessed;
  } catch {
    return guessed;
  }
}

/**
 * Every valid QR code ZXing finds in `img` (it already tries inverted and downscaled copies and
 * rotations). Rejects when the wasm module cannot be loaded.
 */
export async function readWithZxing(img: QrImage): Promise<string[]> {
  await zxingReady();
  // zxing-wasm takes any { data, width, height } (it checks those keys, not the class).
  const results = await readBarcodes(img as ImageData, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 16 });
  return results.filter((r) => r.isValid).map((r) => textOf(r.bytes, r.text));
}
