// @vitest-environment node
// The WebDAV backend against a real server: Apache httpd + mod_dav_fs on 127.0.0.1 with Basic
// authentication (tests/support/apache-webdav.ts; needs Debian's apache2 package).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../lib/sync/engine';
import { WebDavBackend } from '../../../lib/sync/backends/webdav';
import { compareHlc } from '../../../lib/record/hlc';
import { freePort, startApacheWebDav, type ApacheWebDav } from '../../support/apache-webdav';
import { FakeReplica, testKey } from './fake-replica';
import { accountData } from './accounts';

const VAULT = 'vault-WWWWWWWWWWWWWWWW';
let server: ApacheWebDav;

beforeAll(async () => {
  server = await startApacheWebDav();
}, 30_000);
afterAll(async () => {
  await server?.stop();
});

/** A fresh folder on the server, so that tests do not see each other's vaults. */
async function folder(name: string): Promise<string> {
  const url = `${server.url}${name}/`;
  const auth = `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}`;
  const res = await fetch(url, { method: 'MKCOL', headers: { Authorization: auth } });
  expect(res.status).toBe(201);
  return url;
}

function device(name: string, key: Uint8Array, credentials: Partial<{ url: string; password: string }> = {}) {
  const replica = new FakeReplica({ device: name, key });
  const backend = new WebDavBackend({ url: credentials.url ?? server.url, username: server.username, password: credentials.password ?? server.password, timeoutMs: 5000 });
  return { replica, engine: new SyncEngine({ replica, backend, deviceId: name }) };
}

describe('WebDAV sync through Apache mod_dav', () => {
  it('converges two devices: join, concurrent edits, a deletion and a used mark', async () => {
    const key = testKey();
    const a = device('devA', key);
    a.replica.setup(VAULT);
    a.replica.put('acct1', 'account', accountData());
    a.replica.put('acct2', 'account', accountData());
    expect(await a.engine.check()).toBe('first-push');
    expect(await a.engine.syncNow()).toEqual({ pulled: 0, pushed: 2 });

    // Over WebDAV the whole vault arrives at once, before the new device is unlocked.
    const b = device('devB', key);
    expect(await b.engine.check()).toBe('join');
    expect(await b.engine.syncNow()).toMatchObject({ joined: true, pulled: 2 });
    expect(b.replica.live()).toEqual(a.replica.live());

    b.replica.put('acct1', 'account', { ...accountData(), issuer: 'Edited on B' });
    a.replica.remove('acct2');
    a.replica.put('used:tok1', 'used', { usedAt: Date.now() });
    await Promise.all([a.engine.syncNow(), b.engine.syncNow()]);
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(a.replica.live()).toEqual(b.replica.live());
    expect([...a.replica.live().keys()].sort()).toEqual(['acct1', 'used:tok1']);
    expect((a.replica.live().get('acct1') as { issuer: string }).issuer).toBe('Edited on B');
    // One file per device, nothing else.
    expect(readdirSync(join(server.root, 'tessera', VAULT)).sort()).toEqual(['devA.json', 'devB.json']);
  });

  it('answers unauthorized for a wrong password, and writes nothing', async () => {
    const d = device('devX', testKey(), { password: 'wrong password' });
    d.replica.setup('vault-XXXXXXXXXXXXXXXX');
    d.replica.put('x', 'account', {});
    await expect(d.engine.check()).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(d.engine.syncNow()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(d.engine.status()).toMatchObject({ state: 'error', error: { code: 'unauthorized' } });
    expect(existsSync(join(server.root, 'tessera', 'vault-XXXXXXXXXXXXXXXX'))).toBe(false);
  });

  it('answers conflict for a device holding another vault', async () => {
    const d = device('devY', testKey());
    d.replica.setup('vault-YYYYYYYYYYYYYYYY');
    await expect(d.engine.syncNow()).rejects.toMatchObject({ code: 'conflict' });
    expect(existsSync(join(server.root, 'tessera', 'vault-YYYYYYYYYYYYYYYY'))).toBe(false);
  });

  it('answers unreachable when the server is down, and keeps local data', async () => {
    const d = device('devZ', testKey(), { url: `http://127.0.0.1:${await freePort()}/` });
    d.replica.setup(VAULT);
    d.replica.put('z', 'account', {});
    await expect(d.engine.syncNow()).rejects.toMatchObject({ code: 'unreachable' });
    expect(d.engine.status().error?.code).toBe('unreachable');
    expect(d.replica.live().has('z')).toBe(true);
  });

  it('loses nothing in 100 rounds of concurrent writers', async () => {
    const key = testKey();
    const vault = 'vault-RRRRRRRRRRRRRRRR';
    const url = await folder('race');
    const devices = ['race0', 'race1', 'race2', 'race3'].map((n) => device(n, key, { url }));
    devices[0]!.replica.setup(vault);
    await devices[0]!.engine.syncNow();
    for (const d of devices.slice(1)) await d.engine.syncNow();

    for (let round = 0; round < 100; round++) {
      for (const [i, d] of devices.entries()) {
        d.replica.put(`r${round}-d${i}`, 'account', { round, i }); // a record of its own
        d.replica.put('shared', 'account', { round, i }); // and the same record as everyone
      }
      await Promise.all(devices.map((d) => d.engine.syncNow()));
    }
    for (let i = 0; i < 2; i++) for (const d of devices) await d.engine.syncNow();

    const expected = devices[0]!.replica.live();
    expect(expected.size).toBe(401);
    for (let round = 0; round < 100; round++) for (let i = 0; i < 4; i++) expect(expected.get(`r${round}-d${i}`)).toEqual({ round, i });
    for (const d of devices.slice(1)) expect(d.replica.live()).toEqual(expected);
    // The shared record holds the last write of all (by stamp).
    const lastShared = devices.flatMap((d) => d.replica.writes.filter((w) => w.id === 'shared')).sort((x, y) => compareHlc(y.hlc, x.hlc))[0]!;
    expect(devices[0]!.replica.record('shared')!.hlc).toBe(lastShared.hlc);
  }, 120_000);
});
