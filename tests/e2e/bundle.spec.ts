// The always-injected content script stays small and free of secrets' machinery (issue 4):
// at most 8 KB minified and gzipped, and no crypto, KDF or QR decoder in it. Sizes are
// deterministic for a given build, so this is a real limit, not a timing.
import { readFileSync } from 'node:fs';
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

test('the worker starts without the QR decoders (issue 14): they load only when a scan needs them', () => {
  for (const dir of [EXTENSION_DIR, join(EXTENSION_DIR, '../firefox-mv3')]) {
    const files = staticGraph(dir, 'background.js');
    expect(files.length).toBeGreaterThan(1);
    const text = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    // jsQR's and ZXing's own identifiers, and our decoder modules' strings.
    for (const marker of ['jsQR', 'zxing_reader', 'ZXing', 'inversionAttempts']) expect(text, `${dir}: ${marker}`).not.toContain(marker);
  }
});
