// The popup's first screen from the session view (issue 14, lib/popup/first-screen.ts): with
// popup.init held back (the background "not started yet"), a popup still shows the right codes
// when the view matches the vault, and shows nothing from the view when the records or the
// settings changed since, or after a lock. The `tessera:first-screen` performance mark says
// which way the popup went ('view' or 'none').
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './extension';
import { setUpVault } from './helpers';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const uri = (issuer: string) => `otpauth://totp/${issuer}:me?secret=${SECRET}&issuer=${issuer}`;

/** A popup whose popup.init messages wait until `release()`: what it shows before comes from its own reads. */
async function heldPopup(context: BrowserContext, extensionId: string): Promise<{ popup: Page; release(): Promise<void> }> {
  const popup = await context.newPage();
  await popup.addInitScript(() => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    Object.assign(window, { __releaseInit: open });
    for (const ns of [(globalThis as { chrome?: typeof chrome }).chrome, (globalThis as { browser?: typeof chrome }).browser]) {
      const runtime = ns?.runtime;
      if (!runtime?.sendMessage) continue;
      const send = runtime.sendMessage.bind(runtime) as (...a: unknown[]) => Promise<unknown>;
      Object.defineProperty(runtime, 'sendMessage', {
        configurable: true,
        value: (msg: { type?: string }, ...rest: unknown[]) => (msg?.type === 'popup.init' ? gate.then(() => send(msg, ...rest)) : send(msg, ...rest)),
      });
    }
  });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return { popup, release: () => popup.evaluate(() => (window as unknown as { __releaseInit(): void }).__releaseInit()) };
}

/** Which way the first screen went: 'view' or 'none'. */
function firstScreenWay(popup: Page): Promise<string> {
  return popup.waitForFunction(() => performance.getEntriesByName('tessera:first-screen')[0]).then(() =>
    popup.evaluate(() => (performance.getEntriesByName('tessera:first-screen')[0] as PerformanceMark).detail as string));
}

async function openOnce(context: BrowserContext, extensionId: string): Promise<void> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('html')).toHaveAttribute('data-ready', 'codes');
  await popup.close();
}

const sessionView = (extPage: Page) => extPage.evaluate(async () => {
  const text = (await chrome.storage.session.get('popupView')).popupView as string | undefined;
  return text === undefined ? undefined : (JSON.parse(text) as { accounts: unknown[] });
});

test('a matching view draws the first screen with the right codes before the background answers', async ({ context, extensionId, api, extPage }) => {
  await setUpVault(api);
  await api({ type: 'accounts.import', text: ['Alpha', 'Bravo', 'Charlie'].map(uri).join('\n') });
  await openOnce(context, extensionId);
  await expect.poll(async () => (await sessionView(extPage))?.accounts.length).toBe(3);
  // As after 30 s idle: the worker is stopped, and popup.init is held back on top of that.
  const cdp = await context.newCDPSession(extPage);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const { popup, release } = await heldPopup(context, extensionId);
  expect(await firstScreenWay(popup)).toBe('view');
  await expect(popup.locator('html')).toHaveAttribute('data-ready', 'codes');
  await expect(popup.locator('[data-account-id] .issuer')).toHaveText(['Alpha', 'Bravo', 'Charlie']);
  const list = await api<{ accounts: Array<{ id: string }> }>({ type: 'accounts.list' });
  for (const { id } of list.accounts) {
    const shown = await popup.locator(`[data-account-id="${id}"] [data-code]`).getAttribute('data-code');
    const { code } = await api<{ code: string }>({ type: 'codes.get', id });
    // The two reads may straddle a step boundary: the code of the step before is also right.
    const before = await api<{ code: string }>({ type: 'codes.get', id, at: Date.now() - 30_000 });
    expect([code, before.code]).toContain(shown);
  }
  await release();
  await expect(popup.locator('[data-account-id]')).toHaveCount(3);
});

test('a view older than the records or the settings is not used, and a lock removes it', async ({ context, extensionId, api, extPage }) => {
  await setUpVault(api);
  await api({ type: 'accounts.import', text: ['Alpha', 'Bravo'].map(uri).join('\n') });
  await openOnce(context, extensionId);
  await expect.poll(async () => (await sessionView(extPage))?.accounts.length).toBe(2);

  // A new account: the view no longer names the records.
  await api({ type: 'accounts.import', text: uri('Delta') });
  let held = await heldPopup(context, extensionId);
  expect(await firstScreenWay(held.popup)).toBe('none');
  await expect(held.popup.locator('[data-account-id]')).toHaveCount(0);
  await held.release();
  await expect(held.popup.locator('[data-account-id] .issuer')).toHaveText(['Alpha', 'Bravo', 'Delta']);
  await held.popup.close();
  await expect.poll(async () => (await sessionView(extPage))?.accounts.length).toBe(3);

  // "Hide codes" turned on: no popup may show a code from a view built before it.
  await api({ type: 'settings.set', settings: { hideCodes: true } });
  held = await heldPopup(context, extensionId);
  expect(await firstScreenWay(held.popup)).toBe('none');
  await expect(held.popup.locator('[data-code]')).toHaveCount(0);
  await held.release();
  await expect(held.popup.locator('[data-code][data-masked]')).toHaveCount(3);
  await held.popup.close();
  held = await heldPopup(context, extensionId);
  expect(await firstScreenWay(held.popup)).toBe('view');
  await expect(held.popup.locator('[data-code][data-masked]')).toHaveCount(3);
  await held.popup.close();

  // Locked: the view goes with the key.
  await api({ type: 'vault.lock' });
  expect(await sessionView(extPage)).toBeUndefined();
  held = await heldPopup(context, extensionId);
  expect(await firstScreenWay(held.popup)).toBe('none');
  await held.release();
  await expect(held.popup.getByLabel(/passphrase/i).first()).toBeVisible();
});
