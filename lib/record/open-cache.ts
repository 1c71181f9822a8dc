// Opened records remembered while the vault is unlocked (issue 14: a popup over 1,000 accounts
// must not pay 1,000 AEAD opens on every message). An entry is the JSON text a record opened to,
// kept beside an exact copy of everything that went into opening it: the key ring's vault id and
// key id, and the record's id, kind, stamp, deleted flag, version, key id and sealed bytes
// (docs/vault-format.md, "Records": the associated data plus the ciphertext). A row read again is
// served from here only when all of these are equal, so the answer is the one openVersion would
// give; a row changed in storage in any way (a new write, a sync, tampering) is opened and
// authenticated afresh. Each hit parses the text again: callers get objects of their own and
// cannot change what the next caller reads. The vault clears it when it locks.
import { openText } from './envelope';
import type { RecordKeyring, SealedRecord } from './types';

interface Entry {
  scope: string;
  hlc: string;
  kind: string;
  deleted: boolean;
  v: number | undefined;
  kid: string | undefined;
  sealed: Uint8Array;
  text: string | undefined;
}

/** At most this many entries (a vault of many thousands is read uncached beyond it). */
const MAX_ENTRIES = 20_000;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class OpenCache {
  private entries = new Map<string, Entry>();

  /** openVersion through the cache: the record's data, undefined for a tombstone; throws as openVersion does. */
  open<T>(ring: RecordKeyring, r: SealedRecord): T | undefined {
    const scope = `${ring.vaultId}\u0000${ring.kid}`;
    const e = this.entries.get(r.id);
    if (
      e && e.scope === scope && e.hlc === r.hlc && e.kind === r.kind && e.deleted === r.deleted && e.v === r.v && e.kid === r.kid
      && r.sealed instanceof Uint8Array && sameBytes(e.sealed, r.sealed)
    ) return e.text === undefined ? undefined : (JSON.parse(e.text) as T);
    const text = openText(ring, r);
    const data = text === undefined ? undefined : (JSON.parse(text) as T);
    // Only what opened and parsed is remembered; a failure is thrown and tried again next time.
    if (this.entries.size >= MAX_ENTRIES && !this.entries.has(r.id)) return data;
    this.entries.set(r.id, { scope, hlc: r.hlc, kind: r.kind, deleted: r.deleted, v: r.v, kid: r.kid, sealed: (r.sealed as Uint8Array).slice(), text });
    return data;
  }

  /** Forgets everything (on lock: no plaintext outlives the unlocked key). */
  clear(): void {
    this.entries = new Map();
  }

  get size(): number {
    return this.entries.size;
  }
}
