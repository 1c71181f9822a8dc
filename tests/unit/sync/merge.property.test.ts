// Random multi-device schedules over the pure merge (issue 6: at least 10,000 schedules).
// 3–4 devices, each with its own HlcClock on a skewed (and jumping) wall clock, make local
// writes, deletions and used marks; random pairs sync in random order; then a full round.
// Checked: every replica ends with the identical record set; every write survives unless a later
// write to the same record (by stamp) superseded it, and the survivor is exactly the merge of all
// writes; a used mark, once on a device, stays there at every step.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HlcClock, compareHlc } from '../../../lib/record/hlc';
import { mergeRecord, mergeSets } from '../../../lib/sync/merge';
import type { SealedRecord } from '../../../lib/vault/types';

type Cmd =
  | { t: 'write'; dev: number; id: number }
  | { t: 'delete'; dev: number; id: number }
  | { t: 'use'; dev: number; tok: number }
  | { t: 'sync'; a: number; b: number }
  | { t: 'tick'; ms: number }
  | { t: 'skew'; dev: number; ms: number };

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('write' as const), dev: fc.nat(3), id: fc.nat(4) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('delete' as const), dev: fc.nat(3), id: fc.nat(4) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('use' as const), dev: fc.nat(3), tok: fc.nat(2) }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('sync' as const), a: fc.nat(3), b: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 3000 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('skew' as const), dev: fc.nat(3), ms: fc.integer({ min: -120_000, max: 120_000 }) }) },
);

let nonce = 0;
const bytes = () => {
  const n = ++nonce;
  return new Uint8Array([n & 255, (n >> 8) & 255, (n >> 16) & 255, 7]);
};

function runSchedule(devices: number, offsets: number[], cmds: Cmd[]): void {
  let now = 1_700_000_000_000;
  const skew = [...offsets];
  const clocks = Array.from({ length: devices }, (_, d) => new HlcClock(`dev${d}`, () => now + skew[d]!));
  const replicas: Array<Map<string, SealedRecord>> = Array.from({ length: devices }, () => new Map());
  const writes: SealedRecord[] = [];
  const usedSeen: Array<Set<string>> = Array.from({ length: devices }, () => new Set());

  const write = (d: number, r: SealedRecord) => {
    replicas[d]!.set(r.id, r);
    writes.push(r);
  };
  const sync = (a: number, b: number) => {
    if (a === b) return;
    const { merged } = mergeSets([...replicas[a]!.values()], [...replicas[b]!.values()]);
    for (const d of [a, b]) {
      const next = new Map(merged.map((r) => [r.id, r]));
      for (const r of merged) clocks[d]!.observe(r.hlc);
      replicas[d] = next;
    }
  };
  const checkUsedStay = () => {
    replicas.forEach((rep, d) => {
      for (const id of usedSeen[d]!) {
        const r = rep.get(id);
        expect(r && r.kind === 'used' && !r.deleted, `used mark ${id} vanished on dev${d}`).toBe(true);
      }
      for (const r of rep.values()) if (r.kind === 'used' && !r.deleted) usedSeen[d]!.add(r.id);
    });
  };

  for (const c of cmds) {
    switch (c.t) {
      case 'write': {
        if (c.dev >= devices) break;
        write(c.dev, { id: `acct${c.id}`, kind: 'account', hlc: clocks[c.dev]!.now(), deleted: false, sealed: bytes() });
        break;
      }
      case 'delete': {
        if (c.dev >= devices) break;
        const existing = replicas[c.dev]!.get(`acct${c.id}`);
        if (existing && !existing.deleted) write(c.dev, { id: existing.id, kind: existing.kind, hlc: clocks[c.dev]!.now(), deleted: true, sealed: null });
        break;
      }
      case 'use': {
        if (c.dev >= devices) break;
        const id = `used:tok${c.tok}`;
        if (!replicas[c.dev]!.has(id)) write(c.dev, { id, kind: 'used', hlc: clocks[c.dev]!.now(), deleted: false, sealed: bytes() });
        break;
      }
      case 'sync':
        if (c.a < devices && c.b < devices) sync(c.a, c.b);
        break;
      case 'tick':
        now += c.ms;
        break;
      case 'skew':
        if (c.dev < devices) skew[c.dev] = c.ms;
        break;
    }
    checkUsedStay();
  }

  // A full round: along the chain and back, so every replica has seen every other.
  for (let d = 0; d + 1 < devices; d++) sync(d, d + 1);
  for (let d = devices - 1; d > 0; d--) sync(d, d - 1);
  checkUsedStay();

  const canon = (m: Map<string, SealedRecord>) => [...m.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
  const first = canon(replicas[0]!);
  for (const rep of replicas.slice(1)) expect(canon(rep)).toEqual(first);

  const final = replicas[0]!;
  const oracle = new Map<string, SealedRecord>();
  for (const w of writes) {
    const o = oracle.get(w.id);
    oracle.set(w.id, o ? mergeRecord(o, w) : w);
    const f = final.get(w.id);
    expect(f, `write to ${w.id} lost`).toBeDefined();
    if (f === w) continue;
    if (w.kind === 'used') {
      // Superseded only by an earlier use of the same token.
      expect(f!.kind === 'used' && !f!.deleted && compareHlc(f!.hlc, w.hlc) < 0).toBe(true);
    } else {
      expect(compareHlc(f!.hlc, w.hlc), `write to ${w.id} lost without a later write`).toBeGreaterThan(0);
    }
  }
  expect(final.size).toBe(oracle.size);
  for (const [id, o] of oracle) expect(final.get(id)).toBe(o);
}

describe('merge over random multi-device schedules', () => {
  it('converges, loses no unsuperseded write and never loses a used mark (10,000 schedules)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 4 }),
        fc.array(fc.integer({ min: -300_000, max: 300_000 }), { minLength: 4, maxLength: 4 }),
        fc.array(cmd, { minLength: 1, maxLength: 40 }),
        (devices, offsets, cmds) => runSchedule(devices, offsets, cmds),
      ),
      { numRuns: 10_000 },
    );
  });
});
