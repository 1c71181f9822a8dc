import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toBase64 } from '../../../lib/crypto/encoding';
import { randomBytes } from '../../../lib/crypto/random';
import { memoryKeyStore } from '../../../lib/vault/memory-key-store';
import { SESSION_KEY, sessionKeyStore } from '../../../lib/vault/session-key-store';

describe('sessionKeyStore', () => {
  it('keeps the key as base64 under "vaultKey" in the session area', async () => {
    const area = fakeBrowser.storage.session;
    const store = sessionKeyStore(area);
    expect(await store.get()).toBeNull();
    const key = randomBytes(32);
    await store.set(key);
    expect(await area.get(SESSION_KEY)).toEqual({ vaultKey: toBase64(key) });
    expect(await store.get()).toEqual(key);
    await store.clear();
    expect(await store.get()).toBeNull();
    expect(await area.get(null)).toEqual({});
  });

  it('treats anything but a 32-byte base64 key as no key, and refuses to store a wrong-sized one', async () => {
    const area = fakeBrowser.storage.session;
    const store = sessionKeyStore(area);
    for (const junk of [42, 'not base64', toBase64(randomBytes(16))]) {
      await area.set({ [SESSION_KEY]: junk });
      expect(await store.get()).toBeNull();
    }
    await expect(store.set(randomBytes(31))).rejects.toThrow();
  });
});

describe('memoryKeyStore', () => {
  it('stores a copy and hands out copies', async () => {
    const store = memoryKeyStore();
    const key = randomBytes(32);
    await store.set(key);
    const copy = key.slice();
    key.fill(0);
    expect(await store.get()).toEqual(copy);
    (await store.get())!.fill(1);
    expect(await store.get()).toEqual(copy);
    await store.clear();
    expect(await store.get()).toBeNull();
  });
});
