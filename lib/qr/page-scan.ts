// The background's half of a page scan: decode what the scanner returned from every frame of a
// tab (data URLs it drew, URLs it could not read and that the background fetches), and give
// every distinct QR text found with the URLs of the resources it was read from. Usage: docs/qr.md.
// Issue 11 point 1: the background's fetch goes out with the extension's host permission, so it
// could read what the page itself may not (another site's image behind the user's cookies). It is
// made without credentials (no cookies, no HTTP auth, no client certificate), without a referrer
// and bypassing the cache; and whatever it reads is reported as coming from that image's site,
// which lib/api/qr.ts binds to the tab only when it is the tab's own site.
import { siteOf } from '../sites/site';
import { dataUrlToBlob } from './capture';
import { readFrameScan, type FrameScan } from './frame-scan';

export interface PageScanOptions {
  /** Decodes one encoded picture (lib/qr/decode-picture.ts decodeBlob, or the background's way to it). */
  decode: (picture: Blob) => Promise<string[]>;
  /** Fetches an image for a URL the page could not read; default: fetchImage below. */
  fetchImage?: (url: string) => Promise<Blob | FetchedImage>;
  /** Images and URLs decoded per scan, at most (all frames together). Default 64. */
  maxItems?: number;
}

/** An image fetched, and the URL it finally came from (after redirects). */
export interface FetchedImage {
  blob: Blob;
  url: string;
}

/** A text found in a page, with the URLs of the resources (images, frames) it was read from. */
export interface FoundText {
  text: string;
  /** Empty when nobody can say (a capture of a page that shows other sites' content). */
  sources: string[];
}

/** A fetched image bigger than this is skipped. */
export const MAX_FETCH_BYTES = 20 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 10_000;

/**
 * GETs an image as an anonymous visitor: no credentials (Fetch §2.2.5 credentials mode "omit"),
 * no referrer, nothing from or into the HTTP cache (a response cached from a request with the
 * user's cookies must not answer this one).
 */
export async function fetchImage(url: string): Promise<FetchedImage> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), FETCH_TIMEOUT_MS);
  try {
    const res = await fetch(url, { credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', signal: ctrl.signal });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    if (Number(res.headers.get('content-length') ?? 0) > MAX_FETCH_BYTES) throw new Error('Image too large.');
    const blob = await res.blob();
    if (blob.size > MAX_FETCH_BYTES) throw new Error('Image too large.');
    return { blob, url: res.url || url };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `results`: the `result` of each frame's entry in what
 * scripting.executeScript({ files: ['/qr-scanner.js'], target: { tabId, allFrames: true } }) resolved.
 * Images that fail to load or decode are skipped; the answer is every distinct text, in frame order,
 * each with every source it was read from.
 */
export async function decodeFrameScans(results: readonly unknown[], opts: PageScanOptions): Promise<FoundText[]> {
  const images = new Map<string, Set<string>>();
  const urls = new Set<string>();
  for (const r of results) {
    const scan = readFrameScan(r);
    for (const i of scan.images) {
      const from = images.get(i.data) ?? new Set<string>();
      if (i.from) from.add(i.from);
      images.set(i.data, from);
    }
    scan.fetchUrls.forEach((u) => urls.add(u));
  }
  const budget = opts.maxItems ?? 64;
  const found = new Map<string, Set<string>>();
  const note = (text: string, sources: Iterable<string>) => {
    const s = found.get(text) ?? new Set<string>();
    for (const u of sources) s.add(u);
    found.set(text, s);
  };
  let used = 0;
  for (const [image, from] of images) {
    if (used++ >= budget) break;
    try {
      // No tile pass here: these are pictures at their own resolution, not screenshots.
      (await opts.decode(dataUrlToBlob(image))).forEach((t) => note(t, from));
    } catch {
      // An unreadable picture is simply not a code.
    }
  }
  const get = opts.fetchImage ?? fetchImage;
  for (const url of urls) {
    if (used++ >= budget) break;
    try {
      const got = await get(url);
      const { blob, url: finalUrl } = got instanceof Blob ? { blob: got, url } : got;
      // A redirect elsewhere: the pixels are the final resource's (and so is the site they count for).
      (await opts.decode(blob)).forEach((t) => note(t, [finalUrl]));
    } catch {
      // Unreachable, not an image, or no code in it.
    }
  }
  return [...found].map(([text, sources]) => ({ text, sources: [...sources] }));
}

/**
 * Where a capture of the visible tab comes from, as far as anyone can say: the top frame's URL
 * when everything the scan saw in the tab (every frame, every image it read or named) is of the
 * top frame's site and nothing was unreadable; otherwise null (the capture may show another site's
 * code, e.g. a tainted canvas or a cross-site frame, and its source is unknown).
 */
export function captureSource(results: readonly unknown[]): string | null {
  const scans: FrameScan[] = results.map(readFrameScan);
  const top = scans.find((s) => s.top);
  const site = top ? siteOf(top.url) : null;
  if (!top || !site) return null;
  const same = (u: string) => siteOf(u) === site;
  const clean = scans.every((s) => !s.tainted && same(s.url) && s.images.every((i) => same(i.from)) && s.fetchUrls.every(same));
  // A frame the scanner could not enter at all (executeScript gives null for it) is unknown too.
  return clean && scans.length === results.length && results.every((r) => r !== null && r !== undefined) ? top.url : null;
}
