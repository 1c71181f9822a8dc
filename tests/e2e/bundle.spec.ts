// The always-injected content script stays small and free of secrets' machinery (issue 4):
// at most 8 KB minified and gzipped, and no crypto, KDF or QR decoder in it. Sizes are
// deterministic for a given build, so this is a real limit, not a timing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, EXTENSION_DIR } from './extension';

test('the content script is at most 8 KB gzipped and carries no crypto or QR code', () => {
  const source = readFileSync(join(EXTENSION_DIR, 'content-scripts/content.js'));
  expect(gzipSync(source, { level: 9 }).length).toBeLessThanOrEqual(8 * 1024);
  const text = source.toString('utf8');
  for (const marker of ['xchacha', 'poly1305', 'argon2', 'zxing', 'jsQR', 'otpauth-migration', 'vaultKey']) expect(text).not.toContain(marker);
});

test('both builds carry the icon set: the manifest names every size and each file is a PNG of that size', () => {
  for (const dir of [EXTENSION_DIR, join(EXTENSION_DIR, '../firefox-mv3')]) {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { icons?: Record<string, string>; action?: { default_icon?: Record<string, string> } };
    for (const size of ['16', '32', '48', '128']) {
      for (const path of [manifest.icons?.[size], manifest.action?.default_icon?.[size]]) {
        expect(path, `${dir}: icon ${size}`).toBeTruthy();
        const png = readFileSync(join(dir, path!));
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        // IHDR width and height (PNG §11.2.2), big-endian at bytes 16 and 20.
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
      }
    }
  }
});

/** Every file a module statically imports, transitively (`from"./x.js"` as the minified build writes it). */
function staticGraph(dir: string, entry: string): string[] {
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
      const next = join(file, '..', m[1]!);
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return [...seen];
}

// Issue 14: what the worker does not load to start. The QR decoders load when a scan needs them;
// the argon2id engines, the import parsers, the backup format and the sync engine with its
// backends are the deferred parts (lib/deferred/), loaded by the first message that needs them.
// Each marker is checked to be in the build at all, so that a renamed identifier cannot make the
// test pass by itself.
const DEFERRED_MARKERS = ['PROPFIND', 'MKCOL', 'pbkdf2', 'blake2b', 'WebAssembly'];
const DECODER_MARKERS = ['jsQR', 'zxing_reader', 'inversionAttempts'];

test('the worker starts without the QR decoders, the KDF, the import parsers or the sync engine (issue 14)', () => {
  const chrome = EXTENSION_DIR;
  const firefox = join(EXTENSION_DIR, '../firefox-mv3');
  const background = (dir: string) => (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { background: Record<string, unknown> }).background;
  // Chrome: a classic worker (it importScripts() the deferred parts); Firefox: an ES module page.
  expect(background(chrome)).toEqual({ service_worker: 'background.js' });
  expect(background(firefox)).toMatchObject({ type: 'module', scripts: ['background.js'] });
  for (const dir of [chrome, firefox]) {
    const start = staticGraph(dir, 'background.js');
    const startText = start.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    const rest = readdirSync(join(dir, 'chunks')).map((f) => `chunks/${f}`).concat(readdirSync(dir).filter((f) => f.endsWith('.js')));
    const restText = rest.filter((f) => !start.includes(f)).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    for (const marker of [...DEFERRED_MARKERS, ...DECODER_MARKERS]) {
      expect(startText, `${dir}: ${marker} in the worker's start`).not.toContain(marker);
      expect(restText, `${dir}: ${marker} nowhere in the build`).toContain(marker);
    }
  }
  // Chrome's copy of the parts is one classic script that the worker can importScripts().
  const parts = readFileSync(join(chrome, 'deferred-parts.js'), 'utf8');
  for (const marker of DEFERRED_MARKERS) expect(parts, marker).toContain(marker);
  expect(parts).not.toMatch(/^\s*(?:import|export)\b/m);
});
