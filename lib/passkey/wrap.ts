// Passkey wraps of the vault key (issue 18; docs/vault-format.md, "Passkey wraps"). A WebAuthn
// credential with the PRF extension (WebAuthn Level 3 §10.1.4, built on CTAP2.1 hmac-secret) gives
// a 32-byte secret per credential and input salt. From it, HKDF-SHA256 (RFC 5869) derives a
// wrapping key that seals the vault key (XChaCha20-Poly1305, as the passphrase wrap) with
// associated data binding the vault and the credential:
//   salt  = utf8("tessera/passkey-wrap/v1")
//   info  = utf8("tessera/passkey-kek/v1" ‖ 0x00 ‖ vaultId ‖ 0x00 ‖ credentialId)
//   AD    = utf8("tessera/passkey-key/v1" ‖ 0x00 ‖ vaultId ‖ 0x00 ‖ credentialId)
// The PRF output never leaves these functions: callers pass it in and drop it.
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { KEY_BYTES, open, seal } from '../crypto/aead';
import { fromBase64, toBase64, utf8Encode } from '../crypto/encoding';
import { randomBytes } from '../crypto/random';
import { keyId } from '../record/envelope';
import type { PasskeyWrap } from '../record/types';

/** Bytes of the PRF input salt and of the PRF output (WebAuthn PRF: 32 bytes each). */
export const PRF_BYTES = 32;
/** The longest name kept for a passkey. */
export const MAX_NAME = 64;

const CREDENTIAL_ID = /^[A-Za-z0-9_-]{16,1400}$/;

export function isCredentialId(x: unknown): x is string {
  return typeof x === 'string' && CREDENTIAL_ID.test(x);
}

/** A fresh random PRF input salt, base64. */
export function newPrfSalt(): string {
  return toBase64(randomBytes(PRF_BYTES));
}

function wrappingKey(prf: Uint8Array, vaultId: string, credentialId: string): Uint8Array {
  if (prf.length !== PRF_BYTES) throw new Error('PRF output must be 32 bytes');
  return hkdf(sha256, prf, utf8Encode('tessera/passkey-wrap/v1'), utf8Encode(`tessera/passkey-kek/v1\0${vaultId}\0${credentialId}`), KEY_BYTES);
}

const wrapAd = (vaultId: string, credentialId: string) => utf8Encode(`tessera/passkey-key/v1\0${vaultId}\0${credentialId}`);

/** A display name: trimmed, control characters removed, at most MAX_NAME characters. */
export function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return [...name.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim()].slice(0, MAX_NAME).join('');
}

export interface NewWrap {
  id: string;
  name: string;
  salt: string;
  sync: boolean;
  created: number;
  /** The creating page's origin (the credential's RP). */
  rp: string;
}

/** The vault key wrapped under the PRF output of credential `w.id` evaluated on `w.salt`. */
export function wrapWithPrf(vaultKey: Uint8Array, vaultId: string, prf: Uint8Array, w: NewWrap): PasskeyWrap {
  if (!isCredentialId(w.id)) throw new Error('bad credential id');
  if (fromBase64(w.salt).length !== PRF_BYTES) throw new Error('bad salt');
  const kek = wrappingKey(prf, vaultId, w.id);
  const wrappedKey = toBase64(seal(kek, vaultKey, wrapAd(vaultId, w.id)));
  kek.fill(0);
  return { v: 1, id: w.id, name: cleanName(w.name), salt: w.salt, wrappedKey, keyId: keyId(vaultKey), sync: w.sync, created: w.created, rp: w.rp };
}

/** The key a wrap holds, or null when this PRF output (another credential, another salt) does not open it. */
export function unwrapWithPrf(wrap: PasskeyWrap, vaultId: string, prf: Uint8Array): Uint8Array | null {
  try {
    const kek = wrappingKey(prf, vaultId, wrap.id);
    const key = open(kek, fromBase64(wrap.wrappedKey), wrapAd(vaultId, wrap.id));
    kek.fill(0);
    return key.length === KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}
