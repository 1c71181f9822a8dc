// Screen-capture frames (issue 16): lib/qr/screen-frames.ts's quick pass (every frame) and deep
// pass (once per still picture) on generated captures of the sizes a shared screen has — 1080p,
// 2560 × 1440, 4K (a HiDPI screen at its physical pixels), 5760 × 1080 (three monitors) and
// 7680 × 2160 (two 4K monitors) — with no code, a code at 2.5 px per module, and a Google
// Authenticator export in six codes. zxing-wasm from node_modules, lib code through Vite's SSR
// loader (as bench/qr-decode.mjs). Prints medians and whether every code was read; asserts
// nothing. Results: docs/qr.md ("Scanning the screen") and docs/benchmarks.md.
//
//   node bench/qr-screen.mjs [runs]   (default 5 runs per image, after one warm-up)
import { readFile } from 'node:fs/promises';
import { createServer } from 'vite';
import * as S from '../tests/fixtures/qr/synth.ts';

const runs = Math.max(1, Number(process.argv[2] ?? 5));
const root = new URL('..', import.meta.url).pathname;
const vite = await createServer({
  configFile: false, root, logLevel: 'silent', publicDir: false, appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false }, optimizeDeps: { noDiscovery: true, include: [] },
});
const wasmBinary = (await readFile(new URL('../node_modules/zxing-wasm/dist/reader/zxing_reader.wasm', import.meta.url))).buffer;
await (await vite.ssrLoadModule('/lib/qr/zxing-reader.ts')).useZxingWasm({ wasmBinary });
const { decodeScreenFrame } = await vite.ssrLoadModule('/lib/qr/screen-frames.ts');

const otp = S.TOTP_URI;
const batches = Array.from({ length: 6 }, (_, i) => S.migrationUri(S.sampleAccounts(8, 100 + i), { size: 6, index: i, id: 42 }));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const cases = [];
for (const [w, h] of [[1920, 1080], [2560, 1440], [3840, 2160], [5760, 1080], [7680, 2160]]) {
  cases.push({ name: `${w}×${h} no code`, img: S.frame(w, h, [], 3), expect: [] });
  cases.push({ name: `${w}×${h} one code 2.5 px/module`, img: S.frame(w, h, [{ text: otp, x: w - 600, y: h - 400, modulePx: 2.5 }], 3), expect: [otp] });
  if (w >= 2560) {
    const side = S.codeSidePx(batches[0], 3);
    const specs = batches.map((text, i) => ({ text, x: 60 + (i % 3) * (side + 40), y: 140 + Math.floor(i / 3) * (side + 40), modulePx: 3 }));
    cases.push({ name: `${w}×${h} export in 6 codes, 3 px/module`, img: S.frame(w, h, specs, 9), expect: batches });
  }
}

console.log('frame | quick ms (read) | deep ms (read)');
for (const c of cases) {
  const row = [c.name];
  for (const deep of [false, true]) {
    // The deep pass only runs when the quick one found nothing: time it alone on the same frame.
    let got = await decodeScreenFrame(c.img, { deep });
    const times = [];
    for (let i = 0; i < (deep ? Math.min(runs, 3) : runs); i++) {
      const t = performance.now();
      got = await decodeScreenFrame(c.img, { deep });
      times.push(performance.now() - t);
    }
    const ok = got.length === c.expect.length && c.expect.every((e) => got.includes(e));
    row.push(`${median(times).toFixed(0)} (${ok ? 'all' : `${got.filter((g) => c.expect.includes(g)).length}/${c.expect.length}`})`);
  }
  console.log(row.join(' | '));
}
await vite.close();
