// Finds what in a page may show a QR code and turns each into something the background can
// decode: a PNG data URL of its pixels, or, when the page may not read them (a cross-origin
// image taints a canvas: HTML §4.12.5.7 "Security with canvas elements"), its URL, which the
// background fetches with its host permission. Runs in the page (injected on demand by
// entrypoints/qr-scanner.ts), once per frame; it decodes nothing itself (docs/qr.md: WebAssembly
// is refused in content scripts on pages whose CSP lacks 'wasm-unsafe-eval').
// Looks at <img> (the source actually shown, at its real pixel size), <canvas>, inline <svg>
// (rasterised through an Image of its serialisation), CSS background images, and the same
// inside open shadow roots.
import type { Rect } from './image';

export type CandidateSource = 'img' | 'canvas' | 'svg' | 'css';

export interface QrCandidate {
  source: CandidateSource;
  /** Where it is shown, in CSS pixels of the frame's viewport. */
  rect: Rect;
  /** Its pixels as a PNG (or the page's own raster data: URL), for the background to decode. */
  image?: string;
  /** An http(s) URL for the background to fetch and decode (the page could not read it). */
  url?: string;
  /**
   * Where `image`'s pixels came from when not from this document itself: the image's own URL
   * (an <img> or CSS image the page could read, e.g. same-origin or CORS). Issue 11: a code read
   * from another site's resource is not bound to the tab's site without the user's say.
   */
  from?: string;
  /** A canvas the page drew another origin's image into: unreadable here, but a capture shows it. */
  tainted?: boolean;
}

export interface CollectOptions {
  /** Most candidates turned into images or URLs per frame (the likeliest first). Default 24. */
  maxCandidates?: number;
  /** Longest side of an image handed over; bigger ones are scaled down. Default 2048. */
  maxSide?: number;
  /** How long to wait for one image to load. Default 1500 ms. */
  loadTimeoutMs?: number;
  /** Elements looked at, at most (a guard against enormous documents). Default 50,000. */
  maxElements?: number;
}

/** A QR code has at least 21 × 21 modules (ISO/IEC 18004 §5.3.1, version 1): fewer pixels cannot hold one. */
export const MIN_PIXELS = 21;
/** Shown smaller than this (CSS px), an element is an icon or a tracking pixel, not a code to scan. */
const MIN_SHOWN = 10;
/** Elements whose computed style is checked for background images and SVG styles, at most. */
const MAX_SVG_STYLED = 5000;

interface Found {
  source: CandidateSource;
  el: Element;
  rect: Rect;
  /** For css: the background image's URL. */
  url?: string;
}

/** Every element of `root` and of the open shadow roots inside it, in document order. */
export function* elementsDeep(root: Document | ShadowRoot): Generator<Element> {
  // nodeType 9 is DOCUMENT_NODE (DOM §4.4); instanceof would depend on the realm.
  const doc = root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n as Element;
    yield el;
    if (el.shadowRoot) yield* elementsDeep(el.shadowRoot);
  }
}

/** The URLs in a computed `background-image` (several layers, image-set() included; gradients skipped). */
export function cssImageUrls(backgroundImage: string): string[] {
  const urls: string[] = [];
  const re = /url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)\s]*))\s*\)/g;
  for (let m = re.exec(backgroundImage); m; m = re.exec(backgroundImage)) {
    const raw = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
    if (raw && !urls.includes(raw)) urls.push(raw);
  }
  return urls;
}

function absoluteUrl(url: string, base: string): string | undefined {
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}

function toRect(r: DOMRect): Rect {
  return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
}

/** Candidate elements of a document, found without loading or drawing anything. */
export function findCandidates(root: Document, maxElements = 50_000): Found[] {
  const view = root.defaultView;
  const found: Found[] = [];
  let seen = 0;
  for (const el of elementsDeep(root)) {
    if (++seen > maxElements) break;
    const name = el.localName;
    const source: CandidateSource | undefined =
      name === 'img' ? 'img' : name === 'canvas' ? 'canvas' : name === 'svg' && !(el as SVGElement).ownerSVGElement ? 'svg' : undefined;
    const bg = view?.getComputedStyle(el).backgroundImage ?? '';
    const bgUrls = bg.includes('url(') ? cssImageUrls(bg) : [];
    if (!source && bgUrls.length === 0) continue;
    // Not rendered at all (display: none, detached): not a code the user can see.
    if (el.getClientRects().length === 0) continue;
    const rect = toRect(el.getBoundingClientRect());
    // Icon-sized: not a code the user is looking at. An image not loaded yet (lazy, below the
    // fold) has no size so far and is kept: the scanner loads it.
    const unloadedImg = source === 'img' && !((el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0);
    if (!unloadedImg && (rect.width < MIN_SHOWN || rect.height < MIN_SHOWN)) continue;
    if (source) found.push({ source, el, rect });
    for (const url of bgUrls) {
      const abs = absoluteUrl(url, root.baseURI);
      if (abs) found.push({ source: 'css', el, rect, url: abs });
    }
  }
  return found;
}

/**
 * Likeliest first: shown in the viewport, then nearly square (a code is square), then larger.
 * Only the first `maxCandidates` are drawn, so a page full of photos stays cheap.
 */
export function rankCandidates<T extends { rect: Rect }>(found: T[], viewport: { width: number; height: number }): T[] {
  const visible = (r: Rect): number =>
    r.x < viewport.width && r.y < viewport.height && r.x + r.width > 0 && r.y + r.height > 0 ? 1 : 0;
  const square = (r: Rect): number => Math.min(r.width, r.height) / Math.max(r.width, r.height);
  return [...found].sort(
    (a, b) =>
      visible(b.rect) - visible(a.rect) ||
      Math.round(square(b.rect) * 4) - Math.round(square(a.rect) * 4) ||
      b.rect.width * b.rect.height - a.rect.width * a.rect.height,
  );
}

const fetchable = (url: string): boolean => /^https?:/i.test(url);
/** Raster data: URLs the background decodes as they are (it cannot rasterise SVG without a DOM). */
const rasterDataUrl = (url: string): boolean => /^data:image\/(png|jpeg|gif|webp|bmp)[;,]/i.test(url);

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([p, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))]);
}

/** Loads `src` into a fresh Image (no srcset: its natural size is then its real pixel size). */
async function loadImage(doc: Document, src: string, timeoutMs: number): Promise<HTMLImageElement | undefined> {
  const img = doc.createElement('img');
  img.src = src;
  const ok = await withTimeout(img.decode().then(() => true, () => false), timeoutMs);
  return ok && img.naturalWidth > 0 ? img : undefined;
}

/** Draws a source at (at most) `maxSide` on a white ground and returns a PNG data URL; throws SecurityError when tainted. */
function toPngDataUrl(doc: Document, source: CanvasImageSource, width: number, height: number, maxSide: number): string {
  const k = Math.min(1, maxSide / Math.max(width, height));
  const canvas = doc.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * k));
  canvas.height = Math.max(1, Math.round(height * k));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas context.');
  // Transparent pixels would read as black: show them on white, as most pages do.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}

const isSecurityError = (e: unknown): boolean => e instanceof DOMException && e.name === 'SecurityError';

async function fromImg(doc: Document, f: Found, o: Required<CollectOptions>): Promise<QrCandidate | undefined> {
  const el = f.el as HTMLImageElement;
  const src = el.currentSrc || el.src;
  if (!src) return undefined;
  if (rasterDataUrl(src)) return { source: 'img', rect: f.rect, image: src };
  const from = fetchable(src) ? src : undefined;
  // A srcset / <picture> source reports its natural size divided by its density (HTML §4.8.4.3.4):
  // reload the chosen URL alone to get every pixel it has.
  const dense = el.srcset !== '' || el.parentElement?.localName === 'picture';
  const ready = el.complete && el.naturalWidth > 0 ? el : undefined;
  const img = dense || !ready ? await loadImage(doc, src, o.loadTimeoutMs) : ready;
  if (!img) return fetchable(src) ? { source: 'img', rect: f.rect, url: src } : undefined;
  if (Math.min(img.naturalWidth, img.naturalHeight) < MIN_PIXELS) return undefined;
  try {
    return { source: 'img', rect: f.rect, image: toPngDataUrl(doc, img, img.naturalWidth, img.naturalHeight, o.maxSide), from };
  } catch (e) {
    if (isSecurityError(e) && fetchable(src)) return { source: 'img', rect: f.rect, url: src };
    return undefined;
  }
}

function fromCanvas(doc: Document, f: Found, o: Required<CollectOptions>): QrCandidate | undefined {
  const el = f.el as HTMLCanvasElement;
  if (Math.min(el.width, el.height) < MIN_PIXELS) return undefined;
  try {
    const image =
      Math.max(el.width, el.height) <= o.maxSide ? el.toDataURL('image/png') : toPngDataUrl(doc, el, el.width, el.height, o.maxSide);
    return { source: 'canvas', rect: f.rect, image };
  } catch {
    // Tainted by a cross-origin drawing: nothing to read and no URL to fetch. A capture of the tab
    // still sees it, and then cannot say which site it came from (page-scan.ts captureSource).
    return { source: 'canvas', rect: f.rect, tainted: true };
  }
}

const SVG_STYLE_PROPS = ['fill', 'stroke', 'stroke-width', 'opacity', 'fill-opacity', 'stroke-opacity', 'display', 'visibility'] as const;

/**
 * A standalone copy of an inline <svg>: the page's style sheets do not reach an SVG drawn as an
 * image, so the computed paint of each element is written into its style attribute.
 */
export function standaloneSvg(svg: SVGSVGElement, width: number, height: number): string {
  const view = svg.ownerDocument.defaultView;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [copy, ...Array.from(copy.querySelectorAll('*'))];
  if (view && originals.length <= MAX_SVG_STYLED) {
    originals.forEach((orig, i) => {
      const target = copies[i] as SVGElement | undefined;
      if (!target?.style) return;
      const cs = view.getComputedStyle(orig);
      for (const p of SVG_STYLE_PROPS) {
        const v = cs.getPropertyValue(p);
        if (v) target.style.setProperty(p, v);
      }
    });
    copy.style.setProperty('color', view.getComputedStyle(svg).color);
  }
  // Without a viewBox the drawing is in CSS px of its box; keep it so while the image is resized.
  if (!copy.hasAttribute('viewBox')) {
    const box = svg.getBoundingClientRect();
    copy.setAttribute('viewBox', `0 0 ${box.width} ${box.height}`);
  }
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return new XMLSerializer().serializeToString(copy);
}

async function fromSvg(doc: Document, f: Found, o: Required<CollectOptions>): Promise<QrCandidate | undefined> {
  const { width, height } = f.rect;
  // Rasterise at ≥ 4 device px per CSS px and ≥ 512 px on the long side, so thin modules stay crisp.
  const k = Math.min(o.maxSide / Math.max(width, height), Math.max(4, 512 / Math.max(width, height)));
  const w = Math.max(1, Math.round(width * k));
  const h = Math.max(1, Math.round(height * k));
  const text = standaloneSvg(f.el as SVGSVGElement, w, h);
  const img = await loadImage(doc, `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`, o.loadTimeoutMs);
  if (!img) return undefined;
  try {
    return { source: 'svg', rect: f.rect, image: toPngDataUrl(doc, img, w, h, o.maxSide) };
  } catch {
    return undefined;
  }
}

async function fromCss(doc: Document, f: Found, o: Required<CollectOptions>): Promise<QrCandidate | undefined> {
  const url = f.url ?? '';
  if (rasterDataUrl(url)) return { source: 'css', rect: f.rect, image: url };
  const sameOrigin = url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === doc.location.origin;
  // A cross-origin image would taint the canvas: let the background fetch it instead of loading it twice.
  if (!sameOrigin) return fetchable(url) ? { source: 'css', rect: f.rect, url } : undefined;
  const img = await loadImage(doc, url, o.loadTimeoutMs);
  if (!img || Math.min(img.naturalWidth, img.naturalHeight) < MIN_PIXELS) return undefined;
  try {
    return { source: 'css', rect: f.rect, image: toPngDataUrl(doc, img, img.naturalWidth, img.naturalHeight, o.maxSide), from: fetchable(url) ? url : undefined };
  } catch (e) {
    return isSecurityError(e) && fetchable(url) ? { source: 'css', rect: f.rect, url } : undefined;
  }
}

/** Every candidate of the document (one frame), likeliest first, each with an image or a URL (or marked tainted). */
export async function collectQrCandidates(root: Document, opts: CollectOptions = {}): Promise<QrCandidate[]> {
  const o: Required<CollectOptions> = {
    maxCandidates: opts.maxCandidates ?? 24,
    maxSide: opts.maxSide ?? 2048,
    loadTimeoutMs: opts.loadTimeoutMs ?? 1500,
    maxElements: opts.maxElements ?? 50_000,
  };
  const view = root.defaultView;
  const viewport = { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 };
  const found = rankCandidates(findCandidates(root, o.maxElements), viewport);
  const out: QrCandidate[] = [];
  const done = new Set<string>();
  for (const f of found) {
    if (out.length >= o.maxCandidates) break;
    // The same picture shown twice (or as a sprite on many elements) is read once.
    const key = f.source === 'css' ? `css ${f.url}` : f.source === 'img' ? `img ${(f.el as HTMLImageElement).currentSrc || (f.el as HTMLImageElement).src}` : undefined;
    if (key && done.has(key)) continue;
    if (key) done.add(key);
    const c =
      f.source === 'img' ? await fromImg(root, f, o)
      : f.source === 'canvas' ? fromCanvas(root, f, o)
      : f.source === 'svg' ? await fromSvg(root, f, o)
      : await fromCss(root, f, o);
    if (c) out.push(c);
  }
  return out;
}
