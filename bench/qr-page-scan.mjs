// Page scan end to end in Chromium, without the rest of the extension: builds a throwaway MV3
// extension (in node_modules/.cache) from the real entrypoints/qr-scanner.ts and a background
// that does what docs/qr.md tells the background to do (inject the scanner into all frames,
// decodeFrameScans, and the capture fallback with decodeDataUrl), loads it in headless
// Chromium with Playwright, and scans a page holding every candidate kind: <img> (data URL,
// cross-origin, tiny, inverted, two codes, a 10-account export, srcset 2x), <canvas>, inline
// <svg>, CSS backgrounds (same- and cross-origin), an open shadow root, a cross-origin <iframe>.
// Prints the medians of injection + collection, decoding, and a capture + decode; nothing is
// asserted (the E2E suite checks results). Results: docs/qr.md.
//
//   node bench/qr-page-scan.mjs [runs]     (default 7; Chromium at /usr/lib/chromium/chromium or $CHROMIUM)
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright';
import * as QRCode from 'qrcode';
import { build } from 'wxt';
import * as S from '../tests/fixtures/qr/synth.ts';

const runs = Math.max(1, Number(process.argv[2] ?? 7));
const root = resolve(new URL('..', import.meta.url).pathname);
const work = join(root, 'node_modules/.cache/qr-page-scan');
const executablePath = process.env.CHROMIUM ?? '/usr/lib/chromium/chromium';

// ---- a throwaway extension: the real scanner and lib/, a bench background ----
await rm(work, { recursive: true, force: true });
await mkdir(join(work, 'entrypoints'), { recursive: true });
await symlink(join(root, 'lib'), join(work, 'lib'));
await symlink(join(root, 'entrypoints/qr-scanner.ts'), join(work, 'entrypoints/qr-scanner.ts'));
await writeFile(join(work, 'package.json'), JSON.stringify({ name: 'qr-page-scan-bench', version: '0.0.0', private: true, type: 'module' }));
await writeFile(
  join(work, 'entrypoints/background.ts'),
  `import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { decodeFrameScans } from '../lib/qr/page-scan';
import { withCaptureRetry } from '../lib/qr/capture';
import { decodeBlob, decodeDataUrl } from '../lib/qr/decode-picture';
export default defineBackground({ type: 'module', main() {
  (globalThis as any).bench = {
    async scan(tabId: number) {
      const t0 = performance.now();
      const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['/qr-scanner.js'] });
      const t1 = performance.now();
      const texts = await decodeFrameScans(results.map((r) => r.result), { decode: (b) => decodeBlob(b) });
      return { texts, inject: t1 - t0, decode: performance.now() - t1 };
    },
    async capture(windowId: number) {
      const t0 = performance.now();
      const url = await withCaptureRetry(() => browser.tabs.captureVisibleTab(windowId, { format: 'png' }));
      const t1 = performance.now();
      const texts = await decodeDataUrl(url);
      return { texts, capture: t1 - t0, decode: performance.now() - t1 };
    },
  };
} });
`,
);
await build({
  root: work,
  logLevel: 'silent',
  manifest: {
    name: 'qr page scan bench',
    permissions: ['scripting', 'tabs', 'activeTab'],
    host_permissions: ['<all_urls>'],
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
  },
});
const ext = join(work, '.output/chrome-mv3');

// ---- two origins: the page, and a cross-origin host for images and the frame ----
const T = (name) => `otpauth://totp/Bench:${name}?secret=JBSWY3DPEHPK3PXP&issuer=Bench`;
const migration = S.migrationUri(S.sampleAccounts(10));
function png(q) {
  const t = q.get('t');
  const px = Number(q.get('px') ?? 4);
  if (q.get('t2')) {
    const a = S.codeSidePx(t, px);
    const b = S.codeSidePx(q.get('t2'), px);
    const img = S.blank(a + b, Math.max(a, b), 255);
    S.drawCode(img, { text: t, x: 0, y: 0, modulePx: px });
    S.drawCode(img, { text: q.get('t2'), x: a, y: 0, modulePx: px });
    return S.encodePng(img);
  }
  return S.encodePng(S.codeImage(t, px, { invert: q.get('inv') === '1' }));
}
const src = (origin, text, extra = '') => `${origin}/qr.png?t=${encodeURIComponent(text)}${extra}`;
const svg = (await QRCode.toString(T('svg'), { type: 'svg', margin: 4 })).replace('<svg ', '<svg style="width:130px;height:130px" ');
const servers = [];
const listen = (handler) =>
  new Promise((done) => {
    const s = http.createServer(handler).listen(0, '127.0.0.1', () => done(s));
    servers.push(s);
  });
let other = '';
const handler = (req, res) => {
  const u = new URL(req.url, 'http://x');
  if (u.pathname === '/qr.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(png(u.searchParams));
  if (u.pathname === '/frame') return res.writeHead(200, { 'content-type': 'text/html' }).end(`<img src="${src('', T('frame'), '&px=6')}" width="200">`);
  if (u.pathname !== '/') return res.writeHead(404).end();
  const dataUrl = `data:image/png;base64,${Buffer.from(png(new URLSearchParams({ t: T('data-url') }))).toString('base64')}`;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><body style="margin:0"><h1>Set up 2-step verification</h1>
<img src="${dataUrl}" width="180"><img src="${src(other, T('cross-origin'))}" width="180">
<img src="${src('', T('tiny'), '&px=2')}"><img src="${src('', T('inverted'), '&inv=1')}" width="150">
<img src="${src('', T('two-a'), `&t2=${encodeURIComponent(T('two-b'))}`)}"><img src="${src('', migration, '&px=3')}">
<img src="${src('', T('1x'), '&px=2')}" srcset="${src('', T('2x'), '&px=4').replace(/&/g, '&amp;')} 2x" width="150">
<canvas id="c"></canvas>${svg}
<div style="width:200px;height:200px;background:url('${src('', T('css'))}') center/contain no-repeat"></div>
<div style="width:200px;height:200px;background:url('${src(other, T('css-cross-origin'))}') center/contain no-repeat"></div>
<div id="host"></div><iframe src="${other}/frame" width="300" height="300"></iframe>
<script>
  document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<img src="${src('', T('shadow'))}" width="160">';
  const i = new Image(); i.onload = () => { const c = document.getElementById('c'); c.width = i.width; c.height = i.height; c.getContext('2d').drawImage(i, 0, 0); };
  i.src = '${src('', T('canvas'))}';
</script></body>`);
};
const pageServer = await listen(handler);
const otherServer = await listen(handler);
other = `http://localhost:${otherServer.address().port}`; // another origin: the host differs
const pageUrl = `http://127.0.0.1:${pageServer.address().port}/`;
const expected = ['data-url', 'cross-origin', 'tiny', 'inverted', 'two-a', 'two-b', '1x', 'canvas', 'svg', 'css', 'css-cross-origin', 'shadow', 'frame'].map(T).concat(migration);

// ---- Chromium ----
const ctx = await chromium.launchPersistentContext(join(work, 'profile'), {
  executablePath,
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
const page = await ctx.newPage();
await page.goto(pageUrl);
await page.waitForLoadState('networkidle');
const tab = await sw.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url), pageUrl);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const scans = [];
for (let i = 0; i <= runs; i++) scans.push(await sw.evaluate((id) => globalThis.bench.scan(id), tab.id));
const captures = [];
for (let i = 0; i <= runs; i++) {
  // Chrome allows 2 captures a second: keep under it so no retry wait is timed.
  await page.waitForTimeout(600);
  captures.push(await sw.evaluate((w) => globalThis.bench.capture(w), tab.windowId));
}
const [cold, ...warm] = scans;
const [coldCapture, ...warmCaptures] = captures;

console.log(`Page scan in Chromium (${executablePath}), headless, 1280×800, ${runs} warm runs after a cold one`);
// decodeFrameScans answers { text, sources } per code (issue 11): compare the texts.
const missing = expected.filter((t) => !warm.every((s) => s.texts.some((f) => f.text === t)));
console.log(`codes on the page (frame included): ${expected.length}; found per scan: ${scans.map((s) => s.texts.length).join(', ')}; missed: ${missing.length ? missing.join(' ') : 'none'}`);
console.log(`cold (first scan, wasm compiled):  inject+collect ${cold.inject.toFixed(0)} ms, decode ${cold.decode.toFixed(0)} ms`);
console.log(`warm medians:                      inject+collect ${median(warm.map((s) => s.inject)).toFixed(0)} ms, decode ${median(warm.map((s) => s.decode)).toFixed(0)} ms, total ${median(warm.map((s) => s.inject + s.decode)).toFixed(0)} ms`);
console.log(`capture fallback (visible part):   first ${coldCapture.capture.toFixed(0)} + ${coldCapture.decode.toFixed(0)} ms; medians capture ${median(warmCaptures.map((c) => c.capture)).toFixed(0)} ms, decode ${median(warmCaptures.map((c) => c.decode)).toFixed(0)} ms, ${warmCaptures[0]?.texts.length} codes`);
await ctx.close();
for (const s of servers) s.close();
await rm(work, { recursive: true, force: true });
