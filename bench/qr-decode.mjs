// QR decoder candidates side by side, in Node, on the same synthetic images: jsQR 1.4 (pure JS)
// and zxing-wasm 3 (ZXing-C++ as WebAssembly, its wasm read from node_modules, never a CDN).
// Images come from tests/fixtures/qr/synth.ts: whole page-like frames (1280×720, 1920×1080,
// 3840×2160), crops around a code, small codes (2–3 px per module), a dense ~600-character
// otpauth-migration URI, inverted codes (light on dark), two codes in one frame, and frames with
// no code at all (a decoder must then find nothing).
// Also lib/qr/decode.ts's decodeImageData (loaded through Vite, as the extension builds it) with
// each engine: the chosen strategy, and jsQR with the extra passes it gets as the fallback.
// Prints, per image class and decoder, the median time per image and how many images were read
// completely (every expected text and nothing else). Nothing is asserted. Results: docs/qr.md.
//
//   node bench/qr-decode.mjs [runs] [--detail] [--raw-only]   (default 7 runs per image, after one warm-up)
import os from 'node:os';
import { readFile } from 'node:fs/promises';
import jsQR from 'jsqr';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { createServer } from 'vite';
import * as S from '../tests/fixtures/qr/synth.ts';

const runs = Math.max(1, Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 7));
const withLib = !process.argv.includes('--raw-only');

const wasmBinary = (await readFile(new URL('../node_modules/zxing-wasm/dist/reader/zxing_reader.wasm', import.meta.url))).buffer;
const t0 = performance.now();
await prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
const zxingInit = performance.now() - t0;

const totp = S.TOTP_URI;
const totp2 = 'otpauth://totp/GitHub:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=GitHub';
const dense = S.migrationUriOfLength(600);
const denseSize = S.qrMatrix(dense).size;

/** A code drawn at (x, y) in a frame, and the same region cut out with a margin (a "crop"). */
function framed(w, h, spec, seed, dark = false) {
  return S.frame(w, h, [spec], seed, dark);
}
function cropOf(spec, seed, dark = false, margin = 16) {
  const side = S.codeSidePx(spec.text, spec.modulePx, spec.ecl);
  const f = S.frame(side + 2 * margin + 40, side + 2 * margin + 40, [{ ...spec, x: margin + 20, y: margin + 20 }], seed, dark);
  return S.crop(f, 20, 20, side + 2 * margin, side + 2 * margin);
}

const classes = [];
const add = (name, label, img, expect) => {
  let c = classes.find((k) => k.name === name);
  if (!c) classes.push((c = { name, images: [] }));
  c.images.push({ label, img, expect });
};

for (const [w, h, px] of [[1280, 720, 4], [1920, 1080, 5], [3840, 2160, 8]]) {
  const name = `frame ${w}×${h}`;
  add(name, `${px} px/module, left`, framed(w, h, { text: totp, x: Math.round(w * 0.1), y: Math.round(h * 0.2), modulePx: px }, 1), [totp]);
  add(name, `${px} px/module, centre`, framed(w, h, { text: totp, x: Math.round(w * 0.42), y: Math.round(h * 0.3), modulePx: px }, 2), [totp]);
  add(name, `${px / 2} px/module, right`, framed(w, h, { text: totp, x: Math.round(w * 0.7), y: Math.round(h * 0.15), modulePx: px / 2 }, 3), [totp]);
}
for (const px of [3, 4, 6, 10]) add('crop', `${px} px/module`, cropOf({ text: totp, modulePx: px }, 4), [totp]);
for (const px of [2, 2.5, 3]) {
  add('small', `crop ${px} px/module`, cropOf({ text: totp, modulePx: px }, 5), [totp]);
  add('small', `1080p frame ${px} px/module`, framed(1920, 1080, { text: totp, x: 900, y: 400, modulePx: px }, 6), [totp]);
}
const px150 = 150 / (denseSize + 8);
for (const px of [px150, 2, 2.5, 3, 4]) {
  const label = px === px150 ? `150 px wide (${px.toFixed(2)} px/module)` : `${px} px/module`;
  add('dense', `crop ${label}`, cropOf({ text: dense, modulePx: px }, 7), [dense]);
  add('dense', `1080p frame ${label}`, framed(1920, 1080, { text: dense, x: 300, y: 350, modulePx: px }, 8), [dense]);
}
for (const px of [3, 4, 6]) {
  add('inverted', `crop ${px} px/module`, cropOf({ text: totp, modulePx: px, invert: true }, 9, true), [totp]);
  add('inverted', `1080p dark frame ${px} px/module`, framed(1920, 1080, { text: totp, x: 600, y: 300, modulePx: px, invert: true }, 10, true), [totp]);
}
for (const px of [3, 5]) {
  add('two codes', `1080p ${px} px/module`, S.frame(1920, 1080, [
    { text: totp, x: 300, y: 300, modulePx: px },
    { text: totp2, x: 1100, y: 300, modulePx: px },
  ], 11), [totp, totp2]);
}
add('two codes', 'side by side, 4 px/module', (() => {
  const a = S.codeSidePx(totp, 4);
  const b = S.codeSidePx(totp2, 4);
  const img = S.blank(a + b, Math.max(a, b), 250);
  S.drawCode(img, { text: totp, x: 0, y: 0, modulePx: 4 });
  S.drawCode(img, { text: totp2, x: a, y: 0, modulePx: 4 });
  return img;
})(), [totp, totp2]);
for (const [w, h] of [[1280, 720], [1920, 1080], [3840, 2160]]) add('none', `${w}×${h} page`, S.pageBackground(w, h, 12), []);
add('none', 'random noise 400×400', (() => {
  const r = S.prng(13);
  const img = S.blank(400, 400);
  for (let i = 0; i < img.data.length; i += 4) img.data[i] = img.data[i + 1] = img.data[i + 2] = r() < 0.5 ? 0 : 255;
  return img;
})(), []);

const decoders = [
  {
    name: 'jsQR',
    // inversionAttempts 'attemptBoth' is jsQR's default: it also tries the inverted image.
    decode: async (img) => {
      const r = jsQR(img.data, img.width, img.height);
      return r ? [r.data] : [];
    },
  },
  {
    name: 'zxing-wasm',
    // Defaults: tryHarder, tryRotate, tryInvert, tryDownscale; QR Code only.
    decode: async (img) => (await readBarcodes(img, { formats: ['QRCode'] })).filter((r) => r.isValid).map((r) => r.text),
  },
];

// lib/qr/decode.ts as TypeScript through Vite's SSR loader (the same module graph the build uses).
let vite;
if (withLib) {
  const root = new URL('..', import.meta.url).pathname;
  vite = await createServer({
    configFile: false, root, logLevel: 'silent', publicDir: false, appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false }, optimizeDeps: { noDiscovery: true, include: [] },
  });
  const z = await vite.ssrLoadModule('/lib/qr/zxing-reader.ts');
  await z.useZxingWasm({ wasmBinary });
  const { decodeImageData } = await vite.ssrLoadModule('/lib/qr/decode.ts');
  decoders.push(
    { name: 'lib (zxing)', decode: (img) => decodeImageData(img) },
    { name: 'lib (jsQR)', decode: (img) => decodeImageData(img, { engines: ['jsqr'] }) },
  );
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const same = (got, want) => new Set(got).size === want.length && want.every((t) => got.includes(t));

console.log(`QR decode benchmark: Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${runs} runs`);
console.log(`zxing-wasm module init (compile + instantiate the wasm): ${zxingInit.toFixed(1)} ms`);
console.log(`dense code: ${dense.length} characters, version ${(denseSize - 17) / 4} (${denseSize} modules), EC level M\n`);

const rows = [];
for (const cls of classes) {
  for (const d of decoders) {
    let ok = 0;
    const times = [];
    const detail = [];
    for (const { label, img, expect } of cls.images) {
      await d.decode(img); // warm-up
      const ts = [];
      let got = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        got = await d.decode(img);
        ts.push(performance.now() - t);
      }
      const good = same(got, expect);
      if (good) ok++;
      times.push(median(ts));
      detail.push(`${good ? '✓' : '✗'} ${label} ${median(ts).toFixed(1)} ms`);
    }
    rows.push({ cls: cls.name, decoder: d.name, ok: `${ok}/${cls.images.length}`, median: median(times), min: Math.min(...times), max: Math.max(...times), detail });
  }
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad('class', 20)}${pad('decoder', 14)}${pad('read', 7)}${pad('median ms', 11)}range ms`);
for (const r of rows) {
  console.log(`${pad(r.cls, 20)}${pad(r.decoder, 14)}${pad(r.ok, 7)}${pad(r.median.toFixed(1), 11)}${r.min.toFixed(1)}–${r.max.toFixed(1)}`);
}
if (process.argv.includes('--detail')) {
  for (const r of rows) console.log(`\n${r.cls} / ${r.decoder}\n  ${r.detail.join('\n  ')}`);
}
await vite?.close();
