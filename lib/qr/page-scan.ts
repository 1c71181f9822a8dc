// The background's half of a page scan: decode what the scanner returned from every frame of a
// tab (data URLs it drew, URLs it could not read and that the background fetches with its
// <all_urls> host permission), and give every distinct QR text found. Usage: docs/qr.md.
import { dataUrlToBlob, decodeBlob, type BlobDecodeOptions } from './capture';
import { readFrameScan } from './frame-scan';

export interface PageScanOptions extends BlobDecodeOptions {
  /** Fetches an image for a URL the page could not read; default: fetchImage below. */
  fetchImage?: (url: string) => Promise<Blob>;
  /** Images and URLs decoded per scan, at most (all frames together). Default 64. */
  maxItems?: number;
}

/** A fetched image bigger than this is skipped. */
export const MAX_FETCH_BYTES = 20 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 10_000;

/**
 * GETs an image with the user's cookies (the page showed it to this user) and from the HTTP
 * cache when it is there (a QR endpoint may mint a new secret on each request).
 */
export async function fetchImage(url: string): Promise<Blob> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), FETCH_TIMEOUT_MS);
  try {
    const res = await fetch(url, { credentials: 'include', cache: 'force-cache', signal: ctrl.signal });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    if (Number(res.headers.get('content-length') ?? 0) > MAX_FETCH_BYTES) throw new Error('Image too large.');
    const blob = await res.blob();
    if (blob.size > MAX_FETCH_BYTES) throw new Error('Image too large.');
    return blob;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `results`: the `result` of each frame's entry in what
 * scripting.executeScript({ files: ['/qr-scanner.js'], target: { tabId, allFrames: true } }) resolved.
 * Images that fail to load or decode are skipped; the answer is every distinct text, in frame order.
 */
export async function decodeFrameScans(results: readonly unknown[], opts: PageScanOptions = {}): Promise<string[]> {
  const images = new Set<string>();
  const urls = new Set<string>();
  for (const r of results) {
    const scan = readFrameScan(r);
    scan.images.forEach((i) => images.add(i));
    scan.fetchUrls.forEach((u) => urls.add(u));
  }
  const budget = opts.maxItems ?? 64;
  const texts = new Set<string>();
  let used = 0;
  for (const image of images) {
    if (used++ >= budget) break;
    try {
      // No tile pass here: these are pictures at their own resolution, not screenshots.
      (await decodeBlob(dataUrlToBlob(image), opts)).forEach((t) => texts.add(t));
    } catch {
      // An unreadable picture is simply not a code.
    }
  }
  const get = opts.fetchImage ?? fetchImage;
  for (const url of urls) {
    if (used++ >= budget) break;
    try {
      (await decodeBlob(await get(url), opts)).forEach((t) => texts.add(t));
    } catch {
      // Unreachable, not an image, or no code in it.
    }
  }
  return [...texts];
}
