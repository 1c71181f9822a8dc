import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compactTombstones, compareVersions, mergeAll, mergeRecord, mergeSets, DAY_MS } from '../../../lib/sync/merge';
import { encodeHlc } from '../../../lib/record/hlc';
import type { RecordKind, SealedRecord } from '../../../lib/vault/types';

const stamp = (wall: number, counter = 0, device = 'devA') => encodeHlc({ wall, counter, device });
const live = (id: string, hlc: string, bytes: number[] = [1, 2, 3], kind: RecordKind = 'account'): SealedRecord => ({
  id, kind, hlc, deleted: false, sealed: new Uint8Array(bytes),
});
const tomb = (id: string, hlc: string, kind: RecordKind = 'account'): SealedRecord => ({ id, kind, hlc, deleted: true, sealed: null });

describe('mergeRecord', () => {
  it('keeps the last writer by stamp, whatever the argument order', () => {
    const a = live('x', stamp(1000, 0, 'devA'));
    const b = live('x', stamp(1000, 1, 'devB'), [9]);
    expect(mergeRecord(a, b)).toBe(b);
    expect(mergeRecord(b, a)).toBe(b);
  });

  it('orders equal walls and counters by device, so two writes never tie', () => {
    const a = live('x', stamp(1000, 0, 'devA'));
    const b = live('x', stamp(1000, 0, 'devB'));
    expect(mergeRecord(a, b)).toBe(b);
  });

  it('treats a tombstone as a write: a later delete beats an edit, a later edit beats a delete', () => {
    const edit = live('x', stamp(1000));
    const del = tomb('x', stamp(2000));
    expect(mergeRecord(edit, del)).toBe(del);
    const reEdit = live('x', stamp(3000), [7]);
    expect(mergeRecord(del, reEdit)).toBe(reEdit);
  });

  it('never lets anything beat a live used mark, and keeps the first use', () => {
    const first = live('used:t1', stamp(1000, 0, 'devA'), [1], 'used');
    const second = live('used:t1', stamp(5000, 0, 'devB'), [2], 'used');
    const laterDelete = tomb('used:t1', stamp(9000), 'used');
    expect(mergeRecord(second, first)).toBe(first);
    expect(mergeRecord(first, laterDelete)).toBe(first);
    expect(mergeRecord(laterDelete, second)).toBe(second);
    const laterAccount = live('used:t1', stamp(9999), [5], 'account');
    expect(mergeRecord(laterAccount, first)).toBe(first);
  });

  it('picks between two copies of one stamp deterministically (by bytes)', () => {
    const a = live('x', stamp(1000), [1, 2, 3]);
    const b = live('x', stamp(1000), [1, 2, 4]);
    expect(mergeRecord(a, b)).toBe(b);
    expect(mergeRecord(b, a)).toBe(b);
  });
});

describe('mergeSets', () => {
  it('reports what each side lacks, and keeps concurrent edits of different records', () => {
    const local = [live('a', stamp(1000)), live('b', stamp(1000)), tomb('c', stamp(3000))];
    const remote = [live('a', stamp(2000), [9]), live('c', stamp(2000)), live('d', stamp(500))];
    const { merged, toApplyLocally, toPush } = mergeSets(local, remote);
    expect(merged.map((r) => r.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(toApplyLocally.map((r) => r.id).sort()).toEqual(['a', 'd']);
    expect(toPush.map((r) => r.id).sort()).toEqual(['b', 'c']);
  });

  it('does not count a re-sealed copy of the same write as a change', () => {
    const { toApplyLocally, toPush } = mergeSets([live('a', stamp(1000), [1])], [live('a', stamp(1000), [2])]);
    expect(toApplyLocally).toEqual([]);
    expect(toPush).toEqual([]);
  });

  it('drops local-only records from both sides', () => {
    const { merged } = mergeSets([live('cred', stamp(1), [1], 'local')], [live('cred2', stamp(1), [1], 'local')]);
    expect(merged).toEqual([]);
  });

  it('folds several remote versions of one id', () => {
    const m = mergeAll([live('a', stamp(1)), live('a', stamp(3)), live('a', stamp(2))]);
    expect(m.get('a')!.hlc).toBe(stamp(3));
  });
});

describe('compactTombstones', () => {
  const now = 200 * DAY_MS;
  it('drops only tombstones older than the TTL whose id is live nowhere else', () => {
    const old = tomb('old', stamp(now - 91 * DAY_MS));
    const young = tomb('young', stamp(now - 10 * DAY_MS));
    const shadowing = tomb('shadow', stamp(now - 100 * DAY_MS));
    const keep = live('live', stamp(now - 365 * DAY_MS));
    const out = compactTombstones([old, young, shadowing, keep], { now, liveElsewhere: new Set(['shadow']) });
    expect(out.map((r) => r.id)).toEqual(['young', 'shadow', 'live']);
  });

  it('honours a custom age', () => {
    expect(compactTombstones([tomb('x', stamp(now - 2000))], { now, olderThanMs: 1000 })).toEqual([]);
    expect(compactTombstones([tomb('x', stamp(now - 500))], { now, olderThanMs: 1000 })).toHaveLength(1);
  });
});

// ---- Algebraic laws over arbitrary versions of one record ----
const arbVersion: fc.Arbitrary<SealedRecord> = fc
  .record({
    wall: fc.integer({ min: 0, max: 5 }),
    counter: fc.integer({ min: 0, max: 2 }),
    device: fc.constantFrom('a', 'b', 'c'),
    kind: fc.constantFrom<RecordKind>('account', 'used', 'token'),
    deleted: fc.boolean(),
    byte: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ wall, counter, device, kind, deleted, byte }) => ({
    id: 'x', kind, hlc: stamp(wall, counter, device), deleted, sealed: deleted ? null : new Uint8Array([byte]),
  }));

describe('merge laws', () => {
  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(arbVersion, arbVersion, arbVersion, (a, b, c) => {
        expect(mergeRecord(a, b)).toEqual(mergeRecord(b, a));
        expect(mergeRecord(mergeRecord(a, b), c)).toEqual(mergeRecord(a, mergeRecord(b, c)));
        expect(mergeRecord(a, a)).toEqual(a);
      }),
      { numRuns: 3000 },
    );
  });

  it('orders versions totally (a comparator zero only for equal records)', () => {
    fc.assert(
      fc.property(arbVersion, arbVersion, (a, b) => {
        const ab = compareVersions(a, b);
        expect(Math.sign(ab) + Math.sign(compareVersions(b, a))).toBe(0);
        if (ab === 0) expect(a).toEqual(b);
      }),
      { numRuns: 3000 },
    );
  });

  it('merges whole sets the same in any order', () => {
    const arbSet = fc.array(arbVersion.chain((r) => fc.constantFrom('p', 'q', 'r').map((id) => ({ ...r, id }))), { maxLength: 6 });
    const canon = (rs: SealedRecord[]) => [...rs].sort((x, y) => (x.id < y.id ? -1 : 1));
    fc.assert(
      fc.property(arbSet, arbSet, arbSet, (a, b, c) => {
        const ab = mergeSets(a, b).merged;
        expect(canon(ab)).toEqual(canon(mergeSets(b, a).merged));
        expect(canon(mergeSets(ab, c).merged)).toEqual(canon(mergeSets(a, mergeSets(b, c).merged).merged));
        expect(canon(mergeSets(ab, ab).merged)).toEqual(canon(ab));
      }),
      { numRuns: 2000 },
    );
  });
});
