// tests/fixtures/qr/make-fixtures.mjs writes PNGs that hold exactly what its manifest says:
// each file is decoded here the way the background decodes a fetched image (transparent
// pixels shown on white).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImageData } from '../../../lib/qr/decode';
import { classifyQrText } from '../../../lib/qr/classify';
import { decodePng, loadZxingFromNodeModules } from './helpers';

let dir = '';
let manifest: Record<string, { texts: string[]; kinds: string[]; accounts?: number }> = {};

beforeAll(async () => {
  await loadZxingFromNodeModules();
  dir = await mkdtemp(join(tmpdir(), 'qr-fixtures-'));
  const script = join(import.meta.dirname, '../../fixtures/qr/make-fixtures.mjs');
  await promisify(execFile)(process.execPath, [script, dir]);
  manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
}, 60_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('make-fixtures.mjs', () => {
  it('writes the fixtures the E2E pages need', () => {
    for (const f of ['totp.png', 'totp-inverted.png', 'totp-tiny.png', 'migration-10.png', 'malformed-otpauth.png', 'https-url.png', 'two-codes.png', 'totp.svg']) {
      expect(manifest[f], f).toBeDefined();
    }
    expect(manifest['migration-10.png']?.accounts).toBe(10);
  });

  it('each PNG decodes to exactly the texts (and kinds) of its manifest entry', async () => {
    for (const [file, entry] of Object.entries(manifest)) {
      if (!file.endsWith('.png')) continue;
      const img = decodePng(new Uint8Array(await readFile(join(dir, file))));
      for (let i = 0; i < img.data.length; i += 4) {
        const a = img.data[i + 3]! / 255;
        for (let k = 0; k < 3; k++) img.data[i + k] = img.data[i + k]! * a + 255 * (1 - a);
        img.data[i + 3] = 255;
      }
      const texts = await decodeImageData(img);
      expect([...texts].sort(), file).toEqual([...entry.texts].sort());
      expect(entry.texts.map(classifyQrText), file).toEqual(entry.kinds);
    }
  });
});
