// Scans waiting for the user's review (lib/api/qr.ts ScanStore), in storage.session sealed with
// the vault key (XChaCha20-Poly1305, the scan id in the associated data): memory only, extension
// contexts only, and removed when the vault locks (endingScansOnLock).
import { browser } from 'wxt/browser';
import type { PendingScan, ScanStore } from '../api/qr';
import { open, seal } from '../crypto/aead';
import { fromBase64, toBase64, utf8Decode, utf8Encode } from '../crypto/encoding';
import type { KeyStore } from '../vault/types';

const PREFIX = 'scan:';

interface Entry {
  expires: number;
  sealed: string;
}
const ad = (id: string) => utf8Encode(`tessera/pending-scan/v1\u0000${id}`);

/** Forgets every waiting review (called when the vault locks). */
export async function clearScans(): Promise<void> {
  const keys = Object.keys(await browser.storage.session.get(null)).filter((k) => k.startsWith(PREFIX));
  if (keys.length) await browser.storage.session.remove(keys);
}

/** A key store whose lock also ends every waiting review. */
export function endingScansOnLock(keys: KeyStore): KeyStore {
  return { ...keys, clear: async () => {
    await keys.clear();
    await clearScans();
  } };
}

export function sessionScanStore(keys: KeyStore): ScanStore {
  return {
    async get(id) {
      const entry = (await browser.storage.session.get(PREFIX + id))[PREFIX + id] as Entry | undefined;
      const key = await keys.get();
      if (typeof entry?.sealed !== 'string' || !key) return null;
      try {
        return JSON.parse(utf8Decode(open(key, fromBase64(entry.sealed), ad(id)))) as PendingScan;
      } catch {
        return null;
      }
    },
    async put(id, scan) {
      const key = await keys.get();
      if (!key) return;
      // Expired reviews are dropped as new ones arrive (the expiry is all that sits in clear).
      const all = (await browser.storage.session.get(null)) as Record<string, Entry | unknown>;
      const expired = Object.entries(all).filter(([k, v]) => k.startsWith(PREFIX) && !((v as Entry).expires > Date.now())).map(([k]) => k);
      if (expired.length) await browser.storage.session.remove(expired);
      const sealed = toBase64(seal(key, utf8Encode(JSON.stringify(scan)), ad(id)));
      await browser.storage.session.set({ [PREFIX + id]: { expires: scan.expires, sealed } satisfies Entry });
    },
    async remove(id) {
      await browser.storage.session.remove(PREFIX + id);
    },
  };
}
