// What the page scanner (entrypoints/qr-scanner.ts) hands back from one frame through
// scripting.executeScript: PNG data URLs of the pixels it could read, and the http(s) URLs of
// the images it could not (cross-origin). Kept free of the decoders, since it runs in the page.
// The background treats the value as untrusted input (a frame belongs to any site) and checks it.
import type { QrCandidate } from './candidates';

export interface FrameScan {
  images: string[];
  fetchUrls: string[];
}

/** Most images or URLs taken from one frame; more are ignored. */
export const MAX_PER_FRAME = 32;
/** A data URL longer than this (about 24 MB of PNG) is not decoded. */
export const MAX_DATA_URL = 32 * 1024 * 1024;

export function toFrameScan(candidates: readonly QrCandidate[]): FrameScan {
  const images = new Set<string>();
  const fetchUrls = new Set<string>();
  for (const c of candidates) {
    if (c.image) images.add(c.image);
    else if (c.url) fetchUrls.add(c.url);
  }
  return { images: [...images], fetchUrls: [...fetchUrls] };
}

/** The well-formed part of an executeScript result (anything else, e.g. `null` from a frame that failed, gives nothing). */
export function readFrameScan(value: unknown): FrameScan {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof FrameScan, unknown>>;
  const strings = (a: unknown): string[] => (Array.isArray(a) ? a.filter((s): s is string => typeof s === 'string') : []);
  return {
    images: strings(v.images).filter((s) => s.startsWith('data:image/') && s.length <= MAX_DATA_URL).slice(0, MAX_PER_FRAME),
    fetchUrls: strings(v.fetchUrls).filter((s) => /^https?:\/\//i.test(s) && s.length <= 8192).slice(0, MAX_PER_FRAME),
  };
}
