import { describe, expect, it, vi } from 'vitest';
import { SyncEngine, type SyncStatus } from '../../../lib/sync/engine';
import { TesseraError } from '../../../lib/messages/errors';
import { DAY_MS } from '../../../lib/sync/merge';
import { RetryLater } from '../../../lib/sync/backend';
import type { Timers } from '../../../lib/sync/debounce';
import { FakeReplica, testKey } from './fake-replica';
import { MemoryBackend } from './memory-backend';

const VAULT = 'vault-AAAAAAAAAAAAAAAA';

/** Timers driven by hand: `clock.t` is the wall time, `run()` fires what is due. */
function manualTimers() {
  const clock = { t: 1_700_000_000_000 };
  const due: Array<{ at: number; fn: () => void; id: number }> = [];
  let next = 0;
  const timers: Timers = {
    now: () => clock.t,
    setTimeout: (fn, ms) => {
      due.push({ at: clock.t + ms, fn, id: ++next });
      return next;
    },
    clearTimeout: (h) => {
      const i = due.findIndex((d) => d.id === h);
      if (i >= 0) due.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    clock.t += ms;
    for (;;) {
      due.sort((a, b) => a.at - b.at);
      const first = due[0];
      if (!first || first.at > clock.t) break;
      due.shift();
      first.fn();
    }
  };
  return { clock, timers, advance, pending: () => due.length };
}

function world() {
  const { clock, timers, advance } = manualTimers();
  const backend = new MemoryBackend();
  const key = testKey();
  const device = (name: string, options: { skew?: number; ttl?: number } = {}) => {
    const replica = new FakeReplica({ device: name, key, wall: () => clock.t + (options.skew ?? 0) });
    const statuses: SyncStatus[] = [];
    const engine = new SyncEngine({ replica, backend, deviceId: name, timers, tombstoneTtlMs: options.ttl, onStatus: (s) => statuses.push(s) });
    return { replica, engine, statuses };
  };
  return { clock, advance, backend, key, device };
}

const liveIds = (r: FakeReplica) => [...r.live().keys()].sort();

describe('SyncEngine', () => {
  it('pushes a first vault, lets a second device join it, and converges edits both ways', async () => {
    const w = world();
    const a = w.device('devA');
    a.replica.setup(VAULT);
    a.replica.put('acct1', 'account', { issuer: 'GitHub' });
    a.replica.put('acct2', 'account', { issuer: 'Slack' });
    expect(await a.engine.check()).toBe('first-push');
    expect(await a.engine.syncNow()).toEqual({ pulled: 0, pushed: 2 });

    const b = w.device('devB');
    expect(await b.engine.check()).toBe('join');
    const joined = await b.engine.syncNow();
    expect(joined).toMatchObject({ pulled: 2, joined: true });
    expect((await b.replica.header())?.vaultId).toBe(VAULT);
    expect(liveIds(b.replica)).toEqual(['acct1', 'acct2']);

    // B edits one account while A deletes the other; both sync twice.
    w.clock.t += 1000;
    b.replica.put('acct1', 'account', { issuer: 'GitHub (work)' });
    a.replica.remove('acct2');
    a.replica.put('used:tok1', 'used', { usedAt: 1 });
    for (let i = 0; i < 2; i++) {
      await a.engine.syncNow();
      await b.engine.syncNow();
    }
    for (const d of [a, b]) {
      expect(liveIds(d.replica)).toEqual(['acct1', 'used:tok1']);
      expect(d.replica.live().get('acct1')).toEqual({ issuer: 'GitHub (work)' });
      expect(d.replica.record('acct2')?.deleted).toBe(true);
    }
    // Each record is stored once, by its author.
    expect(w.backend.copies(VAULT, 'acct1')).toBe(1);
    expect(w.backend.snapshot(VAULT, 'devB')!.records!.map((r) => r.id)).toEqual(['acct1']);
  });

  it('answers conflict and writes nothing when the backend holds another vault', async () => {
    const w = world();
    const a = w.device('devA');
    a.replica.setup(VAULT);
    a.replica.put('acct1', 'account', { issuer: 'A' });
    await a.engine.syncNow();
    const writes = w.backend.writes;

    const c = w.device('devC');
    c.replica.setup('vault-CCCCCCCCCCCCCCCC');
    c.replica.put('mine', 'account', { issuer: 'C' });
    await expect(c.engine.check()).rejects.toMatchObject({ code: 'conflict' });
    await expect(c.engine.syncNow()).rejects.toMatchObject({ code: 'conflict' });
    expect(c.engine.status()).toMatchObject({ state: 'error', error: { code: 'conflict' } });
    expect(w.backend.writes).toBe(writes);
    expect(liveIds(c.replica)).toEqual(['mine']);
    expect((await c.replica.header())?.vaultId).toBe('vault-CCCCCCCCCCCCCCCC');
  });

  it('spreads a passphrase change: the header with the newest stamp is adopted', async () => {
    const w = world();
    const a = w.device('devA');
    a.replica.setup(VAULT);
    await a.engine.syncNow();
    const b = w.device('devB');
    await b.engine.syncNow();
    w.clock.t += 5000;
    a.replica.changePassphrase('BBBB');
    await a.engine.syncNow();
    const r = await b.engine.syncNow();
    expect(r.headerAdopted).toBe(true);
    expect((await b.replica.header())?.wrappedKey).toBe('BBBB');
    // An older header elsewhere never rolls it back.
    expect((await b.engine.syncNow()).headerAdopted).toBeUndefined();
  });

  it('tracks status: syncing, idle with lastSyncAt, error with a code, and keeps local data on failure', async () => {
    const w = world();
    const a = w.device('devA');
    a.replica.setup(VAULT);
    a.replica.put('acct1', 'account', { n: 1 });
    await a.engine.syncNow();
    expect(a.statuses.map((s) => s.state)).toEqual(['syncing', 'idle']);
    expect(a.engine.status().lastSyncAt).toBe(w.clock.t);

    w.backend.failWith = new TesseraError('unreachable');
    a.replica.put('acct2', 'account', { n: 2 });
    await expect(a.engine.syncNow()).rejects.toMatchObject({ code: 'unreachable' });
    expect(a.engine.status()).toMatchObject({ state: 'error', error: { code: 'unreachable', message: expect.any(String) } });
    expect(liveIds(a.replica)).toEqual(['acct1', 'acct2']);

    w.backend.failWith = null;
    await a.engine.syncNow();
    expect(a.engine.status().state).toBe('idle');
    expect(w.backend.snapshot(VAULT, 'devA')!.records!.map((r) => r.id).sort()).toEqual(['acct1', 'acct2']);
    a.engine.stop();
    expect(a.engine.status().state).toBe('off');
    await expect(a.engine.syncNow()).rejects.toMatchObject({ code: 'off' });
  });

  it('writes nothing when nothing changed', async () => {
    const w = world();
    const a = w.device('devA');
    a.replica.setup(VAULT);
    a.replica.put('acct1', 'account', {});
    await a.engine.syncNow();
    const writes = w.backend.writes;
    expect(await a.engine.syncNow()).toEqual({ pulled: 0, pushed: 0 });
    expect(w.backend.writes).toBe(writes);
  });

  it('coalesces calls made during a round into one more round', async () => {
    const w = world();
    const a = w.device('devA');
    a.replica.setup(VAULT);
    const read = vi.spyOn(w.backend, 'read');
    const p1 = a.engine.syncNow();
    const p2 = a.engine.syncNow();
    const p3 = a.engine.syncNow();
    expect(p3).toBe(p2);
    await Promise.all([p1, p2, p3]);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('syncs once after a burst of changes (debounced)', async () => {
    const w = world();
    const a = w.device('devA');
    a.replica.setup(VAULT);
    const read = vi.spyOn(w.backend, 'read');
    for (let i = 0; i < 5; i++) {
      a.engine.schedule();
      w.advance(500);
    }
    expect(read).not.toHaveBeenCalled();
    w.advance(2000);
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 10));
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('keeps the pull and retries the write later when the backend defers it for rate', async () => {
    const w = world();
    const a = w.device('devA');
    a.replica.setup(VAULT);
    const write = vi.spyOn(w.backend, 'write').mockRejectedValueOnce(new RetryLater(w.clock.t + 60_000));
    a.replica.put('acct1', 'account', {});
    const r = await a.engine.syncNow();
    expect(r.deferredUntil).toBe(w.clock.t + 60_000);
    expect(a.engine.status()).toMatchObject({ state: 'idle', retryAt: w.clock.t + 60_000 });
    w.advance(60_000);
    await vi.waitFor(() => expect(write).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(w.backend.snapshot(VAULT, 'devA')?.records).toHaveLength(1));
  });

  it('stores an orphan (its author is gone) on exactly one other device', async () => {
    const w = world();
    const a = w.device('devA');
    a.replica.setup(VAULT);
    a.replica.put('acct1', 'account', { from: 'A' });
    await a.engine.syncNow();
    const b = w.device('devB');
    const c = w.device('devC');
    await b.engine.syncNow();
    await c.engine.syncNow();
    // The backend loses A's snapshot (emptied, or A's items removed): B and C still have acct1.
    w.backend.store.get(VAULT)!.delete('devA');
    await c.engine.syncNow();
    await b.engine.syncNow();
    await c.engine.syncNow();
    expect(w.backend.copies(VAULT, 'acct1')).toBe(1);
    expect(w.backend.snapshot(VAULT, 'devB')!.records!.map((r) => r.id)).toEqual(['acct1']);
    // A new device joining now still gets it.
    const d = w.device('devD');
    await d.engine.syncNow();
    expect(liveIds(d.replica)).toEqual(['acct1']);
  });

  it('compacts old tombstones out of the backend, and a stale device cannot bring the record back', async () => {
    const w = world();
    const ttl = 90 * DAY_MS;
    const a = w.device('devA', { ttl });
    a.replica.setup(VAULT);
    a.replica.put('acct1', 'account', { n: 1 });
    await a.engine.syncNow();
    const b = w.device('devB', { ttl });
    const stale = w.device('devS', { ttl });
    await b.engine.syncNow();
    await stale.engine.syncNow(); // has acct1 live, then goes offline for 100 days
    w.clock.t += 1000;
    b.replica.remove('acct1');
    await b.engine.syncNow();
    await a.engine.syncNow();
    expect(w.backend.snapshot(VAULT, 'devB')!.records!.map((r) => [r.id, r.deleted])).toEqual([['acct1', true]]);
    expect(w.backend.snapshot(VAULT, 'devA')!.records).toEqual([]);

    w.clock.t += 100 * DAY_MS;
    await b.engine.syncNow();
    expect(w.backend.copies(VAULT, 'acct1')).toBe(0); // compacted
    expect(b.replica.record('acct1')?.deleted).toBe(true); // but kept locally

    // The stale device comes back with acct1 still live: it re-publishes it as an orphan, B sends
    // its tombstone again, and the deletion wins everywhere.
    for (let i = 0; i < 3; i++) for (const d of [stale, a, b]) await d.engine.syncNow();
    for (const d of [a, b, stale]) expect(d.replica.live().has('acct1')).toBe(false);
    // And once no live copy is left in the backend, the tombstone goes again.
    expect(w.backend.copies(VAULT, 'acct1')).toBe(0);
  });

  it('does not compact while some snapshot cannot be read', async () => {
    const w = world();
    const a = w.device('devA', { ttl: 1000 });
    a.replica.setup(VAULT);
    a.replica.put('x', 'account', {});
    await a.engine.syncNow();
    const b = w.device('devB', { ttl: 1000 });
    await b.engine.syncNow(); // joins
    b.replica.put('y', 'account', {});
    await b.engine.syncNow(); // now B has a snapshot
    a.replica.remove('x');
    await a.engine.syncNow();
    w.backend.unreadable.add('devB');
    w.clock.t += 10_000;
    await a.engine.syncNow();
    expect(w.backend.copies(VAULT, 'x')).toBe(1);
    w.backend.unreadable.clear();
    await a.engine.syncNow();
    expect(w.backend.copies(VAULT, 'x')).toBe(0);
  });
});
