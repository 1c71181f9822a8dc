// The sealed record envelope now lives in lib/record/envelope.ts (format 2; docs/vault-format.md,
// "Records"). This module keeps the vault's old entry points: the format-1 seal (for tests and
// fixtures that build format-1 data) and opening either format.
import { seal } from '../crypto/aead';
import { utf8Encode } from '../crypto/encoding';
import { recordAd } from '../record/envelope';
import type { RecordKind } from '../record/types';

export { RECORD_KINDS, isRecordKind, isSealedRecord, keyId, keyring, openVersion, recordAd, recordAdV2, sealVersion, verifyVersion } from '../record/envelope';

/** Format-1 seal of `data` for record `id` of `kind` (only to build format-1 data in tests). */
export function sealRecordV1(key: Uint8Array, id: string, kind: RecordKind, data: unknown): Uint8Array {
  const json = JSON.stringify(data);
  if (json === undefined) throw new Error('record data is not JSON');
  return seal(key, utf8Encode(json), recordAd(kind, id));
}
