// A fake WebAuthn PRF for unit tests: each credential has a random secret, and its PRF on a salt
// is HMAC-SHA-256(secret, "WebAuthn PRF" ‖ 0x00 ‖ salt) — the shape of WebAuthn L3 §10.1.4 over
// CTAP2 hmac-secret, which is all the vault relies on (32 bytes, fixed per credential and salt).
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, fromBase64, toBase64Url, utf8Encode } from '../../../lib/crypto/encoding';
import { randomBytes } from '../../../lib/crypto/random';

export class FakeCredential {
  readonly id = toBase64Url(randomBytes(32));
  private readonly secret = randomBytes(32);
  prf(salt: string): Uint8Array {
    return hmac(sha256, this.secret, concatBytes(utf8Encode('WebAuthn PRF\0'), fromBase64(salt)));
  }
}
