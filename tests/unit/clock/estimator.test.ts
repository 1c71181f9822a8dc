// The clock estimator (lib/clock/estimator.ts, docs/clock.md): noisy, skewed and adversarial
// Date headers; one lying server cannot move the estimate.
import { describe, expect, it } from 'vitest';
import { ClockEstimator, parseHttpDate, robustCentre, sampleOf, shouldCorrect, WINDOW_MS } from '../../../lib/clock/estimator';

const T0 = Date.UTC(2026, 11, 5, 9, 0, 0);
/** A Date header as a server whose clock is `serverMs` would send it (truncated to the second). */
const dateHeader = (serverMs: number) => new Date(Math.floor(serverMs / 1000) * 1000).toUTCString();

/** A deterministic pseudo-random source (LCG), so noise is the same on every run. */
function rng(seed: number) {
  let x = seed >>> 0;
  return () => ((x = (x * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Feeds servers seeing true time `trueMs`, the device `deviceAheadMs` ahead, with latency noise. */
function feed(e: ClockEstimator, servers: Array<{ name: string; skewMs?: number }>, deviceAheadMs: number, seed = 1) {
  const r = rng(seed);
  servers.forEach((s, i) => {
    const trueMs = T0 + i * 1_000 + Math.floor(r() * 999);
    const latency = Math.floor(r() * 300);
    e.observe({ server: s.name, date: dateHeader(trueMs + (s.skewMs ?? 0)), receivedAt: trueMs + latency + deviceAheadMs });
  });
}

describe('parsing and single samples', () => {
  it('reads IMF-fixdate and refuses junk', () => {
    expect(parseHttpDate('Sat, 05 Dec 2026 09:00:00 GMT')).toBe(T0);
    expect(parseHttpDate('yesterday')).toBeNull();
    expect(parseHttpDate('')).toBeNull();
    expect(parseHttpDate(undefined)).toBeNull();
  });

  it('takes the middle of the Date second, skips cached and aged responses and absurd dates', () => {
    expect(sampleOf({ server: 'a', date: dateHeader(T0), receivedAt: T0 + 47_500 })).toBe(47_000);
    expect(sampleOf({ server: 'a', date: dateHeader(T0), receivedAt: T0 + 47_500, fromCache: true })).toBeNull();
    expect(sampleOf({ server: 'a', date: dateHeader(T0), receivedAt: T0 + 47_500, age: '120' })).toBeNull();
    expect(sampleOf({ server: 'a', date: dateHeader(T0), receivedAt: T0 + 47_500, age: '0' })).toBe(47_000);
    expect(sampleOf({ server: 'a', date: 'Thu, 01 Jan 1970 00:00:00 GMT', receivedAt: T0 })).toBeNull();
  });
});

describe('the estimate', () => {
  it('is null with no sample, and near the truth for a skewed device with noisy servers', () => {
    const e = new ClockEstimator();
    expect(e.estimate(T0)).toBeNull();
    feed(e, [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }, { name: 'e' }], -47_000);
    const est = e.estimate(T0 + 10_000)!;
    expect(est.samples).toBe(5);
    // 1 s Date resolution and up to 300 ms latency: within 1 s of −47 s.
    expect(Math.abs(est.offsetMs - -47_000)).toBeLessThanOrEqual(1_000);
  });

  it('is near zero for a right clock, across many noisy seeds', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const e = new ClockEstimator();
      feed(e, [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }], 0, seed);
      expect(Math.abs(e.estimate(T0 + 10_000)!.offsetMs)).toBeLessThanOrEqual(800);
    }
  });

  it('one lying server among three cannot move it, however big the lie', () => {
    for (const lie of [-3_600_000, -90_000, -5_000, 5_000, 90_000, 86_400_000]) {
      const e = new ClockEstimator();
      feed(e, [{ name: 'a' }, { name: 'b' }, { name: 'liar', skewMs: lie }, { name: 'c' }], 0);
      const est = e.estimate(T0 + 10_000)!;
      expect(Math.abs(est.offsetMs)).toBeLessThanOrEqual(800);
      expect(est.samples).toBe(3);
    }
  });

  it('a server that answers a thousand times still counts once', () => {
    const e = new ClockEstimator();
    feed(e, [{ name: 'a' }, { name: 'b' }, { name: 'c' }], 0);
    for (let i = 0; i < 1000; i++) e.observe({ server: 'loud', date: dateHeader(T0 + 600_000), receivedAt: T0 + 5_000 });
    const est = e.estimate(T0 + 10_000)!;
    expect(Math.abs(est.offsetMs)).toBeLessThanOrEqual(800);
    expect(est.samples).toBe(3);
  });

  it('forgets servers after the window', () => {
    const e = new ClockEstimator();
    feed(e, [{ name: 'a' }, { name: 'b' }, { name: 'c' }], 30_000);
    expect(e.estimate(T0 + 10_000)).not.toBeNull();
    expect(e.estimate(T0 + WINDOW_MS + 60_000)).toBeNull();
  });

  it('robustCentre drops the far ones', () => {
    expect(robustCentre([0, 100, -200, 50_000])).toEqual({ value: 0, kept: [0, 100, -200] });
    expect(robustCentre([])).toBeNull();
  });
});

describe('when codes use corrected time', () => {
  const est = (offsetMs: number, samples: number) => ({ offsetMs, samples, checkedAt: T0 });
  it('by default only beyond 30 s confirmed by 3 servers', () => {
    expect(shouldCorrect(est(47_000, 3), null)).toBe(true);
    expect(shouldCorrect(est(-47_000, 3), null)).toBe(true);
    expect(shouldCorrect(est(47_000, 2), null)).toBe(false);
    expect(shouldCorrect(est(20_000, 5), null)).toBe(false);
    expect(shouldCorrect(null, null)).toBe(false);
  });
  it('as the user chose, once chosen', () => {
    expect(shouldCorrect(est(20_000, 1), true)).toBe(true);
    expect(shouldCorrect(est(47_000, 5), false)).toBe(false);
    expect(shouldCorrect(null, true)).toBe(false);
  });
});
