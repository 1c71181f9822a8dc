import { describe, expect, it } from 'vitest';
import { ringDelay, visibleRange } from '../../../lib/ui/window';

describe('visibleRange', () => {
  it('takes the rows in view plus the overscan, clamped to the list', () => {
    expect(visibleRange(0, 500, 50, 1000, 4)).toEqual({ start: 0, end: 14 });
    expect(visibleRange(5000, 500, 50, 1000, 4)).toEqual({ start: 96, end: 114 });
    expect(visibleRange(49_900, 500, 50, 1000, 4)).toEqual({ start: 994, end: 1000 });
    expect(visibleRange(-20, 100, 50, 3, 0)).toEqual({ start: 0, end: 2 });
    expect(visibleRange(0, 500, 50, 0)).toEqual({ start: 0, end: 0 });
  });
});

describe('ringDelay', () => {
  it('starts the countdown animation as far in as the step already is', () => {
    expect(ringDelay(30_000, 30, 20_000)).toBe(-20);
    expect(ringDelay(30_000, 30, 0)).toBe(-0);
    expect(ringDelay(30_000, 30, 40_000)).toBe(-30);
  });
});
