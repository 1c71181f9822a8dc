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
