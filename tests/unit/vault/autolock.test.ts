import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_AUTOLOCK_MINUTES, autoLockAt, clampAutoLockMinutes, shouldAutoLock } from '../../../lib/vault/autolock';

describe('auto-lock policy', () => {
  it('locks after 15 idle minutes by default', () => {
    expect(DEFAULT_AUTOLOCK_MINUTES).toBe(15);
    const t0 = 1_700_000_000_000;
    expect(shouldAutoLock({ lastActivityAt: t0, now: t0 + 15 * 60_000 - 1, minutes: 15 })).toBe(false);
    expect(shouldAutoLock({ lastActivityAt: t0, now: t0 + 15 * 60_000, minutes: 15 })).toBe(true);
    expect(autoLockAt(t0, 15)).toBe(t0 + 15 * 60_000);
  });

  it('clamps the setting to 1..1440 whole minutes', () => {
    expect(clampAutoLockMinutes(0)).toBe(1);
    expect(clampAutoLockMinutes(-5)).toBe(1);
    expect(clampAutoLockMinutes(2.4)).toBe(2);
    expect(clampAutoLockMinutes(5000)).toBe(1440);
    expect(clampAutoLockMinutes(Number.NaN)).toBe(15);
    expect(clampAutoLockMinutes(Infinity)).toBe(15);
    fc.assert(fc.property(fc.double(), (n) => {
      const m = clampAutoLockMinutes(n);
      expect(Number.isInteger(m) && m >= 1 && m <= 1440).toBe(true);
    }));
  });

  it('never locks before the clamped time, always after it', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2e12 }), fc.integer({ min: 0, max: 3e9 }), fc.integer({ min: -10, max: 3000 }), (last, idle, minutes) => {
      const limit = clampAutoLockMinutes(minutes) * 60_000;
      expect(shouldAutoLock({ lastActivityAt: last, now: last + idle, minutes })).toBe(idle >= limit);
    }));
  });
});
