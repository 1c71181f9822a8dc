import { describe, expect, it } from 'vitest';
import { seal } from '../../../lib/crypto/aead';
import { utf8Encode } from '../../../lib/crypto/encoding';
import { TesseraError } from '../../../lib/messages/errors';
import { compareHlc, decodeHlc, encodeHlc } from '../../../lib/record/hlc';
import { recordAd, recordAdV2, sealVersion } from '../../../lib/vault/envelope';
import { memoryKeyStore } from '../../../lib/vault/memory-key-store';
import { Vault } from '../../../lib/vault/vault';
import { PASS, failNthPut, makeVault, patchRecord, rawDump, rawRecord, serialise } from './helpers';

async function ready() {
  const made = await makeVault();
  await made.vault.setup(PASS);
  return made;
}

async function error(p: Promise<unknown>): Promise<TesseraError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TesseraError) return e;
    throw e;
  }
  throw new Error('expected a TesseraError');
}

const account = (id: string, issuer: string) => ({ id, kind: 'account' as const, data: { issuer, label: `${issuer} user`, secret: 'JBSWY3DPEHPK3PXP' } });

describe('reading and writing records', () => {
  it('puts, reads by kind, gets, overwrites and removes', async () => {
    const { vault } = await ready();
    await vault.commit({ put: [account('a', 'Acme'), account('b', 'Bank'), { id: 's', kind: 'setting', data: { x: 1 } }] });
    expect((await vault.read()).records.map((r) => r.id)).toEqual(['a', 'b', 's']);
    expect((await vault.read('account')).records.map((r) => r.id)).toEqual(['a', 'b']);
    expect((await vault.read('token')).records).toEqual([]);
    const a1 = await vault.get<{ issuer: string }>('a');
    expect(a1?.data.issuer).toBe('Acme');
    expect(a1?.kind).toBe('account');

    await vault.commit({ put: [account('a', 'Acme 2')] });
    const a2 = await vault.get<{ issuer: string }>('a');
    expect(a2?.data.issuer).toBe('Acme 2');
    expect(compareHlc(a2!.hlc, a1!.hlc)).toBeGreaterThan(0);

    await vault.commit({ remove: ['b', 'missing'] });
    expect(await vault.get('b')).toBeNull();
    expect(await vault.get('missing')).toBeNull();
    expect((await vault.read()).records.map((r) => r.id)).toEqual(['a', 's']);
    const tomb = (await vault.sealedRecords()).find((r) => r.id === 'b');
    expect(tomb).toMatchObject({ id: 'b', kind: 'account', deleted: true, v: 2 });
    // Format 2: the tombstone is sealed too, with its stamp and flag bound.
    expect(tomb!.sealed).toBeInstanceOf(Uint8Array);
  });

  it('deletes local records outright and never hands them to sync', async () => {
    const { vault, name } = await ready();
    await vault.commit({ put: [{ id: 'webdav', kind: 'local', data: { password: 'pw' } }, account('a', 'Acme')] });
    expect((await vault.sealedRecords()).map((r) => r.id)).toEqual(['a']);
    expect((await vault.read('local')).records[0]?.data).toEqual({ password: 'pw' });
    await vault.commit({ remove: ['webdav'] });
    expect(await rawRecord(name, 'webdav')).toBeUndefined();
    expect((await vault.read()).records.map((r) => r.id)).toEqual(['a']);
  });

  it('stamps every write of one commit with distinct increasing stamps from this device', async () => {
    const { vault } = await ready();
    await vault.commit({ put: [account('a', 'A'), account('b', 'B'), account('c', 'C')] });
    const stamps = (await vault.sealedRecords()).map((r) => r.hlc);
    expect(new Set(stamps).size).toBe(3);
    for (const s of stamps) expect(decodeHlc(s).device).toBe(vault.device);
  });

  it('rejects repeated or empty ids and unknown kinds, writing nothing', async () => {
    const { vault } = await ready();
    const bad = [
      { put: [account('a', 'A'), account('a', 'B')] },
      { put: [account('a', 'A')], remove: ['a'] },
      { put: [{ id: '', kind: 'account' as const, data: 1 }] },
      { put: [{ id: 'x', kind: 'nope' as 'account', data: 1 }] },
      { put: [{ id: 'x', kind: 'account' as const, data: undefined }] },
    ];
    for (const change of bad) expect((await error(vault.commit(change))).code).toBe('bad-input');
    expect(await vault.sealedRecords()).toEqual([]);
    await vault.commit({}); // nothing to do
  });
});

describe('tampering is reported, never dropped', () => {
  it('reports flipped, truncated, swapped and relabelled records as corrupt; the rest still open', async () => {
    const { vault, name } = await ready();
    await vault.commit({ put: ['a', 'b', 'c', 'd', 'e', 'f', 'ok'].map((id) => account(id, id.toUpperCase())) });
    const sealed = async (id: string) => (await rawRecord(name, id)).sealed as Uint8Array;

    await patchRecord(name, 'a', (r) => {
      const s = (r.sealed as Uint8Array).slice();
      s[30]! ^= 0x01;
      return { ...r, sealed: s };
    });
    await patchRecord(name, 'b', (r) => ({ ...r, sealed: (r.sealed as Uint8Array).slice(0, -1) }));
    const [c, d] = [await sealed('c'), await sealed('d')];
    await patchRecord(name, 'c', (r) => ({ ...r, sealed: d }));
    await patchRecord(name, 'd', (r) => ({ ...r, sealed: c }));
    await patchRecord(name, 'e', (r) => ({ ...r, kind: 'setting' })); // kind is bound too
    await patchRecord(name, 'f', (r) => ({ ...r, sealed: 'not bytes' }));

    const before = serialise(await rawDump(name));
    const result = await vault.read();
    expect(result.records.map((r) => r.id)).toEqual(['ok']);
    expect(result.corrupt).toEqual([
      { id: 'a', kind: 'account' }, { id: 'b', kind: 'account' }, { id: 'c', kind: 'account' },
      { id: 'd', kind: 'account' }, { id: 'e', kind: 'setting' }, { id: 'f', kind: 'account' },
    ]);
    expect((await vault.read('account')).corrupt.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'f']);
    // Reading changed nothing: the damaged records are still there as they were.
    expect(serialise(await rawDump(name))).toBe(before);
    expect((await vault.get('ok'))?.data).toMatchObject({ issuer: 'OK' });
    for (const id of ['a', 'c', 'e']) {
      const e = await error(vault.get(id));
      expect(e.code).toBe('corrupt');
      expect(e.message).toContain(id);
    }
  });

  it('reports a record that authenticates but is not JSON', async () => {
    const { vault, name, keyStore } = await ready();
    await vault.commit({ put: [account('a', 'A'), account('b', 'B')] });
    const key = (await keyStore.get())!;
    const ring = (await vault.keyring())!;
    await patchRecord(name, 'a', (r) => ({ ...r, sealed: seal(key, utf8Encode('{not json'), recordAdV2(ring.vaultId, ring.kid, r as never)) }));
    const result = await vault.read();
    expect(result.corrupt).toEqual([{ id: 'a', kind: 'account' }]);
    expect(result.records.map((r) => r.id)).toEqual(['b']);
  });
});

describe('one transaction per change', () => {
  it('a commit that fails midway leaves nothing half-written', async () => {
    const { vault, name } = await ready();
    await vault.commit({ put: [account('a', 'A'), account('b', 'B')] });
    const before = serialise(await rawDump(name));
    // The third put of the batch throws, after two have been issued inside the transaction.
    const undo = failNthPut(3, () => new Error('worker stopped'));
    try {
      await expect(vault.commit({ put: [account('a', 'A2'), account('c', 'C'), account('d', 'D'), account('e', 'E')], remove: ['b'] }))
        .rejects.toThrow('worker stopped');
    } finally {
      undo();
    }
    expect(serialise(await rawDump(name))).toBe(before);
    // And the vault still works afterwards.
    await vault.commit({ put: [account('c', 'C')] });
    expect((await vault.read()).records.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('a full disk gives quota, with nothing written', async () => {
    const { vault, name } = await ready();
    await vault.commit({ put: [account('a', 'A')] });
    const before = serialise(await rawDump(name));
    const undo = failNthPut(2, () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    let e: TesseraError;
    try {
      e = await error(vault.commit({ put: [account('b', 'B'), account('c', 'C')] }));
    } finally {
      undo();
    }
    expect(e.code).toBe('quota');
    expect(serialise(await rawDump(name))).toBe(before);
  });
});

describe('at rest', () => {
  it('IndexedDB holds no issuer, label or secret in any store', async () => {
    const { vault, name } = await ready();
    const secrets = ['Grünbank Tokyo', 'alice@example.org', 'JBSWY3DPEHPK3PXP', 'example.co.jp', '12345678'];
    await vault.commit({
      put: [
        { id: 'a', kind: 'account', data: { issuer: secrets[0], label: secrets[1], secret: secrets[2], sites: [secrets[3]] } },
        { id: 't', kind: 'token', data: { accountId: 'a', value: secrets[4] } },
        { id: 'l', kind: 'local', data: { url: 'https://dav.example.net', password: 'hunter2hunter2' } },
      ],
    });
    await vault.lock();
    await vault.unlock(PASS);
    const text = serialise(await rawDump(name));
    expect(text).toContain('"records"');
    expect(text).toContain('"meta"');
    // Long, distinctive strings only: two-letter ones turn up by chance in random bytes.
    for (const s of [...secrets, 'dav.example.net', 'hunter2hunter2', 'Grünbank', 'alice@', PASS]) {
      expect(text.includes(s), s).toBe(false);
    }
  });
});

describe('hybrid logical clock', () => {
  it('stays monotonic across a new Vault instance, even when the wall clock goes back', async () => {
    const keyStore = memoryKeyStore();
    let wall = 2_000_000_000_000;
    const { vault, name } = await makeVault({ keyStore, now: () => wall });
    await vault.setup(PASS);
    await vault.commit({ put: [account('a', 'A'), account('b', 'B')] });
    const first = (await vault.sealedRecords()).map((r) => r.hlc).sort();
    const device = vault.device;
    vault.close();

    wall = 1_000_000_000_000; // a service-worker restart with a clock set back
    const again = await Vault.open({ db: name, keyStore, now: () => wall });
    expect(again.device).toBe(device);
    await again.commit({ put: [account('c', 'C')] });
    const c = (await again.get('c'))!.hlc;
    expect(compareHlc(c, first[1]!)).toBeGreaterThan(0);
  });

  it('two instances on one database never reuse or reorder stamps', async () => {
    const keyStore = memoryKeyStore();
    const { vault: one, name } = await makeVault({ keyStore, now: () => 5_000 });
    await one.setup(PASS);
    const two = await Vault.open({ db: name, keyStore, now: () => 5_000 });
    await one.commit({ put: [account('a', 'A')] });
    await two.commit({ put: [account('b', 'B')] });
    await one.commit({ put: [account('c', 'C')] });
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map(async (id) => (await one.get(id))!.hlc));
    expect(compareHlc(a!, b!)).toBeLessThan(0);
    expect(compareHlc(b!, c!)).toBeLessThan(0);
  });
});

describe('used marks (a grow-only set)', () => {
  it('can be created but never overwritten or removed', async () => {
    const { vault } = await ready();
    await vault.commit({ put: [{ id: 'used:t1', kind: 'used', data: { usedAt: 1 } }] });
    for (const change of [
      { put: [{ id: 'used:t1', kind: 'used' as const, data: { usedAt: 2 } }] },
      { put: [{ id: 'used:t1', kind: 'token' as const, data: {} }] },
      { remove: ['used:t1'] },
    ]) {
      const e = await error(vault.commit(change));
      expect(e.code).toBe('bad-input');
    }
    // Nor can a used mark take the place of another record.
    await vault.commit({ put: [{ id: 'x', kind: 'token', data: {} }] });
    expect((await error(vault.commit({ put: [{ id: 'x', kind: 'used', data: {} }] }))).code).toBe('bad-input');
    expect((await vault.get('used:t1'))?.data).toEqual({ usedAt: 1 });
  });
});

describe('applyRemote and used marks', () => {
  it('keeps the earliest of two used marks of one token, and never removes one', async () => {
    const { vault } = await makeVault();
    await vault.setup(PASS);
    await vault.commit({ put: [{ id: 'used:t1', kind: 'used', data: { usedAt: 2 } }] });
    const [mine] = (await vault.sealedRecords()).filter((r) => r.id === 'used:t1');
    const ring = (await vault.keyring())!;
    const mark = (hlc: string, deleted = false) => sealVersion(ring, { id: 'used:t1', kind: 'used', hlc, deleted }, { usedAt: 0 });
    const earlier = mark('0000000000001-0000-zzz');
    const later = mark(encodeHlc({ wall: Date.now() + 60_000, counter: 0, device: 'zzz' }));
    await vault.applyRemote([later, mark('0000000000001-0000-zzz', true)]);
    expect((await vault.sealedRecords()).find((r) => r.id === 'used:t1')!.hlc).toBe(mine!.hlc);
    await vault.applyRemote([earlier]);
    expect((await vault.sealedRecords()).find((r) => r.id === 'used:t1')!.hlc).toBe(earlier.hlc);
  });
});
