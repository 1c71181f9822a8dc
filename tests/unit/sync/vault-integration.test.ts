// The engine against the real Vault (lib/vault/vault.ts on fake-indexeddb), through both
// backends: the LocalReplica contract as the vault implements it, joining with the passphrase,
// and the storage.sync pack built from the vault's key store.
import { describe, expect, it } from 'vitest';
import { Vault } from '../../../lib/vault/vault';
import { memoryKeyStore } from '../../../lib/vault/memory-key-store';
import { SyncEngine } from '../../../lib/sync/engine';
import { BrowserSyncBackend } from '../../../lib/sync/backends/browser-sync';
import { vaultPackCrypto } from '../../../lib/sync/pack-crypto';
import type { SyncBackend } from '../../../lib/sync/backend';
import { MemoryBackend } from './memory-backend';
import { MemoryStorageSync } from './memory-storage-sync';
import { accountData } from './accounts';

// Cheap KDF parameters: this test is about sync, not about the KDF's cost.
const kdfParams = () => ({ name: 'argon2id' as const, memoryKiB: 64, iterations: 1, parallelism: 1, salt: btoa('0123456789abcdef') });
let n = 0;

async function device(backendFor: (vault: Vault) => SyncBackend) {
  const keyStore = memoryKeyStore();
  const vault = await Vault.open({ db: `sync-it-${++n}-${Math.random()}`, keyStore, kdfParams });
  const engine = new SyncEngine({ replica: vault, backend: backendFor(vault), deviceId: vault.device });
  return { vault, engine, keyStore };
}

const issuers = async (v: Vault) => (await v.read<{ issuer: string }>('account')).records.map((r) => r.data.issuer).sort();

describe.each([
  ['WebDAV-like (sealed records)', () => {
    const backend = new MemoryBackend();
    return () => backend;
  }],
  ['storage.sync (packs)', () => {
    const storage = new MemoryStorageSync();
    return (vault: Vault) => new BrowserSyncBackend({ area: storage.area(), crypto: vaultPackCrypto(() => vault.keyring()) });
  }],
])('with the real vault, %s', (_name, makeWorld) => {
  it('joins with the same passphrase, converges, and spreads a passphrase change', async () => {
    const backendFor = makeWorld();
    const a = await device(backendFor);
    await a.vault.setup('correct horse battery');
    await a.vault.commit({ put: [
      { id: 'acct1', kind: 'account', data: { ...accountData(), issuer: 'GitHub' } },
      { id: 'acct2', kind: 'account', data: { ...accountData(), issuer: 'Slack' } },
    ] });
    await a.engine.syncNow();

    const b = await device(backendFor);
    expect(await b.vault.state()).toBe('new');
    expect((await b.engine.syncNow()).joined).toBe(true);
    expect(await b.vault.state()).toBe('locked');
    await expect(b.vault.unlock('wrong passphrase')).rejects.toMatchObject({ code: 'bad-passphrase' });
    await b.vault.unlock('correct horse battery');
    await b.engine.syncNow(); // over storage.sync the records come now, with the key
    expect(await issuers(b.vault)).toEqual(['GitHub', 'Slack']);

    await b.vault.commit({ put: [{ id: 'acct1', kind: 'account', data: { ...accountData(), issuer: 'GitHub (work)' } }] });
    await a.vault.commit({ remove: ['acct2'], put: [{ id: 'used:t1', kind: 'used', data: { usedAt: 1 } }] });
    for (let i = 0; i < 2; i++) {
      await a.engine.syncNow();
      await b.engine.syncNow();
    }
    expect(await issuers(a.vault)).toEqual(['GitHub (work)']);
    expect(await issuers(b.vault)).toEqual(['GitHub (work)']);
    expect((await b.vault.read('used')).records.map((r) => r.id)).toEqual(['used:t1']);

    await a.vault.changePassphrase('correct horse battery', 'new passphrase here');
    await a.engine.syncNow();
    expect((await b.engine.syncNow()).headerAdopted).toBe(true);
    await b.vault.lock();
    await expect(b.vault.unlock('correct horse battery')).rejects.toMatchObject({ code: 'bad-passphrase' });
    await b.vault.unlock('new passphrase here');
    expect(await issuers(b.vault)).toEqual(['GitHub (work)']);
  });
});
