// Shared set-up for the vault tests: a fresh database per test, fast KDF parameters, and a raw
// dump of everything IndexedDB holds.
import { openDB } from 'idb';
import { toBase64 } from '../../../lib/crypto/encoding';
import { randomBytes, randomId } from '../../../lib/crypto/random';
import { memoryKeyStore } from '../../../lib/vault/memory-key-store';
import type { KdfParams, KeyStore } from '../../../lib/vault/types';
import { Vault } from '../../../lib/vault/vault';

/** Far below the real defaults: only so the tests run fast. */
export const fastKdf = (): KdfParams => ({
  name: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1, salt: toBase64(randomBytes(16)),
});

export const PASS = 'correct horse battery staple';

export async function makeVault(o: { name?: string; keyStore?: KeyStore; now?: () => number } = {}) {
  const name = o.name ?? `test-${randomId()}`;
  const keyStore = o.keyStore ?? memoryKeyStore();
  const vault = await Vault.open({ db: name, keyStore, now: o.now, kdfParams: fastKdf });
  return { vault, name, keyStore };
}

/** Every store, every key and value, as stored. */
export async function rawDump(name: string): Promise<Record<string, Array<[unknown, unknown]>>> {
  const db = await openDB(name);
  const out: Record<string, Array<[unknown, unknown]>> = {};
  for (const store of Array.from(db.objectStoreNames)) {
    const keys = await db.getAllKeys(store);
    const values = await db.getAll(store);
    out[store] = keys.map((k, i) => [k, values[i]]);
  }
  db.close();
  return out;
}

/** JSON of a dump, with bytes shown as Latin-1 text so any clear text in them would show. */
export function serialise(dump: unknown): string {
  return JSON.stringify(dump, (_k, v: unknown) =>
    v instanceof Uint8Array ? { bytes: String.fromCharCode(...v), utf8: new TextDecoder().decode(v) } : v,
  );
}

/** Writes one raw record (bypassing the vault) to simulate tampering. */
export async function patchRecord(name: string, id: string, patch: (r: Record<string, unknown>) => Record<string, unknown>) {
  const db = await openDB(name);
  const r = (await db.get('records', id)) as Record<string, unknown>;
  await db.put('records', patch(r));
  db.close();
}

export async function rawRecord(name: string, id: string): Promise<Record<string, unknown>> {
  const db = await openDB(name);
  const r = (await db.get('records', id)) as Record<string, unknown>;
  db.close();
  return r;
}

/** Makes IDBObjectStore.put throw `error` on its `nth` call (1-based); returns the undo. */
export function failNthPut(nth: number, error: () => Error): () => void {
  const proto = (globalThis as unknown as { IDBObjectStore: { prototype: { put: (...a: unknown[]) => unknown } } }).IDBObjectStore.prototype;
  const original = proto.put;
  let calls = 0;
  proto.put = function (this: unknown, ...args: unknown[]) {
    if (++calls === nth) throw error();
    return original.apply(this, args);
  };
  return () => {
    proto.put = original;
  };
}
