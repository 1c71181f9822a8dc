// Format 1 → 2 (issue 10): the fixture tests/fixtures/sync-v1/vault.json was written by the
// format-1 code (commit 2001e5d, before format 2 existed): two devices' IndexedDB contents and
// their v1 WebDAV files. Here the current code opens them: locally, and across two devices where
// one upgrades first while the other still writes format 1.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../lib/crypto/encoding';
import { SyncEngine } from '../../../lib/sync/engine';
import { parseFile } from '../../../lib/sync/backends/webdav';
import { openVaultDb } from '../../../lib/vault/db';
import { sealRecordV1 } from '../../../lib/vault/envelope';
import { memoryKeyStore } from '../../../lib/vault/memory-key-store';
import type { SealedRecord } from '../../../lib/vault/types';
import { Vault } from '../../../lib/vault/vault';
import { MemoryBackend } from '../sync/memory-backend';
import { fastKdf } from './helpers';

const fixture = JSON.parse(readFileSync('tests/fixtures/sync-v1/vault.json', 'utf8')) as {
  passphrase: string;
  devices: Record<'a' | 'b', Record<string, Array<[string, unknown]>>>;
  webdav: Record<string, Record<string, unknown>>;
};
const dec = (v: unknown): unknown =>
  v && typeof v === 'object' && '$bytes' in (v as object) ? fromBase64((v as { $bytes: string }).$bytes)
    : Array.isArray(v) ? v.map(dec) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, dec(x)])) : v;

let n = 0;
async function restore(which: 'a' | 'b'): Promise<Vault> {
  const name = `v1-restore-${which}-${++n}`;
  const db = await openVaultDb(name);
  for (const [k, v] of fixture.devices[which].meta!) await db.put('meta', dec(v) as string, k as 'header');
  for (const [, v] of fixture.devices[which].records!) await db.put('records', dec(v) as SealedRecord);
  db.close();
  return Vault.open({ db: name, keyStore: memoryKeyStore(), kdfParams: fastKdf });
}

const ids = async (v: Vault) => (await v.read()).records.filter((r) => r.kind !== 'local').map((r) => r.id).sort();
const ALL = ['acctAAAAAAAAAAAAAAAAAA', 'acctBBBBBBBBBBBBBBBBBB', 'acctDDDDDDDDDDDDDDDDDD', 'tokTTTTTTTTTTTTTTTTTT1', 'tokTTTTTTTTTTTTTTTTTT2', 'used:tokTTTTTTTTTTTTTTTTTT1'];

describe('format 1 → 2', () => {
  it('upgrades a v1 vault at unlock without losing anything, tombstones and used marks included', async () => {
    const a = await restore('a');
    expect((await a.header())!.format).toBe(1);
    await a.unlock(fixture.passphrase);
    expect(await ids(a)).toEqual(ALL);
    expect((await a.read()).corrupt).toEqual([]);
    expect((await a.get<{ secret: string }>('acctAAAAAAAAAAAAAAAAAA'))!.data.secret).toBe('JBSWY3DPEHPK3PXP');
    expect((await a.get<{ url: string }>('sync-webdav'))!.data.url).toBe('https://dav.example/');
    const header = (await a.header())!;
    expect(header).toMatchObject({ format: 2, keyId: expect.stringMatching(/^[A-Za-z0-9_-]{12}$/) });
    const sealed = await a.sealedRecords();
    expect(sealed.every((r) => r.v === 2 && r.kid === header.keyId && r.sealed instanceof Uint8Array)).toBe(true);
    // The deletion survives as a sealed tombstone, with its original stamp.
    const v1Tomb = fixture.devices.a.records!.find(([k]) => k === 'acctCCCCCCCCCCCCCCCCCC')![1] as { hlc: string };
    expect(sealed.find((r) => r.id === 'acctCCCCCCCCCCCCCCCCCC')).toMatchObject({ deleted: true, hlc: v1Tomb.hlc });
    // The same passphrase still unlocks after a lock.
    await a.lock();
    await a.unlock(fixture.passphrase);
    expect(await ids(a)).toEqual(ALL);
  });

  it('two devices, one upgraded first: the v1 device\'s new records arrive, nothing is lost, and both converge once it upgrades', async () => {
    const backend = new MemoryBackend();
    for (const [deviceId, file] of Object.entries(fixture.webdav)) {
      const s = parseFile(JSON.stringify(file), file.vaultId as string, deviceId);
      expect(s.format).toBe(1);
      await backend.write(s);
    }
    const vaultId = fixture.webdav[Object.keys(fixture.webdav)[0]!]!.vaultId as string;
    const a = await restore('a');
    const b = await restore('b');
    const bId = b.device;
    // B, still on format 1, adds an account: what the old code would write into its v1 file.
    const keyStore = memoryKeyStore();
    const probe = await restore('b');
    await probe.unlock(fixture.passphrase); // only to get the key for building the v1 record
    const key = (await (probe as unknown as { keyStore: typeof keyStore }).keyStore.get())!;
    const bFile = backend.snapshot(vaultId, bId)!;
    const newRec: SealedRecord = { id: 'acctEEEEEEEEEEEEEEEEEE', kind: 'account', hlc: `${Date.now()}-0000-${bId}`, deleted: false, sealed: sealRecordV1(key, 'acctEEEEEEEEEEEEEEEEEE', 'account', { issuer: 'v1 B', secret: 'ORSXG5A=' }) };
    // And a forged v1 tombstone of A's account: format 1 cannot prove a deletion, so it must not apply.
    const forgedTomb: SealedRecord = { id: 'acctAAAAAAAAAAAAAAAAAA', kind: 'account', hlc: `${Date.now()}-0001-${bId}`, deleted: true, sealed: null };
    await backend.write({ ...bFile, records: [...bFile.records!, newRec, forgedTomb] });

    await a.unlock(fixture.passphrase);
    const ea = new SyncEngine({ replica: a, backend, deviceId: a.device });
    await ea.syncNow();
    // Its own v1 file and B's are not alarms: an upgrade is not an attack (the forged v1
    // tombstone is simply not applied: format 1 cannot prove a deletion).
    expect(ea.status()).toMatchObject({ rejected: 0 });
    expect(await ids(a)).toEqual([...ALL, 'acctEEEEEEEEEEEEEEEEEE'].sort());
    expect(backend.snapshot(vaultId, a.device)!.format).toBe(2);
    // B's v1 file is untouched and still readable by the old code (A never writes it).
    expect(backend.snapshot(vaultId, bId)!.format).toBe(1);

    // B upgrades now.
    await b.unlock(fixture.passphrase);
    const eb = new SyncEngine({ replica: b, backend, deviceId: bId });
    await eb.syncNow();
    await ea.syncNow();
    await eb.syncNow();
    // B's own v1 vault had no acctE (it was "written by the old code" only into the file): it gets
    // it back from A. Everything else converges; the deletion of acctC holds on both.
    for (const v of [a, b]) {
      expect(await ids(v)).toEqual([...ALL, 'acctEEEEEEEEEEEEEEEEEE'].sort());
      expect((await v.sealedRecords()).find((r) => r.id === 'acctCCCCCCCCCCCCCCCCCC')?.deleted).toBe(true);
    }
    expect(backend.snapshot(vaultId, bId)!.format).toBe(2);
    expect(ea.status().rejected).toBe(0);
    void toBase64;
  });
});
