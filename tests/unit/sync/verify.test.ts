// Verify before apply and rollback detection, one attack at a time (issue 10; docs/sync.md "What
// a device accepts", "Rollback and forks"). The property test (adversary.property.test.ts) mixes
// them at random; these name each rule.
import { describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../lib/sync/engine';
import type { Timers } from '../../../lib/sync/debounce';
import type { DeviceSnapshot } from '../../../lib/sync/backend';
import { FakeReplica, testKey } from './fake-replica';
import { MemoryBackend } from './memory-backend';

const VAULT = 'vault-QQQQQQQQQQQQQQQQ';

function world(names: string[]) {
  let now = 1_800_000_000_000;
  const timers: Timers = { now: () => now, setTimeout: () => 0, clearTimeout: () => {} };
  const backend = new MemoryBackend();
  const key = testKey();
  const devs = Object.fromEntries(names.map((n) => {
    const replica = new FakeReplica({ device: n, key, wall: () => now });
    return [n, { replica, engine: new SyncEngine({ replica, backend, deviceId: n, timers }) }];
  }));
  devs[names[0]!]!.replica.setup(VAULT);
  const file = (n: string) => backend.store.get(VAULT)!.get(n)!;
  const setFile = (n: string, s: DeviceSnapshot) => backend.store.get(VAULT)!.set(n, s);
  const copy = (s: DeviceSnapshot): DeviceSnapshot => ({ ...s, records: s.records!.map((r) => ({ ...r, sealed: new Uint8Array(r.sealed!) })), manifest: new Uint8Array(s.manifest!) });
  return { devs, file, setFile, copy, tick: (ms: number) => (now += ms) };
}

describe('verify before apply', () => {
  it('refuses a forged tombstone (ids swapped), keeps the account, reports it, and a clean round clears the warning', async () => {
    const { devs, file, setFile, copy } = world(['A', 'B']);
    const { A, B } = devs as Record<'A' | 'B', { replica: FakeReplica; engine: SyncEngine }>;
    A.replica.put('keep', 'account', { secret: 'K' });
    A.replica.put('gone', 'account', { secret: 'G' });
    A.replica.remove('gone');
    await A.engine.syncNow();
    await B.engine.syncNow();
    expect([...B.replica.live().keys()]).toEqual(['keep']);
    const honest = copy(file('A'));
    const forged = copy(honest);
    const t = forged.records!.find((r) => r.deleted)!;
    const k = forged.records!.find((r) => r.id === 'keep')!;
    [t.id, k.id] = [k.id, t.id];
    setFile('A', forged);
    await B.engine.syncNow();
    expect([...B.replica.live().keys()]).toEqual(['keep']);
    expect(B.engine.status()).toMatchObject({ rejected: 1, warning: { code: 'tampered', message: expect.stringContaining('integrity') } });
    setFile('A', honest);
    await B.engine.syncNow();
    expect(B.engine.status().rejected).toBe(0);
    expect(B.engine.status().warning).toBeUndefined();
  });

  it('refuses a record whose ciphertext was replaced, even when the manifest still matches', async () => {
    const { devs, file, setFile, copy } = world(['A', 'B']);
    const { A, B } = devs as Record<'A' | 'B', { replica: FakeReplica; engine: SyncEngine }>;
    A.replica.put('x', 'account', { secret: 'one' });
    await A.engine.syncNow();
    await B.engine.syncNow();
    A.replica.put('x', 'account', { secret: 'two' });
    await A.engine.syncNow();
    const f = copy(file('A'));
    f.records![0]!.sealed = f.records![0]!.sealed!.map((b, i) => (i === 40 ? b ^ 0x80 : b));
    setFile('A', f);
    await B.engine.syncNow();
    expect(B.replica.live().get('x')).toEqual({ secret: 'one' }); // the local copy stays
    expect(B.engine.status().warning?.code).toBe('tampered');
    // B never republishes what it refused: its own file holds nothing of A's new version.
    expect(file('B')?.records?.some((r) => r.id === 'x' && r.hlc === f.records![0]!.hlc) ?? false).toBe(false);
  });
});

describe('rollback and forks', () => {
  it('ignores a replayed older file of a device, seen directly or through another device\'s report', async () => {
    const { devs, file, setFile, copy, tick } = world(['A', 'B', 'C']);
    const { A, B, C } = devs as Record<'A' | 'B' | 'C', { replica: FakeReplica; engine: SyncEngine }>;
    A.replica.put('x', 'account', { v: 1 });
    await A.engine.syncNow();
    const old = copy(file('A'));
    await C.engine.syncNow(); // C sees A's first file only
    tick(1000);
    A.replica.put('x', 'account', { v: 2 });
    A.replica.put('used:t', 'used', { usedAt: 1 });
    await A.engine.syncNow();
    await B.engine.syncNow(); // B sees A's second file, and reports it in its own manifest
    B.replica.put('b', 'account', { by: 'B' });
    await B.engine.syncNow();

    // Directly: B has seen A's newer file; the server now serves the old one.
    setFile('A', copy(old));
    await B.engine.syncNow();
    expect(B.replica.live().get('x')).toEqual({ v: 2 });
    expect(B.replica.live().has('used:t')).toBe(true);
    expect(B.engine.status().warning?.code).toBe('rollback');
    // Through B's report: C never saw A's second file, but B's manifest says it exists.
    await C.engine.syncNow();
    expect(C.engine.status().warning?.code).toBe('rollback');
    expect(C.replica.live().has('b')).toBe(true); // what B wrote still arrives
  });
});
