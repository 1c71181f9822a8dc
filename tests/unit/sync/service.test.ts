// The sync service behind sync.* (automation-api.md): joining a second device, credentials kept
// in storage.session only until they can be sealed, conflict without overwriting, status.
import { describe, expect, it } from 'vitest';
import { Vault } from '../../../lib/vault/vault';
import { memoryKeyStore } from '../../../lib/vault/memory-key-store';
import { SyncService, WEBDAV_RECORD } from '../../../lib/sync/service';
import { memoryArea } from './memory-area';
import { TesseraError } from '../../../lib/messages/errors';
import { MemoryStorageSync } from './memory-storage-sync';

const kdfParams = () => ({ name: 'argon2id' as const, memoryKiB: 64, iterations: 1, parallelism: 1, salt: btoa('0123456789abcdef') });
const PASS = 'correct horse battery staple';
let n = 0;

async function device(storage: MemoryStorageSync, fetchImpl?: typeof fetch) {
  const keyStore = memoryKeyStore();
  const vault = await Vault.open({ db: `svc-${++n}-${Math.random()}`, keyStore, kdfParams });
  const session = memoryArea();
  const local = memoryArea();
  const sync = new SyncService({
    vault: Object.assign(vault, { deviceId: async () => vault.device }),
    keyStore, local, session, syncArea: storage.area(), fetch: fetchImpl,
  });
  return { vault, sync, session, local };
}

const code = async (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof TesseraError ? e.code : String(e)));

describe('SyncService', () => {
  it('is off until configured, and says so', async () => {
    const { sync } = await device(new MemoryStorageSync());
    expect(await sync.status()).toEqual({ backend: 'off', state: 'off', lastSyncAt: null, rejected: 0 });
    expect(await code(sync.syncNow())).toBe('off');
  });

  it('joins a second device through browser sync with the same passphrase', async () => {
    const storage = new MemoryStorageSync();
    const a = await device(storage);
    await a.vault.setup(PASS);
    await a.vault.commit({ put: [{ id: 'acc1', kind: 'account', data: { issuer: 'Acme', label: 'alice' } }] });
    expect(await a.sync.configure('browser')).toEqual({ state: 'idle' });
    expect((await a.sync.syncNow()).pushed).toBeGreaterThan(0);
    expect(await a.sync.status()).toMatchObject({ backend: 'browser', state: 'idle', lastSyncAt: expect.any(Number) });

    const b = await device(storage);
    expect(await b.vault.state()).toBe('new');
    await b.sync.configure('browser');
    await b.sync.syncNow();
    expect(await b.vault.state()).toBe('locked');
    expect(await code(b.vault.unlock('wrong passphrase'))).toBe('bad-passphrase');
    await b.vault.unlock(PASS);
    await b.sync.unlocked();
    expect((await b.vault.read<{ issuer: string }>('account')).records.map((r) => r.data.issuer)).toEqual(['Acme']);
  });

  it('refuses a backend holding another vault and overwrites nothing', async () => {
    const storage = new MemoryStorageSync();
    const a = await device(storage);
    await a.vault.setup(PASS);
    await a.sync.configure('browser');
    await a.sync.syncNow();
    const before = new Map(storage.data);
    const b = await device(storage);
    await b.vault.setup('another passphrase here');
    expect(await code(b.sync.configure('browser'))).toBe('conflict');
    expect(await b.sync.backend()).toBe('off');
    expect(storage.data).toEqual(before);
  });

  it('keeps WebDAV credentials in storage.session until the vault is unlocked, then seals them', async () => {
    // A WebDAV server that holds nothing yet and accepts everything (reaching it is the check).
    const fetchImpl = (async (_url: string, init?: RequestInit) =>
      new Response(init?.method === 'PROPFIND' ? '<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"/>' : '', { status: init?.method === 'PROPFIND' ? 207 : 201 })) as typeof fetch;
    const b = await device(new MemoryStorageSync(), fetchImpl);
    const creds = { url: 'https://dav.example/remote.php/dav/files/alice/', username: 'alice', password: 'app-password' };
    await b.sync.configure('webdav', creds);
    expect(b.session.data.get('syncPendingWebdav')).toEqual(creds);
    expect(JSON.stringify([...b.local.data])).not.toContain('app-password');
    await b.vault.setup(PASS);
    await b.sync.unlocked();
    expect(b.session.data.has('syncPendingWebdav')).toBe(false);
    expect((await b.vault.get(WEBDAV_RECORD))?.data).toEqual(creds);
  });
});
