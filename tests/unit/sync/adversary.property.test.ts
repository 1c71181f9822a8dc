// Sync against a hostile backend (issue 10): random multi-device schedules (writes, deletions,
// emergency tokens, used marks, syncs, clock moves) interleaved with random attacks on the remote
// data — delete a file, replace a record's bytes with another record's, swap two ids, flip a bit,
// flip a deleted flag, re-stamp a record, replay an older file, forge a new device's file from
// pieces of real ones, truncate a file. After every step:
//   - every live record on every honest device is a write an honest device made (same id, stamp
//     and data): nothing forged, relabelled, re-stamped or rolled back is ever applied;
//   - a used mark once on a device never leaves it;
//   - an attack that changed remote data is reported by the next device that reads it (or was
//     harmless: a deleted file, or a replayed file no older than what the reader had seen).
// At the end the attacker leaves, the backend is emptied, every device syncs until quiet, and all
// devices hold exactly the merge of every honest write: nothing was lost or changed for good.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SyncEngine } from '../../../lib/sync/engine';
import { mergeRecord } from '../../../lib/sync/merge';
import { keyring, openVersion } from '../../../lib/record/envelope';
import { openManifest } from '../../../lib/record/manifest';
import type { Timers } from '../../../lib/sync/debounce';
import type { DeviceSnapshot } from '../../../lib/sync/backend';
import type { SealedRecord } from '../../../lib/vault/types';
import { FakeReplica, testKey } from './fake-replica';
import { MemoryBackend } from './memory-backend';

const VAULT = 'vault-PPPPPPPPPPPPPPPP';
const DEVICES = 3;

type Attack =
  | { a: 'delete'; victim: number }
  | { a: 'replace'; victim: number; pick: number; from: number }
  | { a: 'swap'; victim: number; pick: number; other: number }
  | { a: 'flip'; victim: number; pick: number; bit: number }
  | { a: 'flag'; victim: number; pick: number }
  | { a: 'restamp'; victim: number; pick: number }
  | { a: 'replay'; victim: number; age: number }
  | { a: 'forge'; pick: number; from: number }
  | { a: 'truncate'; victim: number; keep: number }
  | { a: 'manifest'; victim: number; from: number };

type Cmd =
  | { t: 'write'; dev: number; id: number }
  | { t: 'delete'; dev: number; id: number }
  | { t: 'token'; dev: number; tok: number }
  | { t: 'use'; dev: number; tok: number }
  | { t: 'sync'; dev: number }
  | { t: 'tick'; ms: number }
  | { t: 'attack'; attack: Attack; observer: number };

const dev = fc.nat(DEVICES - 1);
const attack: fc.Arbitrary<Attack> = fc.oneof(
  fc.record({ a: fc.constant('delete' as const), victim: dev }),
  fc.record({ a: fc.constant('replace' as const), victim: dev, pick: fc.nat(50), from: fc.nat(50) }),
  fc.record({ a: fc.constant('swap' as const), victim: dev, pick: fc.nat(50), other: fc.nat(50) }),
  fc.record({ a: fc.constant('flip' as const), victim: dev, pick: fc.nat(50), bit: fc.nat(4000) }),
  fc.record({ a: fc.constant('flag' as const), victim: dev, pick: fc.nat(50) }),
  fc.record({ a: fc.constant('restamp' as const), victim: dev, pick: fc.nat(50) }),
  fc.record({ a: fc.constant('replay' as const), victim: dev, age: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ a: fc.constant('forge' as const), pick: fc.nat(50), from: dev }),
  fc.record({ a: fc.constant('truncate' as const), victim: dev, keep: fc.nat(50) }),
  fc.record({ a: fc.constant('manifest' as const), victim: dev, from: dev }),
);
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('write' as const), dev, id: fc.nat(4) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('delete' as const), dev, id: fc.nat(4) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('token' as const), dev, tok: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('use' as const), dev, tok: fc.nat(3) }) },
  { weight: 6, arbitrary: fc.record({ t: fc.constant('sync' as const), dev }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 5_000 }) }) },
  { weight: 8, arbitrary: fc.record({ t: fc.constant('attack' as const), attack, observer: dev }) },
);

const copyRec = (r: SealedRecord): SealedRecord => ({ ...r, sealed: r.sealed ? new Uint8Array(r.sealed) : null });
const copySnap = (s: DeviceSnapshot): DeviceSnapshot => ({ ...s, records: s.records?.map(copyRec) ?? null, manifest: s.manifest ? new Uint8Array(s.manifest) : s.manifest });
const same = (a: DeviceSnapshot | undefined, b: DeviceSnapshot | undefined) => JSON.stringify(a && copySnap(a), (_k, v) => (v instanceof Uint8Array ? [...v] : v)) === JSON.stringify(b && copySnap(b), (_k, v) => (v instanceof Uint8Array ? [...v] : v));

async function run(cmds: Cmd[]): Promise<{ attacks: number; reported: number }> {
  let now = 1_800_000_000_000;
  const timers: Timers = { now: () => now, setTimeout: () => 0, clearTimeout: () => {} };
  const backend = new MemoryBackend();
  /** What each device itself last wrote: an attack is harmful only if it leaves something else. */
  const honestFiles = new Map<string, DeviceSnapshot>();
  const write = backend.write.bind(backend);
  backend.write = async (snap, sealer) => {
    await write(snap, sealer);
    honestFiles.set(snap.deviceId, copySnap(backend.snapshot(snap.vaultId, snap.deviceId)!));
  };
  const key = testKey();
  const ring = keyring(VAULT, key);
  const name = (d: number) => `dev${d}`;
  const nodes = Array.from({ length: DEVICES }, (_, d) => {
    const replica = new FakeReplica({ device: name(d), key, wall: () => now + d * 700 });
    return { replica, engine: new SyncEngine({ replica, backend, deviceId: name(d), timers }) };
  });
  nodes[0]!.replica.setup(VAULT);
  for (const n of nodes) await n.engine.syncNow();
  const files = () => backend.store.get(VAULT) ?? new Map<string, DeviceSnapshot>();
  /** Every snapshot each device ever wrote (the attacker keeps copies for replays and pieces). */
  const history = new Map<string, DeviceSnapshot[]>();
  const remember = () => {
    for (const [d, s] of files()) {
      const h = history.get(d) ?? [];
      if (!h.length || !same(h[h.length - 1], s)) h.push(copySnap(s));
      history.set(d, h);
    }
  };
  const honest = new Map<string, string>(); // `${id}\0${hlc}` → JSON of the data (or 'deleted')
  const noteWrites = () => {
    for (const n of nodes) for (const w of n.replica.writes) honest.set(`${w.id}\0${w.hlc}`, w.deleted ? 'deleted' : JSON.stringify(openVersion(ring, w)));
  };
  const usedSeen = nodes.map(() => new Set<string>());
  const check = () => {
    noteWrites();
    nodes.forEach((n, d) => {
      for (const r of n.replica.all()) {
        const data = r.deleted ? 'deleted' : JSON.stringify(openVersion(ring, r));
        expect(honest.get(`${r.id}\0${r.hlc}`), `dev${d} holds ${r.id}@${r.hlc} that no honest device wrote`).toBe(data);
      }
      for (const id of usedSeen[d]!) expect(n.replica.record(id)?.deleted, `used mark ${id} left dev${d}`).toBe(false);
      for (const r of n.replica.all()) if (r.kind === 'used' && !r.deleted) usedSeen[d]!.add(r.id);
    });
  };

  let attacks = 0;
  let reported = 0;
  for (const c of cmds) {
    switch (c.t) {
      case 'write':
        nodes[c.dev]!.replica.put(`acct${c.id}`, 'account', { secret: `S${now}-${c.dev}`, sites: [`s${c.id}.example`] });
        break;
      case 'delete':
        nodes[c.dev]!.replica.remove(`acct${c.id}`);
        break;
      case 'token':
        if (!nodes[c.dev]!.replica.record(`tok${c.tok}`)) nodes[c.dev]!.replica.put(`tok${c.tok}`, 'token', { value: `T${c.tok}` });
        break;
      case 'use':
        if (!nodes[c.dev]!.replica.record(`used:tok${c.tok}`)) nodes[c.dev]!.replica.put(`used:tok${c.tok}`, 'used', { usedAt: now });
        break;
      case 'sync':
        await nodes[c.dev]!.engine.syncNow();
        remember();
        break;
      case 'tick':
        now += c.ms;
        break;
      case 'attack': {
        const fs = files();
        const target = 'victim' in c.attack ? name(c.attack.victim) : 'evil';
        const before = fs.get(target) && copySnap(fs.get(target)!);
        const all = [...fs.values()].flatMap((s) => s.records ?? []);
        const a = c.attack;
        const s = 'victim' in a ? fs.get(name(a.victim)) : undefined;
        const recs = s?.records ?? [];
        const pick = <T,>(list: T[], n: number) => (list.length ? list[n % list.length] : undefined);
        let replayedSeq: number | null = null;
        switch (a.a) {
          case 'delete':
            fs.delete(target);
            break;
          case 'replace': {
            const r = pick(recs, a.pick);
            const from = pick(all, a.from);
            if (r && from?.sealed) r.sealed = new Uint8Array(from.sealed);
            break;
          }
          case 'swap': {
            const r1 = pick(recs, a.pick);
            const r2 = pick(recs, a.other);
            if (r1 && r2) [r1.id, r2.id] = [r2.id, r1.id];
            break;
          }
          case 'flip': {
            const r = pick(recs, a.pick);
            if (r?.sealed) r.sealed[Math.floor(a.bit / 8) % r.sealed.length]! ^= 1 << (a.bit % 8);
            break;
          }
          case 'flag': {
            const r = pick(recs, a.pick);
            if (r) r.deleted = !r.deleted;
            break;
          }
          case 'restamp': {
            const r = pick(recs, a.pick);
            if (r) r.hlc = `${String(now + 1000).padStart(13, '0')}-0000-${r.hlc.split('-').slice(2).join('-')}`;
            break;
          }
          case 'replay': {
            const h = history.get(target) ?? [];
            const old = h[h.length - 1 - a.age];
            if (old) {
              fs.set(target, copySnap(old));
              try {
                replayedSeq = old.manifest ? openManifest(ring, target, old.manifest).seq : null;
              } catch {
                replayedSeq = -1; // a copy the attacker had already spoiled: never harmless
              }
            }
            break;
          }
          case 'forge': {
            // A new device's file: records picked from real ones, a manifest and header from another.
            const donor = fs.get(name(a.from));
            const records = [pick(all, a.pick), pick(all, a.pick + 1)].filter((r): r is SealedRecord => !!r).map(copyRec);
            if (donor) fs.set('evil', { ...copySnap(donor), deviceId: 'evil', records });
            break;
          }
          case 'truncate':
            if (s?.records && s.records.length) s.records = s.records.slice(0, a.keep % s.records.length);
            break;
          case 'manifest': {
            const donor = fs.get(name(a.from));
            if (s && donor && donor !== s && donor.manifest) s.manifest = new Uint8Array(donor.manifest);
            break;
          }
        }
        const changed = !same(before, fs.get(target));
        if (!changed) break;
        // Back to exactly what the owner wrote (an attack undone, or a replay of the latest file).
        const honestNow = same(honestFiles.get(target), fs.get(target));
        attacks++;
        // The next device to read it (not the file's owner) must notice, unless it is harmless.
        let observer = c.observer;
        if (name(observer) === target) observer = (observer + 1) % DEVICES;
        const o = nodes[observer]!;
        const seenBefore = (await o.replica.syncMeta()).seen[target]?.seq ?? 0;
        await o.engine.syncNow();
        const st = o.engine.status();
        const noticed = (st.rejected ?? 0) > 0 && st.warning !== undefined;
        if (noticed) reported++;
        const harmless = honestNow || a.a === 'delete' || (a.a === 'replay' && replayedSeq !== -1 && (replayedSeq === null || replayedSeq >= seenBefore));
        if (!harmless) expect(noticed, `attack ${JSON.stringify(a)} on ${target} went unreported by dev${observer}`).toBe(true);
        remember();
        break;
      }
    }
    check();
  }

  // The attacker leaves: the backend is emptied and every device syncs until quiet.
  backend.store.clear();
  for (let round = 0; round < 3; round++) for (const n of nodes) await n.engine.syncNow();
  check();
  const expected = new Map<string, SealedRecord>();
  for (const n of nodes) for (const w of n.replica.writes) {
    const e = expected.get(w.id);
    expected.set(w.id, e ? mergeRecord(e, w) : w);
  }
  const live = (rs: Iterable<SealedRecord>) => [...rs].filter((r) => !r.deleted).map((r) => `${r.id}@${r.hlc}`).sort();
  for (const n of nodes) {
    expect(live(n.replica.all()), `${n.replica.device} lost or changed a record`).toEqual(live(expected.values()));
    expect(n.engine.status().rejected).toBe(0); // a clean round clears the warning
  }
  return { attacks, reported };
}

const RUNS = Number(process.env.ADVERSARY_RUNS ?? 2_500);

describe('sync against a hostile backend', () => {
  for (let part = 0; part < 4; part++) {
    it(`loses, changes or resurrects nothing on honest devices, and reports every harmful attack (${RUNS} schedules, part ${part + 1}/4)`, async () => {
      let attacks = 0;
      let reported = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(cmd, { minLength: 5, maxLength: 30 }), async (cmds) => {
          const r = await run(cmds);
          attacks += r.attacks;
          reported += r.reported;
        }),
        { numRuns: RUNS, seed: 0x7e55e2a + part },
      );
      console.info(`adversary part ${part + 1}: ${RUNS} schedules, ${attacks} attacks that changed remote data, ${reported} reported by the next reader`);
      expect(attacks).toBeGreaterThan(RUNS / 2); // the schedules do attack, a lot
      expect(reported).toBeGreaterThan(0);
    }, 600_000);
  }
});
