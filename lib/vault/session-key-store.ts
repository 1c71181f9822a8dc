// The unlocked vault key in `storage.session` (issue 2, "Vault"; DESIGN.md "Rules of the house"):
// memory only, readable by extension contexts only, so it survives the service worker being
// stopped but not a browser restart. The one place a secret sits outside the sealed vault.
import { browser } from 'wxt/browser';
import { KEY_BYTES } from '../crypto/aead';
import { fromBase64, toBase64 } from '../crypto/encoding';
import { SESSION_KEY, type KeyStore } from './types';

export { SESSION_KEY };

/** The part of a `storage` area this store uses (browser.storage.session; a fake in tests). */
export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** The key as storage.session holds it (base64), or null when the value is not a 32-byte key. */
export function sessionKeyFrom(value: unknown): Uint8Array | null {
  if (typeof value !== 'string') return null;
  try {
    const key = fromBase64(value);
    return key.length === KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

export function sessionKeyStore(area: StorageAreaLike = browser.storage.session): KeyStore {
  return {
    async get() {
      return sessionKeyFrom((await area.get(SESSION_KEY))[SESSION_KEY]);
    },
    async set(key) {
      if (key.length !== KEY_BYTES) throw new Error('vault key must be 32 bytes');
      await area.set({ [SESSION_KEY]: toBase64(key) });
    },
    async clear() {
      await area.remove(SESSION_KEY);
    },
  };
}
