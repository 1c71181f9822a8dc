// "Also replace the vault key" on a passphrase change (issue 10): every record re-sealed under a
// new key, the old passphrase opens nothing written afterwards, and another device follows once
// it is unlocked with the new passphrase (its own records re-sealed, nothing lost).
import { describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../lib/sync/engine';
import { unwrapVaultKey } from '../../../lib/vault/header';
import { MemoryBackend } from '../sync/memory-backend';
import { PASS, makeVault } from './helpers';

const NEW = 'a brand new passphrase';
const account = (id: string, issuer: string) => ({ id, kind: 'account' as const, data: { issuer } });
const issuers = async (v: Awaited<ReturnType<typeof makeVault>>['vault']) => (await v.read<{ issuer: string }>('account')).records.map((r) => r.data.issuer).sort();

describe('replacing the vault key', () => {
  it('re-seals everything, locks the old passphrase out of new data, and another device follows', async () => {
    const backend = new MemoryBackend();
    const a = await makeVault();
    await a.vault.setup(PASS);
    await a.vault.commit({ put: [account('x', 'X'), { id: 'used:t', kind: 'used', data: { usedAt: 1 } }] });
    await a.vault.commit({ put: [account('gone', 'G')] });
    await a.vault.commit({ remove: ['gone'] });
    const ea = new SyncEngine({ replica: a.vault, backend, deviceId: a.vault.device });
    await ea.syncNow();
    const b = await makeVault();
    const eb = new SyncEngine({ replica: b.vault, backend, deviceId: b.vault.device });
    await eb.syncNow();
    await b.vault.unlock(PASS);
    await eb.syncNow();
    expect(await issuers(b.vault)).toEqual(['X']);

    const oldKid = (await a.vault.header())!.keyId;
    await a.vault.changePassphrase(PASS, NEW, { replaceKey: true });
    const h = (await a.vault.header())!;
    expect(h.keyId).not.toBe(oldKid);
    expect(await unwrapVaultKey(h, PASS)).toBeNull(); // the old passphrase opens nothing new
    expect((await a.vault.sealedRecords()).every((r) => r.kid === h.keyId)).toBe(true);
    expect(await issuers(a.vault)).toEqual(['X']);
    expect((await a.vault.get('used:t'))!.data).toEqual({ usedAt: 1 });
    await a.vault.commit({ put: [account('y', 'written after')] });
    await ea.syncNow();

    // B, still on the old key, writes meanwhile, syncs: the new header waits aside; nothing of
    // A's new-key data is applied, and nothing is reported as tampering.
    await b.vault.commit({ put: [account('z', 'B meanwhile')] });
    await eb.syncNow();
    expect(await issuers(b.vault)).toEqual(['B meanwhile', 'X']);
    expect(eb.status().rejected).toBe(0);
    expect((await b.vault.header())!.keyId).toBe(oldKid);

    // Unlocked with the new passphrase, B follows: its own records move to the new key.
    await b.vault.lock();
    await b.vault.unlock(NEW);
    expect((await b.vault.header())!.keyId).toBe(h.keyId);
    expect(await issuers(b.vault)).toEqual(['B meanwhile', 'X']);
    await eb.syncNow();
    await ea.syncNow();
    await eb.syncNow();
    for (const v of [a.vault, b.vault]) {
      expect(await issuers(v)).toEqual(['B meanwhile', 'X', 'written after']);
      expect((await v.sealedRecords()).find((r) => r.id === 'gone')?.deleted).toBe(true);
      expect((await v.sealedRecords()).every((r) => r.kid === h.keyId)).toBe(true);
    }
    expect(ea.status().rejected).toBe(0);
    await b.vault.lock();
    await expect(b.vault.unlock(PASS)).rejects.toMatchObject({ code: 'bad-passphrase' });
  });

  it('never follows a header it cannot prove: a forged newer header with another key is ignored', async () => {
    const a = await makeVault();
    await a.vault.setup(PASS);
    const other = await makeVault();
    await other.vault.setup(NEW); // an attacker's own vault, relabelled as ours
    const forged = { ...(await other.vault.header())!, vaultId: (await a.vault.header())!.vaultId, hlc: `${Date.now() + 1000}-0000-evil` };
    await a.vault.adoptHeader(forged);
    await a.vault.lock();
    await expect(a.vault.unlock(NEW)).rejects.toMatchObject({ code: 'bad-passphrase' });
    await a.vault.unlock(PASS);
    expect((await a.vault.header())!.hlc).not.toBe(forged.hlc);
  });
});
