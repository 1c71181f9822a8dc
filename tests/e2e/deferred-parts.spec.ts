// The deferred parts (issue 14, lib/deferred/): Chrome's worker starts without the argon2id
// engines, the import parsers, the backup format or the sync engine, and loads them with
// importScripts() from the copy the browser kept at install time when a message first needs them.
// Each step below starts from a stopped worker (as after 30 s idle), so that it goes through a
// fresh start; errors thrown inside the parts keep their API codes.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, test } from './extension';
import { PASSPHRASE, setUpVault } from './helpers';

/**
 * Stops the worker and starts it again with a message. Playwright keeps one Worker object across
 * the restart (it attaches to the new instance), so a mark left in the old one tells them apart.
 */
async function restartedWorker(context: BrowserContext, extPage: Page, extensionId: string): Promise<Worker> {
  const ours = (w: Worker) => w.url().startsWith(`chrome-extension://${extensionId}/`);
  await context.serviceWorkers().find(ours)?.evaluate(() => Object.assign(globalThis, { __before: true }));
  const cdp = await context.newCDPSession(extPage);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  // Any message starts it again.
  await expect.poll(() => extPage.evaluate(() => chrome.runtime.sendMessage({ type: 'vault.status' }).then((a: { ok?: boolean }) => a?.ok))).toBe(true);
  const sw = context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours }));
  await expect.poll(() => sw.evaluate(() => '__before' in globalThis)).toBe(false);
  return sw;
}

const partsLoaded = (sw: Worker) => sw.evaluate(() => 'tesseraDeferred' in globalThis);

test('after a restart the worker answers without the deferred parts, and loads them for the first message that needs them', async ({ context, extensionId, extPage, api, rawApi }) => {
  await setUpVault(api);
  await api({ type: 'accounts.import', text: 'otpauth://totp/Acme:alice?secret=JBSWY3DPEHPK3PXP&issuer=Acme' });
  await api({ type: 'vault.lock' });

  // A restarted worker answers the popup's messages with nothing deferred loaded.
  let sw = await restartedWorker(context, extPage, extensionId);
  expect(await rawApi({ type: 'popup.init' })).toMatchObject({ ok: false, error: { code: 'locked' } });
  expect(await partsLoaded(sw)).toBe(false);

  // Unlock derives a key: the KDF comes in then, from the script kept at install.
  expect(await rawApi({ type: 'vault.unlock', passphrase: 'not the passphrase' })).toMatchObject({ ok: false, error: { code: 'bad-passphrase' } });
  expect(await partsLoaded(sw)).toBe(true);
  await api({ type: 'vault.unlock', passphrase: PASSPHRASE });
  expect((await api<{ accounts: unknown[] }>({ type: 'accounts.list' })).accounts).toHaveLength(1);
  sw = await restartedWorker(context, extPage, extensionId);
  expect((await api<{ accounts: unknown[] }>({ type: 'popup.init' })).accounts).toHaveLength(1);
  expect(await partsLoaded(sw)).toBe(false);

  // An import after a restart: the parsers' typed errors keep their codes, and a good file imports.
  const aegis = readFileSync('tests/fixtures/import/aegis-encrypted.json').toString('base64');
  expect(await rawApi({ type: 'accounts.importFile', name: 'aegis.json', data: aegis })).toMatchObject({ ok: false, error: { code: 'needs-password' } });
  expect(await rawApi({ type: 'accounts.importFile', name: 'aegis.json', data: Buffer.from('{"not":"a known format"}').toString('base64') })).toMatchObject({ ok: false, error: { code: 'unsupported-format' } });
  const plain = readFileSync('tests/fixtures/import/aegis-plain.json').toString('base64');
  expect((await api<{ added: unknown[] }>({ type: 'accounts.importFile', name: 'aegis.json', data: plain })).added.length).toBeGreaterThan(0);

  // Sync after a restart: a WebDAV folder nobody serves is `unreachable` (thrown inside the parts),
  // and browser sync builds its engine and pushes.
  sw = await restartedWorker(context, extPage, extensionId);
  expect(await rawApi({ type: 'sync.configure', backend: 'webdav', url: 'http://127.0.0.1:9/dav/', username: 'u', password: 'p' })).toMatchObject({ ok: false, error: { code: 'unreachable' } });
  expect(await partsLoaded(sw)).toBe(true);
  await restartedWorker(context, extPage, extensionId);
  await api({ type: 'sync.configure', backend: 'browser' });
  expect((await api<{ pushed: number }>({ type: 'sync.now' })).pushed).toBeGreaterThan(0);

  // A backup after a restart (argon2id and XChaCha20-Poly1305 from the parts).
  await restartedWorker(context, extPage, extensionId);
  expect((await api<{ data: string }>({ type: 'backup.export', password: 'another long passphrase' })).data.length).toBeGreaterThan(100);
});
