// What the page scanner (entrypoints/qr-scanner.ts) hands back from one frame through
// scripting.executeScript: PNG data URLs of the pixels it could read, each with the URL of the
// resource they came from, the http(s) URLs of the images it could not read (cross-origin), the
// frame's own URL, and whether something in it could not be read at all (a tainted canvas).
// Kept free of the decoders, since it runs in the page. The background treats the value as
// untrusted input (a frame belongs to any site) and checks it. Where a code came from decides
// whether it may be bound to the tab's site (issue 11 point 1; page-scan.ts).
import type { QrCandidate } from './candidates';

export interface FrameImage {
  /** A PNG (or other raster) data URL. */
  data: string;
  /** The URL of the resource the pixels came from: an image's URL, or the frame's own URL. */
  from: string;
}

export interface FrameScan {
  /** The frame's URL (location.href in the scanner's isolated world: the page cannot change it). */
  url: string;
  /** True for the tab's top frame. */
  top: boolean;
  images: FrameImage[];
  fetchUrls: string[];
  /** Something shown here could not be read (a canvas tainted by another origin's image). */
  tainted: boolean;
}

/** Most images or URLs taken from one frame; more are ignored. */
export const MAX_PER_FRAME = 32;
/** A data URL longer than this (about 24 MB of PNG) is not decoded. */
export const MAX_DATA_URL = 32 * 1024 * 1024;
const MAX_URL = 8192;

export function toFrameScan(candidates: readonly QrCandidate[], frameUrl = '', top = true): FrameScan {
  const images = new Map<string, string>();
  const fetchUrls = new Set<string>();
  let tainted = false;
  for (const c of candidates) {
    if (c.image) images.set(c.image, images.get(c.image) ?? c.from ?? frameUrl);
    else if (c.url) fetchUrls.add(c.url);
    else if (c.tainted) tainted = true;
  }
  return { url: frameUrl, top, images: [...images].map(([data, from]) => ({ data, from })), fetchUrls: [...fetchUrls], tainted };
}

const webUrl = (s: unknown): s is string => typeof s === 'string' && /^https?:\/\//i.test(s) && s.length <= MAX_URL;

/** The well-formed part of an executeScript result (anything else, e.g. `null` from a frame that failed, gives nothing). */
export function readFrameScan(value: unknown): FrameScan {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const list = (a: unknown): unknown[] => (Array.isArray(a) ? a : []);
  const url = webUrl(v.url) ? v.url : '';
  const images: FrameImage[] = [];
  for (const item of list(v.images)) {
    // A bare data URL (older scanners) came from the frame itself.
    const i = (typeof item === 'string' ? { data: item, from: url } : item ?? {}) as Record<string, unknown>;
    if (typeof i.data !== 'string' || !i.data.startsWith('data:image/') || i.data.length > MAX_DATA_URL) continue;
    images.push({ data: i.data, from: webUrl(i.from) ? i.from : url });
    if (images.length === MAX_PER_FRAME) break;
  }
  return {
    url,
    top: v.top === true,
    images,
    fetchUrls: list(v.fetchUrls).filter(webUrl).slice(0, MAX_PER_FRAME),
    tainted: v.tainted === true,
  };
}
