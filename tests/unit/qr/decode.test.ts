// lib/qr/decode.ts on synthetic images of each class the issue names: plain, inverted, small
// (2 px per module), dense (a ~600-character Google Authenticator export), two codes in one
// image, codes in a page-like frame, and images with no code at all. Both engines are tried:
// ZXing (the default) and jsQR (the fallback where WebAssembly is refused).
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImageData, type QrEngine } from '../../../lib/qr/decode';
import * as S from '../../fixtures/qr/synth';
import { loadZxingFromNodeModules } from './helpers';

const totp = S.TOTP_URI;
const hotp = 'otpauth://hotp/ACME:carol?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME&counter=7';
const dense = S.migrationUriOfLength(600);

function sideBySide(a: string, b: string, px: number): S.Rgba {
  const wa = S.codeSidePx(a, px);
  const wb = S.codeSidePx(b, px);
  const img = S.blank(wa + wb, Math.max(wa, wb), 250);
  S.drawCode(img, { text: a, x: 0, y: 0, modulePx: px });
  S.drawCode(img, { text: b, x: wa, y: 0, modulePx: px });
  return img;
}

beforeAll(loadZxingFromNodeModules);

describe.each<[string, QrEngine[]]>([
  ['zxing-wasm', ['zxing']],
  ['jsQR', ['jsqr']],
])('decodeImageData with %s', (_name, engines) => {
  it('reads a plain code', async () => {
    expect(await decodeImageData(S.codeImage(totp, 4), { engines })).toEqual([totp]);
  });

  it('reads an inverted code (light modules on dark)', async () => {
    expect(await decodeImageData(S.codeImage(totp, 4, { invert: true }), { engines })).toEqual([totp]);
  });

  it('reads a small code at 2 px per module', async () => {
    expect(await decodeImageData(S.codeImage(totp, 2), { engines })).toEqual([totp]);
  });

  it('reads a dense ~600-character migration code at 2 px per module', async () => {
    expect(dense.length).toBeGreaterThanOrEqual(600);
    expect(await decodeImageData(S.codeImage(dense, 2), { engines })).toEqual([dense]);
  });

  it('reads two codes side by side, each once', async () => {
    const texts = await decodeImageData(sideBySide(totp, hotp, 4), { engines });
    expect([...texts].sort()).toEqual([hotp, totp].sort());
  });

  it('reads a code placed in a page-like 1280×720 frame', async () => {
    const img = S.frame(1280, 720, [{ text: totp, x: 700, y: 200, modulePx: 4 }], 3);
    expect(await decodeImageData(img, { engines })).toEqual([totp]);
  });

  it('finds nothing in a page without a code, nor in noise', async () => {
    expect(await decodeImageData(S.pageBackground(640, 480, 5), { engines })).toEqual([]);
    const rnd = S.prng(9);
    const noise = S.blank(300, 300);
    for (let i = 0; i < noise.data.length; i += 4) noise.data[i] = noise.data[i + 1] = noise.data[i + 2] = rnd() < 0.5 ? 0 : 255;
    expect(await decodeImageData(noise, { engines })).toEqual([]);
  });

  it('finds nothing in a blank image', async () => {
    expect(await decodeImageData(S.blank(64, 64), { engines })).toEqual([]);
  });
});

describe('decodeImageData (zxing-wasm, default engines)', () => {
  it('reads a dense code drawn 150 px wide (under 1.6 px per module), which jsQR cannot', async () => {
    const px = 150 / (S.qrMatrix(dense).size + 8);
    expect(px).toBeLessThan(1.6);
    const img = S.codeImage(dense, px);
    expect(await decodeImageData(img)).toEqual([dense]);
    expect(await decodeImageData(img, { engines: ['jsqr'] })).toEqual([]);
  });

  it('reads a code at 1.4 px per module only thanks to the 2× upscale pass', async () => {
    const img = S.codeImage(dense, 1.4);
    expect(await decodeImageData(img, { upscale: false })).toEqual([]);
    expect(await decodeImageData(img)).toEqual([dense]);
  });

  it('finds a tiny code in a 1600×900 frame with the tile pass, and keeps text exactly (UTF-8)', async () => {
    const text = 'otpauth://totp/例え:山田?secret=JBSWY3DPEHPK3PXP&issuer=例え';
    const img = S.frame(1600, 900, [{ text, x: 1020, y: 610, modulePx: 1.4 }], 4);
    expect(await decodeImageData(img)).toEqual([]);
    expect(await decodeImageData(img, { tiles: true })).toEqual([text]);
  });

  it('reads two codes in a 1920×1080 frame', async () => {
    const img = S.frame(1920, 1080, [
      { text: totp, x: 200, y: 300, modulePx: 3 },
      { text: hotp, x: 1200, y: 300, modulePx: 5, invert: false },
    ], 6);
    expect([...(await decodeImageData(img))].sort()).toEqual([hotp, totp].sort());
  });

  it('rejects what is not an RGBA buffer', async () => {
    await expect(decodeImageData({ data: new Uint8ClampedArray(3), width: 1, height: 1 })).rejects.toThrow(TypeError);
    await expect(decodeImageData({ data: new Uint8ClampedArray(16), width: 0, height: 4 } as never)).rejects.toThrow(TypeError);
  });
});
