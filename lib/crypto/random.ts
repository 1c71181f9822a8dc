// Randomness for keys, nonces, salts and ids: the platform CSPRNG (Web Crypto
// getRandomValues), available in extension pages, the service worker and Node.
import { toBase64Url } from './encoding';

// getRandomValues fills at most 65,536 bytes per call (Web Crypto API, §10.1.1 "QuotaExceededError").
const MAX_PER_CALL = 65536;

export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += MAX_PER_CALL) {
    crypto.getRandomValues(out.subarray(i, Math.min(n, i + MAX_PER_CALL)));
  }
  return out;
}

/** 128 random bits as base64url without padding: 22 characters from [A-Za-z0-9_-]. */
export function randomId(): string {
  return toBase64Url(randomBytes(16));
}
