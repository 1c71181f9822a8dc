// The passkey messages (docs/automation-api.md, "Messages beyond the stable contract"): what
// works while locked, what needs the vault open, and malformed input.
import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../../../lib/crypto/encoding';
import { makeApi } from '../api/context';
import { FakeCredential } from './fake-authenticator';

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');

describe('passkey.* and vault.*Passkey messages', () => {
  it('add, list, lock, unlock by message; the PRF output is not kept', async () => {
    const { call, dbName, changes } = await makeApi();
    const begin = await call({ type: 'passkey.addBegin' });
    expect(begin.ok).toBe(true);
    expect(fromBase64(begin.salt)).toHaveLength(32);
    expect(begin.exclude).toEqual([]);
    const cred = new FakeCredential();
    const prf = cred.prf(begin.salt);
    const added = await call({ type: 'passkey.add', id: cred.id, salt: begin.salt, prf: b64(prf), sync: true, rp: 'chrome-extension://abc' });
    expect(added.ok).toBe(true);
    expect(changes()).toBe(1);
    expect((await call({ type: 'passkey.addBegin' })).exclude).toEqual([cred.id]);
    const listed = await call({ type: 'passkey.list' });
    expect(listed.passkeys.map((p: { id: string }) => p.id)).toEqual([cred.id]);
    expect(listed.dropped).toBe(0);

    await call({ type: 'vault.lock' });
    expect((await call({ type: 'passkey.list' })).error.code).toBe('locked');
    expect((await call({ type: 'passkey.remove', id: cred.id })).error.code).toBe('locked');
    const req = await call({ type: 'vault.passkeyBegin' });
    expect(req.credentials).toEqual([{ id: cred.id, salt: begin.salt, rp: 'chrome-extension://abc' }]);
    expect((await call({ type: 'vault.unlockPasskey', id: cred.id, prf: 'not base64!' })).error.code).toBe('bad-input');
    expect((await call({ type: 'vault.unlockPasskey', id: cred.id })).error.code).toBe('bad-input');
    expect((await call({ type: 'vault.unlockPasskey', id: cred.id, prf: b64(prf) })).ok).toBe(true);
    expect((await call({ type: 'vault.status' })).state).toBe('unlocked');

    // Nothing at rest holds the PRF output.
    const { rawDump, serialise } = await import('../vault/helpers');
    const dump = serialise(await rawDump(dbName));
    expect(dump).not.toContain(b64(prf));
    expect(dump).not.toContain(String.fromCharCode(...prf));

    expect((await call({ type: 'passkey.rename', id: cred.id, name: 'Phone' })).ok).toBe(true);
    expect((await call({ type: 'passkey.sync', id: cred.id, sync: 'yes' })).error.code).toBe('bad-input');
    expect((await call({ type: 'passkey.sync', id: cred.id, sync: false })).ok).toBe(true);
    expect((await call({ type: 'passkey.list' })).passkeys[0]).toMatchObject({ name: 'Phone', sync: false });
    expect((await call({ type: 'passkey.remove', id: cred.id })).ok).toBe(true);
    expect((await call({ type: 'passkey.remove', id: cred.id })).error.code).toBe('not-found');
  });

  it('before a vault exists there is nothing to ask for', async () => {
    const { call } = await makeApi({ unlocked: false });
    expect((await call({ type: 'vault.passkeyBegin' })).credentials).toEqual([]);
    expect((await call({ type: 'passkey.list' })).error.code).toBe('no-vault');
  });
});
