// Writes tests/fixtures/sync-v1/*.json with the format-1 code (commit 2001e5d): a v1 vault of two
// devices (IndexedDB dumps) and their v1 WebDAV device files. Run once, before format 2, with
//   TESSERA_WRITE_V1_FIXTURE=1 npx vitest run tests/unit/vault/make-v1-fixture.ts
// The fixture is then frozen: tests/unit/vault/upgrade.test.ts reads it with the current code.
import { writeFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { toBase64 } from '../../../lib/crypto/encoding';
import { SyncEngine } from '../../../lib/sync/engine';
import { MemoryBackend } from '../sync/memory-backend';
import { makeVault, PASS, rawDump } from './helpers';

const OUT = 'tests/fixtures/sync-v1';

const enc = (v: unknown): unknown =>
  v instanceof Uint8Array ? { $bytes: toBase64(v) } : Array.isArray(v) ? v.map(enc) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, enc(x)])) : v;

describe.runIf(process.env.TESSERA_WRITE_V1_FIXTURE === '1')('v1 fixture', () => {
  it('writes the fixture', async () => {
    const backend = new MemoryBackend();
    const a = await makeVault({ name: 'v1-a' });
    await a.vault.setup(PASS);
    await a.vault.commit({
      put: [
        { id: 'acctAAAAAAAAAAAAAAAAAA', kind: 'account', data: { type: 'totp', issuer: 'Example', label: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: ['example.com'], createdAt: 1700000000000 } },
        { id: 'acctBBBBBBBBBBBBBBBBBB', kind: 'account', data: { type: 'hotp', issuer: 'Bank', label: 'bob', secret: 'GEZDGNBVGY3TQOJQ', algorithm: 'SHA1', digits: 6, period: 30, counter: 7, sites: [], createdAt: 1700000000001 } },
        { id: 'acctCCCCCCCCCCCCCCCCCC', kind: 'account', data: { type: 'totp', issuer: 'Gone', label: 'carol', secret: 'MFRGGZDFMZTWQ2LK', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: [], createdAt: 1700000000002 } },
        { id: 'tokTTTTTTTTTTTTTTTTTT1', kind: 'token', data: { accountId: 'acctAAAAAAAAAAAAAAAAAA', value: 'ALPHA-1111', addedAt: 1700000000003 } },
        { id: 'tokTTTTTTTTTTTTTTTTTT2', kind: 'token', data: { accountId: 'acctAAAAAAAAAAAAAAAAAA', value: 'BRAVO-2222', addedAt: 1700000000004 } },
        { id: 'sync-webdav', kind: 'local', data: { url: 'https://dav.example/', username: 'u', password: 'p' } },
      ],
    });
    await a.vault.commit({ put: [{ id: 'used:tokTTTTTTTTTTTTTTTTTT1', kind: 'used', data: { usedAt: 1700000000005 } }] });
    await a.vault.commit({ remove: ['acctCCCCCCCCCCCCCCCCCC'] });
    const ea = new SyncEngine({ replica: a.vault, backend, deviceId: a.vault.device });
    await ea.syncNow();
    // Device B joins, unlocks, adds an account of its own and syncs back.
    const b = await makeVault({ name: 'v1-b' });
    const eb = new SyncEngine({ replica: b.vault, backend, deviceId: b.vault.device });
    await eb.syncNow();
    await b.vault.unlock(PASS);
    await eb.syncNow();
    await b.vault.commit({ put: [{ id: 'acctDDDDDDDDDDDDDDDDDD', kind: 'account', data: { type: 'totp', issuer: 'FromB', label: 'dave', secret: 'KRUGKIDROVUWG2ZA', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: [], createdAt: 1700000000006 } }] });
    await eb.syncNow();
    await ea.syncNow();
    const header = await a.vault.header();
    const files: Record<string, unknown> = {};
    for (const [dev, snap] of backend.store.get(header!.vaultId)!) {
      files[dev] = {
        format: 'tessera-sync/1', vaultId: snap.vaultId, deviceId: snap.deviceId, writtenAt: snap.writtenAt, header: snap.header,
        records: (snap.records ?? []).map((r) => ({ id: r.id, kind: r.kind, hlc: r.hlc, deleted: r.deleted, sealed: r.sealed ? toBase64(r.sealed) : null })),
      };
    }
    a.vault.close();
    b.vault.close();
    writeFileSync(`${OUT}/vault.json`, JSON.stringify({
      note: 'Format-1 data written by commit 2001e5d (tests/unit/vault/make-v1-fixture.ts). Passphrase: "correct horse battery staple". Do not regenerate.',
      passphrase: PASS,
      devices: { a: enc(await rawDump('v1-a')), b: enc(await rawDump('v1-b')) },
      webdav: files,
    }, null, 1));
  });
});
