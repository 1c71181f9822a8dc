// A KeyStore held in this JavaScript context's memory: for tests, and anywhere the key must not
// outlive the context. Copies on the way in and out so callers cannot alter the stored key.
import type { KeyStore } from './types';

export function memoryKeyStore(): KeyStore {
  let key: Uint8Array | null = null;
  return {
    async get() {
      return key ? key.slice() : null;
    },
    async set(k) {
      key = k.slice();
    },
    async clear() {
      key?.fill(0);
      key = null;
    },
  };
}
