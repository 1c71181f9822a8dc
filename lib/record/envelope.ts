// The sealed record envelope (docs/vault-format.md, "Records"), XChaCha20-Poly1305 under the vault
// key (lib/crypto/aead.ts).
// Format 2 — every record is sealed, tombstones and used marks included, and the associated data
//   utf8(JSON.stringify(["tessera/record/v2", vaultId, keyId, kind, id, hlc, deleted ? 1 : 0]))
// binds everything a backend could otherwise move, relabel, re-stamp or flip (issue 10): sealed
// bytes opened under another id, kind, stamp, deleted flag, vault or key fail authentication. The
// plaintext is JSON of the data for a live record and empty for a tombstone. JSON arrays make the
// encoding unambiguous whatever characters an id holds.
// Format 1 (read only, to upgrade): AD = utf8("tessera/record/v1" ‖ 0x00 ‖ kind ‖ 0x00 ‖ id);
// tombstones were not sealed and stamps were not bound.
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { open, seal } from '../crypto/aead';
import { toBase64Url, utf8Decode, utf8Encode } from '../crypto/encoding';
import { isHlc } from './hlc';
import type { RecordKeyring, RecordKind, SealedRecord } from './types';

export const RECORD_KINDS: readonly RecordKind[] = ['account', 'token', 'used', 'setting', 'local'];

export function isRecordKind(x: unknown): x is RecordKind {
  return typeof x === 'string' && (RECORD_KINDS as readonly string[]).includes(x);
}

/**
 * The id of a vault key: 72 bits of HKDF-SHA-256 (RFC 5869) of the key, info "tessera/key-id/v2".
 * It names the key in every envelope and header without revealing anything about it.
 */
export function keyId(key: Uint8Array): string {
  return toBase64Url(hkdf(sha256, key, undefined, utf8Encode('tessera/key-id/v2'), 9));
}

export function keyring(vaultId: string, key: Uint8Array): RecordKeyring {
  return { vaultId, key, kid: keyId(key) };
}

/** Format-1 associated data (kept to open records written before format 2). */
export function recordAd(kind: RecordKind, id: string): Uint8Array {
  // NUL cannot occur in a kind, so the split between kind and id is unambiguous.
  return utf8Encode(`tessera/record/v1\0${kind}\0${id}`);
}

export interface RecordMeta {
  id: string;
  kind: RecordKind;
  hlc: string;
  deleted: boolean;
}

/** Format-2 associated data. */
export function recordAdV2(vaultId: string, kid: string, m: RecordMeta): Uint8Array {
  return utf8Encode(JSON.stringify(['tessera/record/v2', vaultId, kid, m.kind, m.id, m.hlc, m.deleted ? 1 : 0]));
}

/** Seals a version of a record: `data` for a live one (anything JSON can hold), ignored for a tombstone. */
export function sealVersion(ring: RecordKeyring, m: RecordMeta, data?: unknown): SealedRecord {
  let plain: Uint8Array = new Uint8Array(0);
  if (!m.deleted) {
    const json = JSON.stringify(data);
    if (json === undefined) throw new Error('record data is not JSON');
    plain = utf8Encode(json);
  }
  const sealed = seal(ring.key, plain, recordAdV2(ring.vaultId, ring.kid, m));
  return { id: m.id, kind: m.kind, hlc: m.hlc, deleted: m.deleted, sealed, v: 2, kid: ring.kid };
}

/**
 * Opens a version: the data of a live record, undefined for a tombstone. Throws when it fails
 * authentication (another vault, key, id, kind, stamp or deleted flag), UTF-8 or JSON parsing.
 * Format 1: only live records open (a format-1 tombstone carries nothing to check).
 */
export function openVersion<T>(ring: RecordKeyring, r: SealedRecord): T | undefined {
  const text = openText(ring, r);
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

/** openVersion without the JSON parse: the record's JSON text (not yet parsed), undefined for a tombstone. */
export function openText(ring: RecordKeyring, r: SealedRecord): string | undefined {
  if (!(r.sealed instanceof Uint8Array)) throw new Error('record has no sealed data');
  if (r.v === 2) {
    if (r.kid !== ring.kid) throw new Error('sealed under another key');
    const plain = open(ring.key, r.sealed, recordAdV2(ring.vaultId, ring.kid, r));
    if (r.deleted) {
      if (plain.length !== 0) throw new Error('tombstone with data');
      return undefined;
    }
    return utf8Decode(plain);
  }
  if (r.v !== undefined || r.deleted) throw new Error('not a format-1 live record');
  return utf8Decode(open(ring.key, r.sealed, recordAd(r.kind, r.id)));
}

/** Whether a version opens under `ring` (see openVersion). Never throws. */
export function verifyVersion(ring: RecordKeyring, r: SealedRecord): boolean {
  try {
    openVersion(ring, r);
    return true;
  } catch {
    return false;
  }
}

/** Shape check for records arriving from sync or read back from storage (format 1 or 2). */
export function isSealedRecord(x: unknown): x is SealedRecord {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  if (!(typeof r.id === 'string' && r.id.length > 0 && r.id.length <= 200 && isRecordKind(r.kind) && isHlc(r.hlc) && typeof r.deleted === 'boolean')) return false;
  if (r.v === 2) return typeof r.kid === 'string' && /^[A-Za-z0-9_-]{12}$/.test(r.kid) && r.sealed instanceof Uint8Array;
  if (r.v !== undefined || r.kid !== undefined) return false;
  return r.deleted ? r.sealed === null : r.sealed instanceof Uint8Array;
}
