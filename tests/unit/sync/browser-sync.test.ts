import { describe, expect, it, vi } from 'vitest';
import { BrowserSyncBackend, SYNC_QUOTA } from '../../../lib/sync/backends/browser-sync';
import { vaultPackCrypto } from '../../../lib/sync/pack-crypto';
import { SyncEngine } from '../../../lib/sync/engine';
import type { Timers } from '../../../lib/sync/debounce';
import { FakeReplica, testKey } from './fake-replica';
import { MemoryStorageSync } from './memory-storage-sync';
import { accountData } from './accounts';

const VAULT = 'vault-BBBBBBBBBBBBBBBB';

function world(storageLimits: ConstructorParameters<typeof MemoryStorageSync>[0] = {}) {
  const clock = { t: 1_700_000_000_000 };
  const timers: Timers = { now: () => clock.t, setTimeout: () => 0, clearTimeout: () => {} };
  const storage = new MemoryStorageSync(storageLimits);
  const key = testKey();
  const device = (name: string, options: { locked?: boolean; quota?: ConstructorParameters<typeof BrowserSyncBackend>[0]['quota'] } = {}) => {
    const state = { unlocked: !options.locked };
    const replica = new FakeReplica({ device: name, key, wall: () => clock.t });
    const area = storage.area(() => clock.t);
    const backend = new BrowserSyncBackend({ area, crypto: vaultPackCrypto(async () => (state.unlocked ? replica.keyring() : null)), now: () => clock.t, quota: options.quota });
    const engine = new SyncEngine({ replica, backend, deviceId: name, timers });
    return { replica, area, backend, engine, state };
  };
  return { clock, storage, device };
}

const addAccounts = (r: FakeReplica, n: number, worst = false) => {
  for (let i = 0; i < n; i++) r.put(`acct-${r.device}-${i}`, 'account', accountData(worst));
};

describe('browser storage.sync backend', () => {
  it('lets two engines sharing one storage.sync converge, one set() call per write', async () => {
    const w = world();
    const a = w.device('devA');
    a.replica.setup(VAULT);
    addAccounts(a.replica, 3);
    a.replica.put('tok1', 'token', { accountId: 'acct-devA-0', value: '12345678' });
    expect(await a.engine.syncNow()).toEqual({ pulled: 0, pushed: 4 });
    expect(a.area.setCalls).toBe(1);

    // B has no vault yet and no key: it takes the header; the packed records wait for the key.
    const b = w.device('devB', { locked: true });
    expect(await b.engine.syncNow()).toMatchObject({ joined: true, pulled: 0 });
    expect((await b.replica.header())?.vaultId).toBe(VAULT);
    b.state.unlocked = true;
    expect((await b.engine.syncNow()).pulled).toBe(4);
    expect(b.replica.live()).toEqual(a.replica.live());

    // Concurrent edits of different records, a deletion and a used mark.
    w.clock.t += 1000;
    b.replica.put('acct-devA-1', 'account', { ...accountData(), issuer: 'Edited on B' });
    a.replica.remove('acct-devA-2');
    a.replica.put('used:tok1', 'used', { usedAt: w.clock.t });
    const setsBefore = a.area.setCalls + b.area.setCalls;
    for (let i = 0; i < 2; i++) {
      await a.engine.syncNow();
      await b.engine.syncNow();
    }
    expect(a.replica.live()).toEqual(b.replica.live());
    expect((a.replica.live().get('acct-devA-1') as { issuer: string }).issuer).toBe('Edited on B');
    expect(a.replica.live().has('acct-devA-2')).toBe(false);
    expect(b.replica.live().has('used:tok1')).toBe(true);
    // A wrote twice (its changes, then dropping the record B now stores), B once.
    expect(a.area.setCalls + b.area.setCalls - setsBefore).toBe(3);
  });

  it('stores nothing identifying in clear: only the header, sizes and sealed chunks', async () => {
    const w = world();
    const a = w.device('devA');
    a.replica.setup(VAULT);
    const data = { ...accountData(), issuer: 'VerySecretBank', label: 'alice@example.com' };
    a.replica.put('acct1', 'account', data);
    await a.engine.syncNow();
    const dump = [...w.storage.data.values()].join('\n');
    for (const needle of ['VerySecretBank', 'alice@example.com', data.secret, 'acct1']) expect(dump).not.toContain(needle);
  });

  it('fits 1,000 typical accounts', async () => {
    const w = world();
    const a = w.device('devA');
    a.replica.setup(VAULT);
    addAccounts(a.replica, 1000);
    await a.engine.syncNow();
    expect(w.storage.bytesInUse()).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES);
    const b = w.device('devB');
    await b.engine.syncNow();
    await b.engine.syncNow();
    expect(b.replica.live().size).toBe(1000);
  });

  it('on overflow answers quota, keeps everything locally and stores as much as fits', async () => {
    const w = world();
    const a = w.device('devA');
    a.replica.setup(VAULT);
    addAccounts(a.replica, 1500, true);
    await expect(a.engine.syncNow()).rejects.toMatchObject({ code: 'quota', message: expect.stringMatching(/WebDAV/) });
    expect(a.engine.status()).toMatchObject({ state: 'error', error: { code: 'quota' } });
    expect(a.replica.live().size).toBe(1500);
    expect(w.storage.bytesInUse()).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES);

    const b = w.device('devB');
    await b.engine.syncNow();
    await b.engine.syncNow();
    const got = b.replica.live().size;
    expect(got).toBeGreaterThan(900);
    expect(got).toBeLessThan(1500);
    // Local use goes on: A can still edit, and a later sync keeps what is stored.
    const sets = a.area.setCalls;
    await expect(a.engine.syncNow()).rejects.toMatchObject({ code: 'quota' });
    expect(a.area.setCalls).toBe(sets); // the part that fits is stored already: no write spent
    a.replica.put('acct-devA-0', 'account', { ...accountData(), issuer: 'still works' });
    await expect(a.engine.syncNow()).rejects.toMatchObject({ code: 'quota' });
    expect(a.area.setCalls).toBe(sets + 1);
    expect(a.replica.live().size).toBe(1500);
  });

  it('stays under the write rate and defers instead of failing', async () => {
    const w = world();
    // Our budget is 90 % of the limit: 4 writes a minute here.
    const a = w.device('devA', { quota: { MAX_WRITE_OPERATIONS_PER_MINUTE: 5 } });
    a.replica.setup(VAULT);
    const results = [];
    for (let i = 0; i < 6; i++) {
      a.replica.put(`acct${i}`, 'account', { i });
      results.push(await a.engine.syncNow());
    }
    expect(a.area.setCalls).toBe(4);
    expect(results[4]!.deferredUntil).toBeGreaterThan(w.clock.t);
    expect(a.engine.status()).toMatchObject({ state: 'idle', retryAt: expect.any(Number) });
    w.clock.t += 61_000;
    await a.engine.syncNow();
    expect(a.area.setCalls).toBe(5);
  });

  it('backs off when the browser refuses a write for rate', async () => {
    const w = world({ MAX_WRITE_OPERATIONS_PER_MINUTE: 2 });
    const a = w.device('devA');
    a.replica.setup(VAULT);
    for (let i = 0; i < 2; i++) {
      a.replica.put(`acct${i}`, 'account', { i });
      await a.engine.syncNow();
    }
    a.replica.put('acct2', 'account', {});
    const refused = await a.engine.syncNow();
    expect(refused.deferredUntil).toBe(w.clock.t + 60_000);
    const set = vi.spyOn(a.area, 'set');
    await a.engine.syncNow(); // still backing off: does not even try
    expect(set).not.toHaveBeenCalled();
    w.clock.t += 60_001;
    await a.engine.syncNow();
    expect(set).toHaveBeenCalledTimes(1);
  });

  it('treats a damaged or half-arrived snapshot as unreadable, not as an error', async () => {
    const w = world();
    const a = w.device('devA');
    a.replica.setup(VAULT);
    addAccounts(a.replica, 5);
    await a.engine.syncNow();
    const chunk = [...w.storage.data.keys()].find((k) => k.endsWith('.0'))!;
    const text = JSON.parse(w.storage.data.get(chunk)!) as string;
    w.storage.data.set(chunk, JSON.stringify(`${text[0] === '0' ? '1' : '0'}${text.slice(1)}`));
    const b = w.device('devB');
    const snaps = await b.backend.read(VAULT);
    expect(snaps).toHaveLength(1);
    expect(snaps[0]!.records).toBeNull();
    expect(snaps[0]!.header?.vaultId).toBe(VAULT);
    await expect(b.engine.syncNow()).resolves.toMatchObject({ joined: true, pulled: 0 });
  });
});
