// Shared E2E helpers: expected codes computed independently (otpauth in Node), a dump of
// every IndexedDB store and extension storage area for plaintext scans, and vault set-up.
import * as OTPAuth from 'otpauth';
import type { Page } from '@playwright/test';
import type { Api } from './extension';

export const PASSPHRASE = 'correct horse battery staple';

export function totpNow(secret: string, opts: { digits?: number; period?: number; algorithm?: string; timestamp?: number } = {}): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: opts.digits ?? 6, period: opts.period ?? 30, algorithm: opts.algorithm ?? 'SHA1' }).generate({ timestamp: opts.timestamp ?? Date.now() });
}

export async function setUpVault(api: Api): Promise<void> {
  await api({ type: 'vault.setup', passphrase: PASSPHRASE });
}

/**
 * Everything Tessera keeps at rest, as text: every IndexedDB database and store of the
 * extension's origin (byte arrays decoded as UTF-8 and Latin-1), storage.local and storage.sync.
 * storage.session is left out: it holds the unlocked key by design (DESIGN.md).
 */
export async function dumpAtRest(extPage: Page): Promise<string> {
  return extPage.evaluate(async () => {
    const out: string[] = [];
    const asText = (v: unknown): string =>
      JSON.stringify(v, (_k, x) => {
        if (x instanceof Uint8Array || x instanceof ArrayBuffer) {
          const bytes = x instanceof Uint8Array ? x : new Uint8Array(x);
          return `${new TextDecoder().decode(bytes)}|${String.fromCharCode(...bytes)}`;
        }
        return x;
      });
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const tx = db.transaction(name);
        const store = tx.objectStore(name);
        const [keys, values] = await Promise.all([
          new Promise<unknown[]>((ok) => { const r = store.getAllKeys(); r.onsuccess = () => ok(r.result); }),
          new Promise<unknown[]>((ok) => { const r = store.getAll(); r.onsuccess = () => ok(r.result); }),
        ]);
        out.push(`${info.name}/${name}: ${asText(keys)} ${asText(values)}`);
      }
      db.close();
    }
    out.push(`local: ${asText(await chrome.storage.local.get(null))}`);
    out.push(`sync: ${asText(await chrome.storage.sync.get(null))}`);
    return out.join('\n');
  });
}

/**
 * Shows one page of the options page by clicking its link in the page's navigation, as a user
 * would (issue 14: one page at a time; English "Sections", Japanese "セクション").
 */
export async function openOptionsSection(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: /^(Sections|セクション)$/ }).getByRole('link', { name, exact: true }).click();
}
