// Bundle size each QR piece adds, measured by building small entry files with Vite (the
// extension's bundler, minified, assets emitted as files) into node_modules/.cache: jsQR alone,
// zxing-wasm's reader glue alone (+ its wasm file), lib/qr/decode.ts (both decoders and the
// strategy), the background's page-scan side, and the two scripts injected into pages.
// Prints raw and gzip sizes; nothing is asserted. Results: docs/qr.md.
//
//   node bench/qr-bundle.mjs
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = resolve(new URL('..', import.meta.url).pathname);
// Inside node_modules/.cache so bare imports resolve from the project's node_modules.
await mkdir(join(root, 'node_modules/.cache'), { recursive: true });
const work = await mkdtemp(join(root, 'node_modules/.cache/qr-bundle-'));

const entries = {
  'jsqr-only': `import jsQR from 'jsqr'; globalThis.keep = jsQR;`,
  'zxing-glue-only': `import { readBarcodes } from 'zxing-wasm/reader'; import u from 'zxing-wasm/reader/zxing_reader.wasm?url'; globalThis.keep = [readBarcodes, u];`,
  'lib-qr-decode': `import { decodeImageData } from '${root}/lib/qr/decode.ts'; globalThis.keep = decodeImageData;`,
  'background-side (page-scan + capture + classify)': `import * as a from '${root}/lib/qr/page-scan.ts'; import * as b from '${root}/lib/qr/capture.ts'; import * as c from '${root}/lib/qr/classify.ts'; globalThis.keep = [a, b, c];`,
  'page-side scanner (candidates + frame-scan)': `import * as a from '${root}/lib/qr/candidates.ts'; import * as b from '${root}/lib/qr/frame-scan.ts'; globalThis.keep = [a, b];`,
};

const sizeOf = async (file) => {
  const bytes = await readFile(file);
  return { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

console.log('QR bundle sizes (Vite production build, minified; gzip -9 for reference)\n');
console.log(`${'entry'.padEnd(52)}${'JS raw'.padEnd(12)}${'JS gzip'.padEnd(12)}assets`);
for (const [name, code] of Object.entries(entries)) {
  const dir = join(work, name.replace(/\W+/g, '-'));
  const entry = join(work, `${name.replace(/\W+/g, '-')}.js`);
  await writeFile(entry, code);
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    publicDir: false,
    build: { outDir: dir, emptyOutDir: true, minify: true, assetsInlineLimit: 0, rollupOptions: { input: entry, output: { entryFileNames: 'entry.js' } } },
  });
  const js = await sizeOf(join(dir, 'entry.js'));
  const assets = [];
  for (const f of await readdir(dir, { recursive: true })) {
    const p = join(dir, f);
    if ((await stat(p)).isFile() && !f.endsWith('.js')) {
      const s = await sizeOf(p);
      assets.push(`${f} ${kb(s.raw)} (gzip ${kb(s.gz)})`);
    }
  }
  console.log(`${name.padEnd(52)}${kb(js.raw).padEnd(12)}${kb(js.gz).padEnd(12)}${assets.join(', ') || '—'}`);
}
await rm(work, { recursive: true, force: true });
