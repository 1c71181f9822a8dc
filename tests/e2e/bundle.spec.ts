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
