// lib/qr/region.ts: the rectangle of a drag, and the keyboard alternative, kept in the viewport.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialRect, MIN_SIDE, nudgeRect, rectFromPoints } from '../../../lib/qr/region';

const viewport = { width: 1000, height: 600 };

describe('rectFromPoints', () => {
  it('spans two corners dragged in any direction', () => {
    const want = { x: 100, y: 50, width: 200, height: 100 };
    expect(rectFromPoints({ x: 100, y: 50 }, { x: 300, y: 150 }, viewport)).toEqual(want);
    expect(rectFromPoints({ x: 300, y: 150 }, { x: 100, y: 50 }, viewport)).toEqual(want);
    expect(rectFromPoints({ x: 300, y: 50 }, { x: 100, y: 150 }, viewport)).toEqual(want);
  });

  it('clips a drag that leaves the viewport', () => {
    expect(rectFromPoints({ x: 900, y: 500 }, { x: 1200, y: 800 }, viewport)).toEqual({ x: 900, y: 500, width: 100, height: 100 });
    expect(rectFromPoints({ x: -50, y: -10 }, { x: 20, y: 30 }, viewport)).toEqual({ x: 0, y: 0, width: 20, height: 30 });
  });
});

describe('initialRect', () => {
  it('is a centred square, 40% of the shorter side', () => {
    expect(initialRect(viewport)).toEqual({ x: 380, y: 180, width: 240, height: 240 });
  });
});

describe('nudgeRect', () => {
  const r = { x: 100, y: 100, width: 200, height: 150 };

  it('moves with the arrows', () => {
    expect(nudgeRect(r, 'ArrowLeft', { resize: false, step: 10 }, viewport)).toEqual({ ...r, x: 90 });
    expect(nudgeRect(r, 'ArrowDown', { resize: false, step: 1 }, viewport)).toEqual({ ...r, y: 101 });
  });

  it('resizes with Shift', () => {
    expect(nudgeRect(r, 'ArrowRight', { resize: true, step: 10 }, viewport)).toEqual({ ...r, width: 210 });
    expect(nudgeRect(r, 'ArrowUp', { resize: true, step: 10 }, viewport)).toEqual({ ...r, height: 140 });
  });

  it('never leaves the viewport nor shrinks below a QR code’s 21 px', () => {
    const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'] as const;
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.constantFrom(...keys), resize: fc.boolean(), step: fc.integer({ min: 1, max: 400 }) }), { maxLength: 60 }), (moves) => {
        let rect = initialRect(viewport);
        for (const m of moves) {
          rect = nudgeRect(rect, m.key, m, viewport);
          if (rect.x < 0 || rect.y < 0 || rect.x + rect.width > viewport.width || rect.y + rect.height > viewport.height) return false;
          if (rect.width < MIN_SIDE || rect.height < MIN_SIDE) return false;
        }
        return true;
      }),
    );
  });
});
