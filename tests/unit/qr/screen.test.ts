// Screen-capture frames (issue 16): lib/qr/screen-frames.ts on generated captures of the sizes
// and content the issue names (HiDPI, several monitors, 2.5 px per module, several codes in one
// window), and lib/qr/screen.ts's reading loop with a fake frame source.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as S from '../../fixtures/qr/synth';
import { decodeScreenFrame, frameSignature, panes } from '../../../lib/qr/screen-frames';
import { readScreen, screenComplete, type ScreenFrameSource } from '../../../lib/qr/screen';
import type { QrImage } from '../../../lib/qr/image';
import { loadZxingFromNodeModules } from './helpers';

beforeAll(loadZxingFromNodeModules);

const otp = (n: number) => `otpauth://totp/Screen:user${n}@example.com?secret=JBSWY3DPEHPK3PXP${'ABCDEFGH'[n % 8]}A&issuer=Screen`;

/** A Google Authenticator export of `size` batches of 8 accounts each (about 500 characters per code). */
function exportBatches(size: number, id = 42): string[] {
  return Array.from({ length: size }, (_, i) => S.migrationUri(S.sampleAccounts(8, 100 + i), { size, index: i, id }));
}

describe('panes', () => {
  it('covers the frame with overlapping panes no bigger than 1920 × 1200', () => {
    expect(panes(1280, 720)).toEqual([{ x: 0, y: 0, width: 1280, height: 720 }]);
    const p = panes(7680, 2160);
    for (const r of p) {
      expect(r.width).toBeLessThanOrEqual(1920);
      expect(r.height).toBeLessThanOrEqual(1200);
      expect(r.x + r.width).toBeLessThanOrEqual(7680);
      expect(r.y + r.height).toBeLessThanOrEqual(2160);
    }
    // Every 320 × 320 square lies whole inside some pane.
    for (let y = 0; y + 320 <= 2160; y += 97) {
      for (let x = 0; x + 320 <= 7680; x += 131) {
        expect(p.some((r) => r.x <= x && r.y <= y && r.x + r.width >= x + 320 && r.y + r.height >= y + 320), `${x},${y}`).toBe(true);
      }
    }
  });
});

describe('decodeScreenFrame', () => {
  it('reads a code at 2.5 px per module on a 1080p screen', async () => {
    const img = S.frame(1920, 1080, [{ text: S.TOTP_URI, x: 1400, y: 700, modulePx: 2.5 }], 3);
    expect(await decodeScreenFrame(img, { deep: true })).toEqual([S.TOTP_URI]);
  });

  it('reads a dense export code at 1.5 px per module on a 1080p screen only in the deep pass (upscaled tiles)', async () => {
    const dense = S.migrationUriOfLength(600);
    const img = S.frame(1920, 1080, [{ text: dense, x: 1220, y: 680, modulePx: 1.5 }], 3);
    expect(await decodeScreenFrame(img)).toEqual([]);
    expect(await decodeScreenFrame(img, { deep: true })).toEqual([dense]);
  });

  it('reads a dense export code at 2.5 px per module on a 4K (HiDPI) capture', async () => {
    const dense = S.migrationUriOfLength(600);
    const img = S.frame(3840, 2160, [{ text: dense, x: 3100, y: 1500, modulePx: 2.5 }], 5);
    expect(await decodeScreenFrame(img, { deep: true })).toEqual([dense]);
  });

  it('reads a code on the third monitor of a 5760 × 1080 capture of three screens', async () => {
    const img = S.frame(5760, 1080, [{ text: otp(3), x: 5000, y: 300, modulePx: 2.5 }], 7);
    expect(await decodeScreenFrame(img, { deep: true })).toEqual([otp(3)]);
  });

  it('reads a dense code at 2.5 px per module on an 8K-wide capture of two 4K monitors', async () => {
    const dense = S.migrationUriOfLength(600);
    const img = S.frame(7680, 2160, [{ text: dense, x: 6900, y: 1700, modulePx: 2.5 }], 8);
    expect(await decodeScreenFrame(img)).toEqual([dense]);
  });

  it('reads every code of a Google Authenticator export spread over a 2560 × 1440 window', async () => {
    const codes = exportBatches(6);
    const side = S.codeSidePx(codes[0]!, 3);
    const specs = codes.map((text, i) => ({ text, x: 60 + (i % 3) * (side + 40), y: 140 + Math.floor(i / 3) * (side + 40), modulePx: 3 }));
    const img = S.frame(2560, 1440, specs, 9);
    const texts = await decodeScreenFrame(img);
    expect(new Set(texts)).toEqual(new Set(codes));
    expect(screenComplete(texts)).toBe(true);
  });

  it('reads several different codes in one frame with jsQR alone (no WebAssembly), in the deep pass', async () => {
    const img = S.frame(1600, 900, [
      { text: otp(1), x: 100, y: 150, modulePx: 4 },
      { text: otp(2), x: 1100, y: 500, modulePx: 4 },
    ], 11);
    expect(new Set(await decodeScreenFrame(img, { deep: true, engines: ['jsqr'] }))).toEqual(new Set([otp(1), otp(2)]));
  });

  it('finds nothing on a screen without a code', async () => {
    expect(await decodeScreenFrame(S.frame(2560, 1440, [], 13), { deep: true })).toEqual([]);
  });
});

describe('frameSignature', () => {
  it('is stable for the same picture with encoding noise and changes with the content', () => {
    const a = S.frame(640, 400, [], 1);
    const noisy = { ...a, data: a.data.map((v, i) => (i % 4 === 3 ? v : v ^ 1)) as Uint8ClampedArray };
    expect(frameSignature(noisy)).toBe(frameSignature(a));
    expect(frameSignature(S.frame(640, 400, [{ text: otp(1), x: 100, y: 100, modulePx: 3 }], 1))).not.toBe(frameSignature(a));
  });
});

/** A source that plays `frames` in order (the last one again while asked), then ends if `end`. */
function source(frames: QrImage[], end = false): ScreenFrameSource & { calls: number } {
  const s = {
    calls: 0,
    async next() {
      const i = s.calls++;
      if (i < frames.length) return frames[i]!;
      return end ? null : frames[frames.length - 1]!;
    },
  };
  return s;
}

const tiny = (seed: number): QrImage => S.frame(64, 64, [], seed);

describe('readScreen', () => {
  it('stops at the first frame that completes the codes, and reads no frame after it', async () => {
    const blankFrame = tiny(1), withCode = tiny(2);
    const src = source([blankFrame, blankFrame, withCode, tiny(3)]);
    const decode = vi.fn(async (img: QrImage) => (img === withCode ? [otp(1)] : []));
    const r = await readScreen({ source: src, decode, minIntervalMs: 0 });
    expect(r).toEqual({ outcome: 'found', texts: [otp(1)], frames: 3 });
    expect(src.calls).toBe(3);
  });

  it('keeps reading while an export batch is missing, and joins the batches of several frames', async () => {
    const [b1, b2] = exportBatches(2);
    const f1 = tiny(1), f2 = tiny(2);
    const progress: unknown[] = [];
    const r = await readScreen({
      source: source([f1, f1, f2]),
      decode: async (img) => (img === f1 ? [b1!] : [b2!]),
      minIntervalMs: 0,
      onProgress: (p) => progress.push(p.missingBatches),
    });
    expect(r).toEqual({ outcome: 'found', texts: [b1, b2], frames: 3 });
    expect(progress[0]).toEqual([{ size: 2, missing: [2] }]);
  });

  it('asks for the deep pass once per still picture', async () => {
    const a = tiny(1), b = tiny(2);
    const calls: boolean[] = [];
    await readScreen({ source: source([a, a, a, b, b], true), decode: async (_img, { deep }) => (calls.push(deep), []), minIntervalMs: 0 });
    expect(calls).toEqual([false, true, false, false, true]);
  });

  it('cancels on abort (Esc) and gives nothing back, even what it had found', async () => {
    const [b1] = exportBatches(2);
    const ctrl = new AbortController();
    const r = await readScreen({
      source: source([tiny(1)]),
      decode: async () => [b1!],
      onProgress: (p) => p.frames === 2 && ctrl.abort('cancel'),
      signal: ctrl.signal,
      minIntervalMs: 0,
    });
    expect(r).toEqual({ outcome: 'cancelled', texts: [], frames: 2 });
  });

  it('"review what was found" (abort with reason finish) keeps a partial export', async () => {
    const [b1] = exportBatches(3);
    const ctrl = new AbortController();
    const r = await readScreen({ source: source([tiny(1)]), decode: async () => [b1!], onProgress: () => ctrl.abort('finish'), signal: ctrl.signal, minIntervalMs: 0 });
    expect(r).toEqual({ outcome: 'found', texts: [b1], frames: 1 });
  });

  it('ends when the user stops sharing, with what was found or nothing', async () => {
    expect(await readScreen({ source: source([tiny(1)], true), decode: async () => [], minIntervalMs: 0 })).toEqual({ outcome: 'ended', texts: [], frames: 1 });
    const [b1] = exportBatches(2);
    expect(await readScreen({ source: source([tiny(1)], true), decode: async () => [b1!], minIntervalMs: 0 })).toMatchObject({ outcome: 'found', texts: [b1] });
  });

  it('stops waiting for a batch that never shows after the patience runs out', async () => {
    const [b1] = exportBatches(2);
    const r = await readScreen({ source: source([tiny(1)]), decode: async () => [b1!], minIntervalMs: 0, patienceFrames: 5 });
    expect(r).toEqual({ outcome: 'found', texts: [b1], frames: 6 });
  });

  it('reads real frames end to end: nothing, then a 4K frame with a small code', async () => {
    const empty = S.frame(3840, 2160, [], 21);
    const code = S.frame(3840, 2160, [{ text: otp(5), x: 2000, y: 1000, modulePx: 2.5 }], 21);
    const r = await readScreen({ source: source([empty, code, code]), minIntervalMs: 0 });
    expect(r).toMatchObject({ outcome: 'found', texts: [otp(5)] });
  });
});
