import { describe, expect, it } from 'vitest';
import { TesseraError } from '../../../lib/messages/errors';
import { compareHlc, encodeHlc } from '../../../lib/record/hlc';
import type { SealedRecord } from '../../../lib/vault/types';
import { PASS, makeVault } from './helpers';

const account = (id: string, issuer: string) => ({ id, kind: 'account' as const, data: { issuer } });

async function twoDevices() {
  const a = await makeVault();
  await a.vault.setup(PASS);
  const b = await makeVault();
  return { a: a.vault, b: b.vault, bKeys: b.keyStore };
}

describe('LocalReplica', () => {
  it('a second device that adopts the header and the records unlocks with the same passphrase', async () => {
    const { a, b } = await twoDevices();
    await a.commit({
      put: [account('x', 'Acme'), account('y', 'Bank'), { id: 'used:t', kind: 'used', data: { usedAt: 7 } }, { id: 'l', kind: 'local', data: 1 }],
    });
    await a.commit({ remove: ['y'] });

    expect(await b.state()).toBe('new');
    await b.adoptHeader((await a.header())!);
    await b.applyRemote(await a.sealedRecords());
    expect(await b.state()).toBe('locked');
    expect(await b.header()).toEqual(await a.header());
    await b.unlock(PASS);

    const read = await b.read();
    expect(read.corrupt).toEqual([]);
    expect(read.records.map((r) => [r.id, r.data])).toEqual([['used:t', { usedAt: 7 }], ['x', { issuer: 'Acme' }]]);
    expect((await b.sealedRecords()).map((r) => [r.id, r.deleted])).toEqual([['used:t', false], ['x', false], ['y', true]]);
    expect(await b.sealedRecords()).toEqual(await a.sealedRecords());

    // B's clock has seen A's stamps: its next write orders after all of them.
    await b.commit({ put: [account('z', 'Cloud')] });
    const z = (await b.get('z'))!.hlc;
    for (const r of await a.sealedRecords()) expect(compareHlc(z, r.hlc)).toBeGreaterThan(0);
  });

  it('keeps the newer local write and never touches a used mark', async () => {
    const { a, b } = await twoDevices();
    await b.adoptHeader((await a.header())!);
    await b.unlock(PASS);
    await a.commit({ put: [account('x', 'old'), { id: 'used:t', kind: 'used', data: { usedAt: 1 } }] });
    const stale = await a.sealedRecords();
    await b.applyRemote(stale);
    await b.commit({ put: [account('x', 'newer on B')] });
    await b.applyRemote(stale); // a late replay of the older state
    expect((await b.get('x'))?.data).toEqual({ issuer: 'newer on B' });

    const tombstone: SealedRecord = { id: 'used:t', kind: 'used', hlc: encodeHlc({ wall: 9e12, counter: 0, device: 'zz' }), deleted: true, sealed: null };
    const overwrite: SealedRecord = { ...stale.find((r) => r.id === 'x')!, id: 'used:t', hlc: tombstone.hlc };
    await b.applyRemote([tombstone]);
    await b.applyRemote([{ ...overwrite, kind: 'used' }]);
    expect((await b.get('used:t'))?.data).toEqual({ usedAt: 1 });
  });

  it('refuses malformed or local records from a remote, writing none of the batch', async () => {
    const { a, b } = await twoDevices();
    await a.commit({ put: [account('x', 'X')] });
    const good = (await a.sealedRecords())[0]!;
    const bad: unknown[] = [
      { ...good, kind: 'local' },
      { ...good, hlc: 'yesterday' },
      { ...good, sealed: null },
      { ...good, v: undefined },
      { ...good, id: '' },
      null,
    ];
    for (const r of bad) {
      await expect(b.applyRemote([good, r as SealedRecord])).rejects.toBeInstanceOf(TesseraError);
    }
    expect(await b.sealedRecords()).toEqual([]);
    // Well-formed but forged: the deleted flag (or stamp, id, kind) is bound into the seal, so the
    // version does not open and is refused, counted, and nothing is stored (format 2).
    await b.adoptHeader((await a.header())!);
    await b.unlock(PASS);
    const forged: SealedRecord[] = [
      { ...good, deleted: true },
      { ...good, hlc: encodeHlc({ wall: Date.now(), counter: 9, device: 'zz' }) },
      { ...good, id: 'y' },
      { ...good, kind: 'token' },
      { ...good, sealed: good.sealed!.map((x, i) => (i === 30 ? x ^ 1 : x)) },
    ];
    expect(await b.applyRemote(forged)).toEqual({ applied: 0, rejected: forged.length });
    expect(await b.sealedRecords()).toEqual([]);
    expect(await b.applyRemote([good])).toEqual({ applied: 1, rejected: 0 });
  });

  it('follows a passphrase change made on another device, and ignores an older header', async () => {
    const { a, b, bKeys } = await twoDevices();
    const original = (await a.header())!;
    await b.adoptHeader(original);
    await b.unlock(PASS);
    await a.changePassphrase(PASS, 'the new passphrase');
    await b.adoptHeader((await a.header())!);
    expect(await b.state()).toBe('unlocked'); // same vault, same vault key
    await b.adoptHeader(original); // a stale copy
    expect(await b.header()).toEqual(await a.header());
    await b.lock();
    await expect(b.unlock(PASS)).rejects.toMatchObject({ code: 'bad-passphrase' });
    await b.unlock('the new passphrase');
    expect(await bKeys.get()).not.toBeNull();
  });

  it('never replaces a vault of its own with another one (conflict, nothing changed)', async () => {
    const { a, b } = await twoDevices();
    await b.setup('another passphrase');
    const mine = await b.header();
    await expect(b.adoptHeader((await a.header())!)).rejects.toMatchObject({ code: 'conflict' });
    expect(await b.state()).toBe('unlocked');
    expect(await b.header()).toEqual(mine);
  });

  it('does not believe a header or records stamped far in the future', async () => {
    const { a, b } = await twoDevices();
    const h = (await a.header())!;
    await b.adoptHeader(h);
    await b.unlock(PASS);
    const future = { ...h, hlc: '9999999999999-ffff-evil', wrappedKey: h.wrappedKey };
    await b.adoptHeader(future);
    expect((await b.header())?.hlc).toBe(h.hlc);
    await a.commit({ put: [account('z', 'Zed')] });
    const [rec] = await a.sealedRecords();
    await b.applyRemote([{ ...rec!, hlc: '9999999999999-ffff-evil' }]);
    expect(await b.sealedRecords()).toEqual([]);
    // A used mark under an account's id would replace the account for good: ignored too.
    await b.applyRemote([rec!]);
    await b.applyRemote([{ ...rec!, kind: 'used', hlc: rec!.hlc.replace(/^\d/, '0') }]);
    expect((await b.sealedRecords()).map((r) => [r.id, r.kind])).toEqual([['z', 'account']]);
  });

  it('refuses a header it cannot read', async () => {
    const { a, b } = await twoDevices();
    const h = (await a.header())!;
    for (const bad of [{ ...h, format: 3 }, { ...h, kdf: { ...h.kdf, memoryKiB: 1e9 } }, { ...h, hlc: 'x' }, { ...h, wrappedKey: '!' }]) {
      await expect(b.adoptHeader(bad as typeof h)).rejects.toMatchObject({ code: 'corrupt' });
    }
    expect(await b.state()).toBe('new');
  });
});

describe('HOTP counters across devices', () => {
  it('never go back: a newer version with a lower counter keeps the higher one, and both devices converge', async () => {
    // Wall clocks the test moves, so which write is newer is certain (not a same-millisecond tie).
    let wall = Date.now();
    const a = await makeVault({ now: () => wall });
    await a.vault.setup(PASS);
    const b = await makeVault({ now: () => wall });
    await b.vault.adoptHeader((await a.vault.header())!);
    const hotp = (counter: number, label: string) => ({ id: 'h', kind: 'account' as const, data: { type: 'hotp', issuer: 'H', label, counter } });
    await a.vault.commit({ put: [hotp(0, 'x')] });
    await b.vault.applyRemote(await a.vault.sealedRecords());
    await b.vault.unlock(PASS);
    // Apart: A uses two codes, then B uses one and renames (B's write is the newer).
    wall += 1000;
    await a.vault.commit({ put: [hotp(2, 'x')] });
    wall += 1000;
    await b.vault.commit({ put: [hotp(1, 'renamed')] });
    await a.vault.applyRemote(await b.vault.sealedRecords());
    expect((await a.vault.get<{ counter: number; label: string }>('h'))?.data).toMatchObject({ counter: 2, label: 'renamed' });
    await b.vault.applyRemote(await a.vault.sealedRecords());
    expect((await b.vault.get<{ counter: number; label: string }>('h'))?.data).toMatchObject({ counter: 2, label: 'renamed' });
  });
});

describe('header authenticity', () => {
  it('an unlocked device adopts a changed header only with a valid MAC; a locked one waits', async () => {
    const { a, b } = await twoDevices();
    await b.adoptHeader((await a.header())!);
    await b.unlock(PASS);
    await a.changePassphrase(PASS, 'a new passphrase 2026');
    const changed = (await a.header())!;
    // A backend's forgery: the same header with a garbage wrapped key and no valid MAC.
    const forged = { ...changed, wrappedKey: changed.wrappedKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) };
    await b.adoptHeader(forged);
    expect((await b.header())?.wrappedKey).not.toBe(forged.wrappedKey);
    await b.adoptHeader({ ...changed, mac: undefined });
    expect((await b.header())?.hlc).not.toBe(changed.hlc);
    // The real change, with its MAC: adopted; the new passphrase opens B after a lock.
    await b.adoptHeader(changed);
    expect(await b.header()).toEqual(changed);
    await b.lock();
    await expect(b.unlock(PASS)).rejects.toMatchObject({ code: 'bad-passphrase' });
    await b.unlock('a new passphrase 2026');
  });
});
