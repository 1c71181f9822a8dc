// The sealed record envelope (docs/vault-format.md, "Records"): JSON of the record's data,
// sealed with XChaCha20-Poly1305 under the vault key, with associated data
//   utf8("tessera/record/v1" ‖ 0x00 ‖ kind ‖ 0x00 ‖ id)
// so a sealed value opens only under the id and kind it was written for: swapping sealed bytes
// between records, or relabelling a record's kind in clear, fails authentication.
import { open, seal } from '../crypto/aead';
import { utf8Decode, utf8Encode } from '../crypto/encoding';
import { isHlc } from '../sync/hlc';
import type { RecordKind, SealedRecord } from './types';

export const RECORD_KINDS: readonly RecordKind[] = ['account', 'token', 'used', 'setting', 'local'];

export function isRecordKind(x: unknown): x is RecordKind {
  return typeof x === 'string' && (RECORD_KINDS as readonly string[]).includes(x);
}

export function recordAd(kind: RecordKind, id: string): Uint8Array {
  // NUL cannot occur in a kind, so the split between kind and id is unambiguous.
  return utf8Encode(`tessera/record/v1\0${kind}\0${id}`);
}

/** Seals `data` (anything JSON can hold) for record `id` of `kind`. */
export function sealRecord(key: Uint8Array, id: string, kind: RecordKind, data: unknown): Uint8Array {
  const json = JSON.stringify(data);
  if (json === undefined) throw new Error('record data is not JSON');
  return seal(key, utf8Encode(json), recordAd(kind, id));
}

/** Opens a live record's data; throws when it fails authentication, UTF-8 or JSON parsing. */
export function openRecord<T>(key: Uint8Array, record: SealedRecord): T {
  if (!(record.sealed instanceof Uint8Array)) throw new Error('record has no sealed data');
  return JSON.parse(utf8Decode(open(key, record.sealed, recordAd(record.kind, record.id)))) as T;
}

/** Shape check for records arriving from sync or read back from storage. */
export function isSealedRecord(x: unknown): x is SealedRecord {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    typeof r.id === 'string' && r.id.length > 0 &&
    isRecordKind(r.kind) &&
    isHlc(r.hlc) &&
    typeof r.deleted === 'boolean' &&
    (r.deleted ? r.sealed === null : r.sealed instanceof Uint8Array)
  );
}
