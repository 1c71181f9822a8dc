// The WebDAV backend hands each answer's Date to the clock estimator (docs/clock.md), so a device
// that syncs learns its offset from its own server too: through the hook the background sets,
// which the sync service passes to every WebDAV backend it builds (the backend is a deferred
// part in Chrome's worker, with module copies of its own, so the hook cannot be shared by import).
import { afterEach, describe, expect, it } from 'vitest';
import { ClockEstimator } from '../../../lib/clock/estimator';
import { WebDavBackend } from '../../../lib/sync/backends/webdav';
import { SyncService } from '../../../lib/sync/service';
import { webdavDateHook } from '../../../lib/sync/webdav-date-hook';
import { memoryKeyStore } from '../../../lib/vault/memory-key-store';
import { Vault } from '../../../lib/vault/vault';
import { memoryArea } from '../sync/memory-area';
import { MemoryStorageSync } from '../sync/memory-storage-sync';

afterEach(() => {
  webdavDateHook.observe = undefined;
});

const serverTime = () => Date.now() + 90_000;
/** An empty WebDAV server whose clock is 90 s ahead. */
const fetch = (async () =>
  new Response('<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"></d:multistatus>', {
    status: 207,
    headers: { Date: new Date(serverTime()).toUTCString(), 'Content-Type': 'application/xml' },
  })) as typeof globalThis.fetch;

describe('WebDAV answers reach the clock estimator', () => {
  it('the backend hands the Date of every answer to onDate, and the estimator takes it', async () => {
    const est = new ClockEstimator();
    const seen: string[] = [];
    const dav = new WebDavBackend({
      url: 'https://dav.example/files/', username: 'u', password: 'p', fetch,
      onDate: (o) => {
        seen.push(`${o.server} ${o.date}`);
        est.observe(o);
      },
    });
    await dav.vaults();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toMatch(/^dav\.example /);
    const e = est.estimate(Date.now())!;
    expect(Math.abs(e.offsetMs + 90_000)).toBeLessThan(2_000);
  });

  it('the sync service wires the background hook into the WebDAV backend it builds', async () => {
    const seen: string[] = [];
    webdavDateHook.observe = (o) => void seen.push(o.server);
    const keyStore = memoryKeyStore();
    const vault = await Vault.open({ db: `hook-${Math.random()}`, keyStore, kdfParams: () => ({ name: 'argon2id' as const, memoryKiB: 64, iterations: 1, parallelism: 1, salt: btoa('0123456789abcdef') }) });
    const sync = new SyncService({
      vault: Object.assign(vault, { deviceId: async () => vault.device }),
      keyStore, local: memoryArea(), session: memoryArea(), syncArea: new MemoryStorageSync().area(), fetch,
    });
    await sync.configure('webdav', { url: 'https://dav.example/files/', username: 'u', password: 'p' });
    expect(seen).toContain('dav.example');
  });
});
