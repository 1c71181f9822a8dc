// The estimator's memory across background restarts (lib/clock/memory.ts): an MV3 background
// that is suspended between three servers still adds them up, what is kept names no server, and
// a damaged or stale session entry is ignored.
import { describe, expect, it } from 'vitest';
import { SessionEstimator, SESSION_KEY, type SessionArea } from '../../../lib/clock/memory';
import { WINDOW_MS } from '../../../lib/clock/estimator';

/** A storage.session stand-in that outlives the estimators built on it (as the browser's does). */
function area(): SessionArea & { data: Record<string, unknown>; writes: number } {
  const a = {
    data: {} as Record<string, unknown>,
    writes: 0,
    async get(key: string) {
      return key in a.data ? { [key]: structuredClone(a.data[key]) } : {};
    },
    async set(items: Record<string, unknown>) {
      a.writes++;
      Object.assign(a.data, structuredClone(items));
    },
  };
  return a;
}

const SKEW = 47_000;
const seen = (server: string, skew = SKEW, receivedAt = Date.now()) => ({ server, date: new Date(receivedAt + skew).toUTCString(), receivedAt });

describe('SessionEstimator', () => {
  it('three servers seen by three successive backgrounds add up to one estimate', async () => {
    const session = area();
    for (const host of ['a.example', 'b.example:8443', 'c.example']) {
      // A fresh background each time: only the session area remains of the last one.
      const est = new SessionEstimator(session);
      expect(await est.observe(seen(host))).toBe(true);
    }
    const e = (await new SessionEstimator(session).estimate())!;
    expect(e.samples).toBe(3);
    expect(Math.abs(e.offsetMs + SKEW)).toBeLessThan(1_600);
  });

  it('one lying server among them still cannot move the estimate after restarts', async () => {
    const session = area();
    for (const [host, skew] of [['a.example', SKEW], ['liar.example', -3_600_000], ['b.example', SKEW], ['c.example', SKEW]] as const) {
      await new SessionEstimator(session).observe(seen(host, skew));
    }
    const e = (await new SessionEstimator(session).estimate())!;
    expect(e.samples).toBe(3);
    expect(Math.abs(e.offsetMs + SKEW)).toBeLessThan(1_600);
  });

  it('keeps no server name: keys are salted hashes, and the salt is per session', async () => {
    const session = area();
    await new SessionEstimator(session).observe(seen('bank.example'));
    const text = JSON.stringify(session.data);
    expect(text).not.toMatch(/bank/);
    const kept = session.data[SESSION_KEY] as { salt: string; servers: Array<[string, unknown]> };
    expect(kept.servers[0]![0]).toMatch(/^[0-9a-f]{32}$/);
    // Another browser session (another salt) gives the same host another key.
    const other = area();
    await new SessionEstimator(other).observe(seen('bank.example'));
    expect((other.data[SESSION_KEY] as typeof kept).servers[0]![0]).not.toBe(kept.servers[0]![0]);
    // The same session keeps one sample per server across restarts (a busy site counts once).
    await new SessionEstimator(session).observe(seen('bank.example'));
    expect((await new SessionEstimator(session).estimate())!.samples).toBe(1);
  });

  it('writes when a server is new or its sample moved, not for every response', async () => {
    const session = area();
    const est = new SessionEstimator(session);
    await est.observe(seen('a.example'));
    expect(session.writes).toBe(1);
    for (let i = 0; i < 5; i++) await est.observe(seen('a.example'));
    expect(session.writes).toBe(1);
    await est.observe(seen('a.example', SKEW + 5_000));
    expect(session.writes).toBe(2);
  });

  it('reports each saved estimate (for storage.local) and ignores stale or damaged entries', async () => {
    const session = area();
    const saved: number[] = [];
    await new SessionEstimator(session, (e) => saved.push(e.samples)).observe(seen('a.example'));
    expect(saved).toEqual([1]);
    const old = Date.now() - WINDOW_MS - 60_000;
    session.data[SESSION_KEY] = { salt: 'x', servers: [['k1', { offset: -SKEW, at: old }], ['k2', { offset: 'no', at: Date.now() }], 'junk'] };
    expect(await new SessionEstimator(session).estimate()).toBeNull();
    session.data[SESSION_KEY] = 'not an object';
    const est = new SessionEstimator(session);
    expect(await est.estimate()).toBeNull();
    expect(await est.observe(seen('b.example'))).toBe(true);
    expect((await est.estimate())!.samples).toBe(1);
  });

  it('skips what the estimator skips (cached, aged, unreadable Date)', async () => {
    const session = area();
    const est = new SessionEstimator(session);
    expect(await est.observe({ ...seen('a.example'), fromCache: true })).toBe(false);
    expect(await est.observe({ ...seen('a.example'), age: '120' })).toBe(false);
    expect(await est.observe({ server: 'a.example', date: 'yesterday', receivedAt: Date.now() })).toBe(false);
    expect(session.writes).toBe(0);
    expect(await est.estimate()).toBeNull();
  });
});
