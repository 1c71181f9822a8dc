// Authenticated encryption for every sealed value: XChaCha20-Poly1305
// (draft-irtf-cfrg-xchacha-03 §2, on @noble/ciphers). The 192-bit nonce is random per seal,
// which is safe for any practical number of messages under one key (draft §3.1), so no
// nonce state has to survive service-worker restarts or be shared between devices.
// Wire form: nonce (24 bytes) ‖ ciphertext ‖ Poly1305 tag (16 bytes).
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { concatBytes } from './encoding';
import { randomBytes } from './random';

export const KEY_BYTES = 32;
export const NONCE_BYTES = 24;
export const TAG_BYTES = 16;

/** Seals `plaintext` under `key`, binding `ad` (authenticated, not encrypted). */
export function seal(key: Uint8Array, plaintext: Uint8Array, ad: Uint8Array): Uint8Array {
  return sealWithNonce(key, randomBytes(NONCE_BYTES), plaintext, ad);
}

/**
 * Opens what `seal` produced. Throws a plain Error when the data was altered, truncated, sealed
 * under another key or with other associated data; callers map it to their own error.
 */
export function open(key: Uint8Array, sealed: Uint8Array, ad: Uint8Array): Uint8Array {
  if (key.length !== KEY_BYTES) throw new Error('key must be 32 bytes');
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new Error('sealed data too short');
  const nonce = sealed.slice(0, NONCE_BYTES);
  try {
    return xchacha20poly1305(key, nonce, ad).decrypt(sealed.slice(NONCE_BYTES));
  } catch {
    // One message for every failure: which check failed is nobody's business.
    throw new Error('authentication failed');
  }
}

/** @internal Deterministic seal with a given nonce: only for published test vectors. */
export function sealWithNonce(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, ad: Uint8Array): Uint8Array {
  if (key.length !== KEY_BYTES) throw new Error('key must be 32 bytes');
  if (nonce.length !== NONCE_BYTES) throw new Error('nonce must be 24 bytes');
  return concatBytes(nonce, xchacha20poly1305(key, nonce, ad).encrypt(plaintext));
}
