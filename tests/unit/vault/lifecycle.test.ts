import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import type { VaultHeader } from '../../../lib/vault/types';
import { DEFAULT_KDF } from '../../../lib/crypto/kdf-params';
import { TesseraError } from '../../../lib/messages/errors';
import { memoryKeyStore } from '../../../lib/vault/memory-key-store';
import { Vault } from '../../../lib/vault/vault';
import { PASS, makeVault, rawDump, rawRecord, serialise } from './helpers';

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TesseraError) return e.code;
    throw e;
  }
  throw new Error('expected a TesseraError');
}

describe('vault lifecycle', () => {
  it('goes new → unlocked (setup) → locked → unlocked', async () => {
    const { vault, keyStore } = await makeVault();
    expect(await vault.state()).toBe('new');
    expect(await vault.header()).toBeNull();
    await vault.setup(PASS);
    expect(await vault.state()).toBe('unlocked');
    const key = await keyStore.get();
    expect(key?.length).toBe(32);
    await vault.lock();
    expect(await vault.state()).toBe('locked');
    expect(await keyStore.get()).toBeNull();
    await vault.unlock(PASS);
    expect(await vault.state()).toBe('unlocked');
    expect(await keyStore.get()).toEqual(key);
    const header = await vault.header();
    expect(header).toMatchObject({ format: 2, kdf: { name: 'argon2id' } });
    expect(header?.vaultId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('refuses a second setup and short passphrases', async () => {
    const { vault } = await makeVault();
    expect(await code(vault.setup('  1234567  '))).toBe('weak-passphrase');
    expect(await code(vault.setup('ｐａｓｓ'))).toBe('weak-passphrase');
    expect(await vault.state()).toBe('new');
    await vault.setup('パスフレーズ長め'); // 8 characters
    expect(await code(vault.setup(PASS))).toBe('exists');
  });

  it('answers no-vault before setup, and locked while locked', async () => {
    const { vault } = await makeVault();
    for (const p of [vault.unlock(PASS), vault.read(), vault.get('x'), vault.commit({ remove: ['x'] }), vault.changePassphrase(PASS, PASS)]) {
      expect(await code(p)).toBe('no-vault');
    }
    await vault.setup(PASS);
    await vault.lock();
    for (const p of [vault.read(), vault.read('account'), vault.get('x'), vault.commit({ remove: ['x'] })]) {
      expect(await code(p)).toBe('locked');
    }
  });

  it('a wrong passphrase changes nothing, locked or unlocked', async () => {
    const { vault, name, keyStore } = await makeVault();
    await vault.setup(PASS);
    await vault.commit({ put: [{ id: 'a', kind: 'account', data: { issuer: 'Acme' } }] });
    const before = serialise(await rawDump(name));
    const key = await keyStore.get();

    expect(await code(vault.unlock('not the passphrase'))).toBe('bad-passphrase');
    expect(await keyStore.get()).toEqual(key);
    await vault.lock();
    for (const wrong of ['not the passphrase', '', PASS + ' ', PASS.toUpperCase()]) {
      expect(await code(vault.unlock(wrong)), JSON.stringify(wrong)).toBe('bad-passphrase');
    }
    expect(await keyStore.get()).toBeNull();
    expect(await vault.state()).toBe('locked');
    expect(serialise(await rawDump(name))).toBe(before);
  });

  it('binds the wrapped key to its vault id', async () => {
    const { vault, name } = await makeVault();
    await vault.setup(PASS);
    await vault.lock();
    const db = await openDB(name);
    const header = (await db.get('meta', 'header')) as VaultHeader;
    await db.put('meta', { ...header, vaultId: 'AAAAAAAAAAAAAAAAAAAAAA' }, 'header');
    db.close();
    expect(await code(vault.unlock(PASS))).toBe('bad-passphrase');
  });

  it('reports a header it cannot read instead of offering a new setup over it', async () => {
    const { vault, name } = await makeVault();
    await vault.setup(PASS);
    const db = await openDB(name);
    const header = (await db.get('meta', 'header')) as VaultHeader;
    await db.put('meta', { ...header, format: 3 }, 'header');
    db.close();
    expect(await code(vault.state())).toBe('corrupt');
    expect(await code(vault.setup(PASS))).toBe('corrupt');
    expect(await code(vault.unlock(PASS))).toBe('corrupt');
    expect((await rawDump(name)).meta!.find(([k]) => k === 'header')?.[1]).toMatchObject({ format: 3 });
  });

  it('unlocks with the passphrase typed in another Unicode form (NFKC)', async () => {
    const { vault } = await makeVault();
    await vault.setup('ｃａｆｅ\u0301 au lait');
    await vault.lock();
    await vault.unlock('café au lait');
    expect(await vault.state()).toBe('unlocked');
  });

  it('changes the passphrase by re-wrapping the key only', async () => {
    const { vault, name } = await makeVault();
    await vault.setup(PASS);
    await vault.commit({ put: [{ id: 'a', kind: 'account', data: { n: 1 } }, { id: 'b', kind: 'token', data: { n: 2 } }] });
    const before = await vault.header();
    const recordsBefore = serialise((await rawDump(name)).records);

    expect(await code(vault.changePassphrase('wrong passphrase', 'a new passphrase'))).toBe('bad-passphrase');
    expect(await code(vault.changePassphrase(PASS, 'short'))).toBe('weak-passphrase');
    expect(await vault.header()).toEqual(before);

    await vault.changePassphrase(PASS, 'a new passphrase');
    const after = await vault.header();
    expect(after?.vaultId).toBe(before?.vaultId);
    expect(after?.kdf.salt).not.toBe(before?.kdf.salt);
    expect(after!.hlc > before!.hlc).toBe(true);
    expect(serialise((await rawDump(name)).records)).toBe(recordsBefore);
    expect(await vault.state()).toBe('unlocked');

    await vault.lock();
    expect(await code(vault.unlock(PASS))).toBe('bad-passphrase');
    await vault.unlock('a new passphrase');
    expect((await vault.read()).records.map((r) => r.data)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('keeps the key in the key store only, and a new instance sees the same state', async () => {
    const keyStore = memoryKeyStore();
    const { vault, name } = await makeVault({ keyStore });
    await vault.setup(PASS);
    await vault.commit({ put: [{ id: 'a', kind: 'account', data: { n: 1 } }] });
    vault.close();
    const again = await Vault.open({ db: name, keyStore });
    expect(await again.state()).toBe('unlocked');
    expect((await again.get('a'))?.data).toEqual({ n: 1 });
    const raw = await rawRecord(name, 'a');
    expect(raw.sealed).toBeInstanceOf(Uint8Array);
  });

  it('works with the real default KDF parameters', async () => {
    const { name } = await makeVault();
    const vault = await Vault.open({ db: name, keyStore: memoryKeyStore() });
    await vault.setup(PASS);
    expect((await vault.header())?.kdf).toMatchObject(DEFAULT_KDF);
    await vault.lock();
    expect(await code(vault.unlock('wrong passphrase'))).toBe('bad-passphrase');
    await vault.unlock(PASS);
    expect(await vault.state()).toBe('unlocked');
  });
});
