// The vault's cache of opened records (lib/record/open-cache.ts): a read serves a record from it
// only when the stored row is exactly the one opened before; any change is authenticated afresh.
import { describe, expect, it, vi } from 'vitest';
import * as envelope from '../../../lib/record/envelope';
import { OpenCache } from '../../../lib/record/open-cache';
import { keyring, sealVersion } from '../../../lib/vault/envelope';
import { PASS, makeVault, patchRecord, rawRecord } from './helpers';

const account = (id: string, issuer: string) => ({ id, kind: 'account' as const, data: { issuer, label: 'alice', secret: 'JBSWY3DPEHPK3PXP' } });

async function ready() {
  const made = await makeVault();
  await made.vault.setup(PASS);
  await made.vault.commit({ put: [account('a', 'Acme'), account('b', 'Bank')] });
  return made;
}

describe('OpenCache', () => {
  const ring = keyring('vault-1', new Uint8Array(32).fill(7));
  const meta = { id: 'a', kind: 'account' as const, hlc: '0000000000001-0000-dev', deleted: false };

  it('opens once per distinct row and gives each caller its own objects', () => {
    const cache = new OpenCache();
    const row = sealVersion(ring, meta, { issuer: 'Acme' });
    const spy = vi.spyOn(envelope, 'openText');
    const first = cache.open<{ issuer: string }>(ring, row)!;
    first.issuer = 'changed by a caller';
    const second = cache.open<{ issuer: string }>(ring, { ...row, sealed: row.sealed!.slice() })!;
    expect(second).toEqual({ issuer: 'Acme' });
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('authenticates again when any input differs: bytes, stamp, flag, key', () => {
    const cache = new OpenCache();
    const row = sealVersion(ring, meta, { issuer: 'Acme' });
    cache.open(ring, row);
    const flipped = row.sealed!.slice();
    flipped[flipped.length - 1]! ^= 1;
    expect(() => cache.open(ring, { ...row, sealed: flipped })).toThrow();
    expect(() => cache.open(ring, { ...row, hlc: '0000000000002-0000-dev' })).toThrow();
    expect(() => cache.open(ring, { ...row, deleted: true })).toThrow();
    expect(() => cache.open(keyring('vault-1', new Uint8Array(32).fill(8)), row)).toThrow();
    expect(() => cache.open(keyring('vault-2', new Uint8Array(32).fill(7)), row)).toThrow();
    // The good row still opens (the failures were not remembered in its place).
    expect(cache.open(ring, row)).toEqual({ issuer: 'Acme' });
  });

  it('remembers tombstones as tombstones and forgets everything on clear', () => {
    const cache = new OpenCache();
    const tomb = sealVersion(ring, { ...meta, deleted: true });
    expect(cache.open(ring, tomb)).toBeUndefined();
    expect(cache.open(ring, tomb)).toBeUndefined();
    expect(cache.size).toBe(1);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});

describe('the vault reads through the cache', () => {
  it('a second read opens nothing again; a write is seen at once', async () => {
    const { vault } = await ready();
    await vault.read('account');
    const spy = vi.spyOn(envelope, 'openText');
    expect((await vault.read<{ issuer: string }>('account')).records.map((r) => r.data.issuer)).toEqual(['Acme', 'Bank']);
    expect(spy).not.toHaveBeenCalled();
    await vault.commit({ put: [account('a', 'Acme 2')] });
    expect((await vault.read<{ issuer: string }>('account')).records.map((r) => r.data.issuer)).toEqual(['Acme 2', 'Bank']);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('a row tampered with in storage after it was read is reported corrupt, not served from memory', async () => {
    const { vault, name } = await ready();
    expect((await vault.read('account')).corrupt).toEqual([]);
    await patchRecord(name, 'a', (r) => {
      const sealed = (r.sealed as Uint8Array).slice();
      sealed[30]! ^= 0xff;
      return { ...r, sealed };
    });
    const read = await vault.read('account');
    expect(read.corrupt).toEqual([{ id: 'a', kind: 'account' }]);
    expect(read.records.map((r) => r.id)).toEqual(['b']);
    await expect(vault.get('a')).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('an old row put back (a replay of what was read before) is still the old version, not a fresh one', async () => {
    const { vault, name } = await ready();
    const old = await rawRecord(name, 'a');
    await vault.read('account');
    await vault.commit({ put: [account('a', 'Acme 2')] });
    expect((await vault.get<{ issuer: string }>('a'))!.data.issuer).toBe('Acme 2');
    await patchRecord(name, 'a', () => old);
    // The replayed row opens (it is authentic) and reads as what it is: the old data.
    expect((await vault.get<{ issuer: string }>('a'))!.data.issuer).toBe('Acme');
  });

  it('locking forgets every opened record: a locked vault answers locked, not from memory', async () => {
    const { vault } = await ready();
    await vault.read('account');
    await vault.lock();
    await expect(vault.read('account')).rejects.toMatchObject({ code: 'locked' });
    await vault.unlock(PASS);
    const spy = vi.spyOn(envelope, 'openText');
    await vault.read('account');
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });
});
