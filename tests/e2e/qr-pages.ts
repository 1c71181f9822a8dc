// Test-time QR pages for tests/e2e/qr.spec.ts (issue 3): a throwaway HTTP server on 127.0.0.1
// that serves generated HTML pages and PNG codes, and answers the same paths as
// http://localhost:<port>, another origin and another site (RFC 6454 §4: the host differs), for
// cross-origin images that taint a canvas. Nothing is written to disk; every PNG is made in
// memory by tests/fixtures/qr/synth.ts (qrcode's module matrix, zlib PNG). No response carries
// CORS headers, so a page can show a cross-origin image but never read its pixels (HTML
// §4.12.5.7): only the extension's background fetch or a capture of the tab can.
// A real server rather than page.route(): the background's own fetches of cross-origin images
// do not go through a page's routes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as OTPAuth from 'otpauth';
import * as QRCode from 'qrcode';
import * as S from '../fixtures/qr/synth';
import type { OtpParams } from '../../lib/otp/account';
import { serializeMigrationUri } from '../../lib/otp/migration';

/** One enrollment: what the page's code holds and what a scan must report. */
export interface TestAccount {
  issuer: string;
  label: string;
  /** Canonical Base32 (never expected in any answer). */
  secret: string;
  uri: string;
}

let serial = 0;

/** A TOTP account with a fresh random 160-bit secret (RFC 4226 §4 recommends 160 bits). */
export function totpAccount(issuer: string, label: string): TestAccount {
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  const uri = new OTPAuth.TOTP({ issuer, label, secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).toString();
  return { issuer, label, secret, uri };
}

/** `n` accounts and their Google Authenticator export URI (lib/otp/migration.ts, batch 1-based). */
export function migrationExport(n: number, batch: { index: number; size: number }, issuerPrefix: string): { accounts: TestAccount[]; uri: string } {
  const accounts = Array.from({ length: n }, (_, i) => totpAccount(`${issuerPrefix} ${i + 1}`, `user${i + 1}@example.com`));
  const params: OtpParams[] = accounts.map((a) => ({ type: 'totp', secret: a.secret, issuer: a.issuer, label: a.label, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, extra: [] }));
  const uri = serializeMigrationUri(params, { ...batch, id: 1000 + ++serial });
  return { accounts, uri };
}

export interface PngOptions {
  /** Pixels per module (default 5). */
  px?: number;
  invert?: boolean;
}

/** A PNG of one code with its quiet zone (ISO/IEC 18004 §6.3.8). */
export function codePng(text: string, o: PngOptions = {}): Buffer {
  return Buffer.from(S.encodePng(S.codeImage(text, o.px ?? 5, { invert: o.invert })));
}

/** A page-like screenshot (`width`×`height`, noisy background) with one code at 3 px per module. */
export function screenshotPng(text: string, width = 1280, height = 720): Buffer {
  return Buffer.from(S.encodePng(S.frame(width, height, [{ text, x: Math.round(width * 0.6), y: Math.round(height * 0.3), modulePx: 3 }], 11)));
}

/** A page-like picture with no code in it. */
export function noCodePng(width = 320, height = 200): Buffer {
  return Buffer.from(S.encodePng(S.pageBackground(width, height, 5)));
}

export const dataUrlOf = (png: Buffer): string => `data:image/png;base64,${png.toString('base64')}`;

/** Pixel side of the PNG codePng makes for `text` at `px` (to size an <img> by hand). */
export const codeSide = (text: string, px = 5): number => S.codeSidePx(text, px);

/** An inline <svg> of `text` made by the qrcode package, shown `size` CSS px wide. */
export async function svgOf(text: string, size = 220): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 4 });
  return svg.replace('<svg ', `<svg style="width:${size}px;height:${size}px;display:block" `);
}

/**
 * Marks the page ready once it has loaded and every promise pushed to window.__waits (images
 * drawn into canvases, shadow-root images) has settled: tests wait for html[data-ready].
 */
const READY = `<script>window.addEventListener('load', () => Promise.all(window.__waits || []).then(() => { document.documentElement.dataset.ready = '1'; }));</script>`;

export interface QrSite {
  /** http://127.0.0.1:<port>: the pages' origin (their accounts bind to the site '127.0.0.1'). */
  origin: string;
  /** http://localhost:<port>: the same server as another origin and site. */
  other: string;
  /** Serves `png` at a new path (on both origins) and returns the path. */
  image(png: Buffer): string;
  /** Serves a page made of `body` and returns its URL on `origin`. */
  page(name: string, body: string, head?: string): string;
  close(): Promise<void>;
}

export async function startQrSite(): Promise<QrSite> {
  const images = new Map<string, Buffer>();
  const pages = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const png = images.get(path);
    if (png) return res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).end(png);
    const html = pages.get(path);
    if (html) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  let n = 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    other: `http://localhost:${port}`,
    image(png) {
      const path = `/qr-test/img/${++n}.png`;
      images.set(path, png);
      return path;
    },
    page(name, body, head = '') {
      const path = `/qr-test/${name}-${++n}.html`;
      pages.set(
        path,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>${head}</head>` +
          `<body style="margin:0;padding:16px;font:16px sans-serif"><h1 style="font-size:20px;margin:0 0 12px">Set up two-step verification</h1>` +
          `<script>window.__waits = [];</script>${body}${READY}</body></html>`,
      );
      return `http://127.0.0.1:${port}${path}`;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** A script that loads `src` into an Image (not in the DOM) and draws it into canvas #id. */
export function drawIntoCanvas(id: string, src: string): string {
  return `<canvas id="${id}" width="10" height="10"></canvas><script>window.__waits.push(new Promise((done) => {
  const i = new Image();
  i.onload = () => { const c = document.getElementById(${JSON.stringify(id)}); c.width = i.naturalWidth; c.height = i.naturalHeight; c.getContext('2d').drawImage(i, 0, 0); done(); };
  i.onerror = done;
  i.src = ${JSON.stringify(src)};
}));</script>`;
}

/** A host element with an open shadow root holding `inner` (its <img>s waited for). */
export function inShadowRoot(inner: string): string {
  return `<div id="host"></div><script>{
  const root = document.getElementById('host').attachShadow({ mode: 'open' });
  root.innerHTML = ${JSON.stringify(inner)};
  for (const img of root.querySelectorAll('img')) window.__waits.push(img.decode().catch(() => undefined));
}</script>`;
}

/** Waits until a background image is loaded, so the scan never races it. */
export function preload(src: string): string {
  return `<script>window.__waits.push(new Promise((done) => { const i = new Image(); i.onload = i.onerror = done; i.src = ${JSON.stringify(src)}; }));</script>`;
}
