// Passkey unlock in the vault (issue 18): wraps on this device or in the header (MAC-covered,
// synced), unlock that proves the header, removal everywhere, and the vault key replaced.
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../lib/sync/engine';
import { verifyHeaderMac } from '../../../lib/record/header';
import { newPrfSalt } from '../../../lib/passkey/wrap';
import type { VaultHeader } from '../../../lib/record/types';
import { MemoryBackend } from '../sync/memory-backend';
import { PASS, makeVault, rawDump, serialise } from '../vault/helpers';
import { FakeCredential } from './fake-authenticator';

const NEW = 'a brand new passphrase';
const RP = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const account = (id: string, issuer: string) => ({ id, kind: 'account' as const, data: { issuer } });

async function addPasskey(v: Awaited<ReturnType<typeof makeVault>>['vault'], cred: FakeCredential, sync = false, name = '') {
  const salt = newPrfSalt();
  return v.addPasskey({ id: cred.id, salt, prf: cred.prf(salt), name, sync, rp: RP });
}

/** The PRF a page would get for `cred` at unlock: on the salt its wrap carries. */
async function prfFor(v: Awaited<ReturnType<typeof makeVault>>['vault'], cred: FakeCredential): Promise<Uint8Array> {
  const entry = (await v.passkeyRequest()).find((c) => c.id === cred.id);
  if (!entry) throw new Error('no such passkey');
  return cred.prf(entry.salt);
}

async function codeOf(e: Promise<unknown>): Promise<string> {
  try {
    await e;
    return 'ok';
  } catch (err) {
    return (err as { code: string }).code;
  }
}

describe('passkeys in the vault', () => {
  it('a device-only passkey unlocks, leaves the header alone, and records when it was used', async () => {
    let now = Date.UTC(2026, 11, 5, 9, 0);
    const { vault } = await makeVault({ now: () => now });
    await vault.setup(PASS);
    await vault.commit({ put: [account('a', 'GitHub')] });
    const before = await vault.header();
    const cred = new FakeCredential();
    const info = await addPasskey(vault, cred);
    expect(info.name).toBe('Passkey added 2026-12-05');
    expect(info.sync).toBe(false);
    expect(await vault.header()).toEqual(before); // nothing to sync
    await vault.lock();
    expect(await vault.passkeyRequest()).toEqual([{ id: cred.id, salt: expect.any(String), rp: RP }]);
    now += 60_000;
    await vault.unlockWithPasskey(cred.id, await prfFor(vault, cred));
    expect(await vault.state()).toBe('unlocked');
    expect((await vault.read<{ issuer: string }>('account')).records[0]!.data.issuer).toBe('GitHub');
    expect((await vault.passkeys())[0]!.lastUsed).toBe(now);
  });

  it('a wrong PRF output (another credential) or an unknown passkey changes nothing', async () => {
    const { vault, name } = await makeVault();
    await vault.setup(PASS);
    const cred = new FakeCredential();
    await addPasskey(vault, cred, true);
    await vault.lock();
    const dump = serialise(await rawDump(name));
    const other = new FakeCredential();
    expect(await codeOf(vault.unlockWithPasskey(cred.id, other.prf((await vault.passkeyRequest())[0]!.salt)))).toBe('bad-passphrase');
    expect(await codeOf(vault.unlockWithPasskey(other.id, other.prf(newPrfSalt())))).toBe('not-found');
    expect(await codeOf(vault.unlockWithPasskey(cred.id, new Uint8Array(16)))).toBe('bad-input');
    expect(await vault.state()).toBe('locked');
    expect(serialise(await rawDump(name))).toBe(dump);
  });

  it('adding needs the vault unlocked, refuses the same credential twice', async () => {
    const { vault } = await makeVault();
    await vault.setup(PASS);
    const cred = new FakeCredential();
    await addPasskey(vault, cred);
    expect(await codeOf(addPasskey(vault, cred, true))).toBe('exists');
    await vault.lock();
    expect(await codeOf(addPasskey(vault, new FakeCredential()))).toBe('locked');
  });

  it('a synced wrap is in the header under its MAC: any change to it is caught, and the passkey unlock then refuses', async () => {
    const { vault, name } = await makeVault();
    await vault.setup(PASS);
    const plain = (await vault.header())!;
    const cred = new FakeCredential();
    await addPasskey(vault, cred, true, 'Phone');
    const h = (await vault.header())!;
    expect(h.passkeys).toHaveLength(1);
    expect(h.passkeys![0]!.name).toBe('Phone');
    expect(h.hlc > plain.hlc).toBe(true); // a new stamp: sync carries it
    const key = (await vault.keyring())!.key;
    expect(verifyHeaderMac(key, h)).toBe(true);
    const tampered: VaultHeader[] = [
      { ...h, passkeys: [{ ...h.passkeys![0]!, name: 'Evil' }] },
      { ...h, passkeys: [{ ...h.passkeys![0]!, sync: false }] },
      { ...h, passkeys: [{ ...h.passkeys![0]!, salt: newPrfSalt() }] },
      { ...h, passkeys: [{ ...h.passkeys![0]!, rp: 'moz-extension://other' }] },
      { ...h, passkeys: [] },
      { ...h, passkeys: undefined },
      { ...h, passkeys: [...h.passkeys!, { ...h.passkeys![0]!, id: new FakeCredential().id }] },
    ];
    for (const t of tampered) expect(verifyHeaderMac(key, t)).toBe(false);
    // An older header (no passkeys) keeps verifying as before.
    expect(verifyHeaderMac(key, plain)).toBe(true);
    // The stored header changed behind the vault's back: the passkey opens the key, the MAC fails.
    const prf = await prfFor(vault, cred);
    await vault.lock();
    const db = await openDB(name);
    await db.put('meta', tampered[0], 'header');
    db.close();
    expect(await codeOf(vault.unlockWithPasskey(cred.id, prf))).toBe('bad-passphrase');
    expect(await vault.state()).toBe('locked');
  });

  it('rename and "use on other devices" move the wrap between this device and the header', async () => {
    const { vault } = await makeVault();
    await vault.setup(PASS);
    const cred = new FakeCredential();
    await addPasskey(vault, cred);
    await vault.updatePasskey(cred.id, { name: 'Work key', sync: true });
    expect((await vault.header())!.passkeys!.map((p) => p.name)).toEqual(['Work key']);
    await vault.updatePasskey(cred.id, { sync: false });
    expect((await vault.header())!.passkeys).toBeUndefined();
    expect((await vault.passkeys()).map((p) => [p.name, p.sync])).toEqual([['Work key', false]]);
    expect(await codeOf(vault.updatePasskey(cred.id, { name: '  ' }))).toBe('bad-input');
    await vault.lock();
    await vault.unlockWithPasskey(cred.id, await prfFor(vault, cred));
    expect(await vault.state()).toBe('unlocked');
  });

  it('a removed passkey no longer unlocks', async () => {
    const { vault } = await makeVault();
    await vault.setup(PASS);
    const a = new FakeCredential();
    const b = new FakeCredential();
    await addPasskey(vault, a, true);
    await addPasskey(vault, b);
    const prfA = await prfFor(vault, a);
    const prfB = await prfFor(vault, b);
    await vault.removePasskey(a.id);
    await vault.removePasskey(b.id);
    expect(await vault.passkeys()).toEqual([]);
    expect((await vault.header())!.passkeys).toBeUndefined();
    expect(await codeOf(vault.removePasskey(a.id))).toBe('not-found');
    await vault.lock();
    expect(await codeOf(vault.unlockWithPasskey(a.id, prfA))).toBe('not-found');
    expect(await codeOf(vault.unlockWithPasskey(b.id, prfB))).toBe('not-found');
    expect(await vault.state()).toBe('locked');
  });

  it('changing the passphrase keeps passkeys; replacing the vault key drops them with a notice', async () => {
    const { vault } = await makeVault();
    await vault.setup(PASS);
    const a = new FakeCredential();
    const b = new FakeCredential();
    await addPasskey(vault, a, true);
    await addPasskey(vault, b);
    await vault.changePassphrase(PASS, NEW);
    expect((await vault.header())!.passkeys).toHaveLength(1);
    await vault.lock();
    await vault.unlockWithPasskey(a.id, await prfFor(vault, a));
    await vault.lock();
    await vault.unlockWithPasskey(b.id, await prfFor(vault, b));
    expect(await vault.passkeyNotice()).toBe(0);

    const prfA = await prfFor(vault, a);
    await vault.changePassphrase(NEW, PASS, { replaceKey: true });
    expect(await vault.passkeys()).toEqual([]);
    expect((await vault.header())!.passkeys).toBeUndefined();
    expect(await vault.passkeyNotice()).toBe(2);
    await vault.lock();
    expect(await codeOf(vault.unlockWithPasskey(a.id, prfA))).toBe('not-found');
    await vault.unlock(PASS);
    expect(await vault.passkeyNotice(true)).toBe(2);
    expect(await vault.passkeyNotice()).toBe(0);
  });
});

describe('passkeys and sync', () => {
  async function pair() {
    const backend = new MemoryBackend();
    const a = await makeVault();
    await a.vault.setup(PASS);
    await a.vault.commit({ put: [account('x', 'X')] });
    const ea = new SyncEngine({ replica: a.vault, backend, deviceId: a.vault.device });
    const b = await makeVault();
    const eb = new SyncEngine({ replica: b.vault, backend, deviceId: b.vault.device });
    return { backend, a, b, ea, eb };
  }

  it('a synced passkey travels with the header and unlocks a joining device; a device-only one does not travel', async () => {
    const { a, b, ea, eb } = await pair();
    const shared = new FakeCredential();
    const mine = new FakeCredential();
    await addPasskey(a.vault, shared, true, 'Synced');
    await addPasskey(a.vault, mine, false, 'Only A');
    await ea.syncNow();
    await eb.syncNow(); // B joins: header unproven, records staged
    expect((await b.vault.passkeyRequest()).map((c) => c.id)).toEqual([shared.id]);
    await b.vault.unlockWithPasskey(shared.id, await prfFor(b.vault, shared));
    expect((await b.vault.read<{ issuer: string }>('account')).records.map((r) => r.data.issuer)).toEqual(['X']);
  });

  it('removing a synced passkey removes its wrap on every device', async () => {
    const { a, b, ea, eb } = await pair();
    const shared = new FakeCredential();
    await addPasskey(a.vault, shared, true);
    await ea.syncNow();
    await eb.syncNow();
    await b.vault.unlock(PASS);
    const prf = await prfFor(b.vault, shared);
    await a.vault.removePasskey(shared.id);
    await ea.syncNow();
    await eb.syncNow();
    expect((await b.vault.header())!.passkeys).toBeUndefined();
    await b.vault.lock();
    expect(await codeOf(b.vault.unlockWithPasskey(shared.id, prf))).toBe('not-found');
  });

  it('a header whose passkey wraps were changed in transit is never adopted', async () => {
    const { a, b, ea, eb } = await pair();
    await ea.syncNow();
    await eb.syncNow();
    await b.vault.unlock(PASS);
    await addPasskey(a.vault, new FakeCredential(), true);
    const good = (await a.vault.header())!;
    // The backend slips in a wrap of its own under the unchanged MAC.
    const forged: VaultHeader = { ...good, passkeys: [...good.passkeys!, { ...good.passkeys![0]!, id: new FakeCredential().id, name: 'Attacker' }] };
    await b.vault.adoptHeader(forged);
    expect((await b.vault.header())!.passkeys).toBeUndefined();
    await b.vault.adoptHeader(good);
    expect((await b.vault.header())!.passkeys).toHaveLength(1);
  });

  it('a key replaced on another device: this device\'s own wraps are dropped with a notice at the next unlock', async () => {
    const { a, b, ea, eb } = await pair();
    await ea.syncNow();
    await eb.syncNow();
    await b.vault.unlock(PASS);
    const local = new FakeCredential();
    await addPasskey(b.vault, local);
    await a.vault.changePassphrase(PASS, NEW, { replaceKey: true });
    await ea.syncNow();
    await eb.syncNow(); // B keeps the new header aside (another key)
    await b.vault.lock();
    await b.vault.unlock(NEW); // follows the new header
    expect(await b.vault.passkeys()).toEqual([]);
    expect(await b.vault.passkeyNotice()).toBe(1);
  });
});
