// The record model shared by the vault (lib/vault) and sync (lib/sync): record kinds, the sealed
// envelope, the vault header and the key ring a record is sealed under. It sits below both, so
// lib/vault never imports lib/sync and lib/crypto never imports either (issue 10, "Shape").
// Format: docs/vault-format.md ("Records", "Header"); what sync accepts: docs/sync.md.
import type { KdfParams } from '../crypto/kdf-params';

export type { KdfParams };

/**
 * What a record holds. Kinds are stored in clear (they say nothing about an account).
 * - account: AccountData (lib/otp/account.ts)
 * - token:   one emergency token { accountId, value, addedAt } (lib/tokens)
 * - used:    the used mark of token <id> ({ usedAt }); id = `used:<token id>`. A grow-only set:
 *            never edited, never deleted, and a merge can only add them (issue 5, "ready for sync").
 * - setting: synced settings that may identify something (sealed like the rest)
 * - local:   this device's own sealed settings (e.g. WebDAV credentials); never synced
 */
export type RecordKind = 'account' | 'token' | 'used' | 'setting' | 'local';

/** The record envelope version written today (docs/vault-format.md, "Records"). */
export const RECORD_VERSION = 2;

/**
 * A record as stored in IndexedDB and as moved by sync: never any clear text but `kind`.
 * Format 2 (`v: 2`): `sealed` is always present — a tombstone is sealed too — and its associated
 * data binds vault id, key id, kind, id, stamp and the deleted flag (lib/record/envelope.ts).
 * Format 1 (no `v`, read only to upgrade): `sealed` is null for a tombstone, and the associated
 * data binds only kind and id.
 */
export interface SealedRecord {
  id: string;
  kind: RecordKind;
  /** Hybrid logical clock of the last write (lib/record/hlc.ts): orders writes across devices. */
  hlc: string;
  /** A tombstone: the record was deleted. */
  deleted: boolean;
  /** nonce ‖ ciphertext ‖ tag; format 1 tombstones: null. */
  sealed: Uint8Array | null;
  /** Envelope version: 2, or absent for format 1. */
  v?: 2;
  /** Format 2: the id of the vault key that sealed it (lib/record/envelope.ts keyId). */
  kid?: string;
}

/** The vault header (docs/vault-format.md): how to get from the passphrase to the vault key. */
export interface VaultHeader {
  format: 1 | 2;
  /** Random id of this vault: two devices whose ids differ hold different vaults (sync `conflict`). */
  vaultId: string;
  /** When the KDF or wrapped key last changed: a passphrase change spreads by sync through it. */
  hlc: string;
  kdf: KdfParams;
  /** base64 of nonce ‖ ciphertext ‖ tag of the 32-byte vault key under the passphrase key. */
  wrappedKey: string;
  /** Format 2: keyId() of the wrapped vault key. */
  keyId?: string;
  /** Format 2, after "also replace the vault key": base64 of the older vault keys sealed under this one. */
  prev?: string;
  /** Passkey wraps of the vault key the user chose to use on other devices (lib/passkey; the MAC covers them). */
  passkeys?: PasskeyWrap[];
  /** HMAC of the fields above under a key derived from the vault key (lib/record/header.ts). */
  mac?: string;
}

/**
 * The vault key wrapped under a key derived from a WebAuthn PRF output (lib/passkey/wrap.ts,
 * docs/vault-format.md "Passkey wraps"). Kept in the header (`sync: true`, MAC-covered) or on this
 * device only (meta 'passkeys').
 */
export interface PasskeyWrap {
  /** Wrap format version. */
  v: 1;
  /** The WebAuthn credential id, base64url (what `allowCredentials` names at unlock). */
  id: string;
  /** The user's name for it (editable). */
  name: string;
  /** base64 of the 32 random bytes the PRF is evaluated on (fresh for each wrap). */
  salt: string;
  /** base64 of nonce ‖ ciphertext ‖ tag of the vault key under the PRF-derived key. */
  wrappedKey: string;
  /** keyId() of the wrapped vault key: a wrap of a replaced key is recognised as stale. */
  keyId: string;
  /** Whether the wrap travels with the header to the user's other devices. */
  sync: boolean;
  /** The origin of the page that created the credential (its WebAuthn RP): only a page of that origin can ask for it. */
  rp: string;
  /** When it was added (ms since the epoch). */
  created: number;
}

/** The vault key with what its envelopes bind: the vault and the key's id. */
export interface RecordKeyring {
  vaultId: string;
  key: Uint8Array;
  kid: string;
}
