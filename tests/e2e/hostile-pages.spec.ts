// Issue 11 end to end, where the browser decides: what a hostile web page can do against the
// chip, plain-http pages, the popup on an unbound site, and the offscreen clipboard document.
// Chromium is started here (not through tests/e2e/extension.ts) to map two names to 127.0.0.1
// (--host-resolver-rules): `bank.test` is a plain-http host that is not loopback to the browser,
// as a LAN or spoofed address would be. Page scans across sites are in hostile-scan.spec.ts.
import { chromium, expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OTPAuth from 'otpauth';
import { apiFrom, CHROMIUM, EXTENSION_DIR, SITE, serviceWorkerOf, strictApi, type Api, type RawApi } from './extension';
import { PASSPHRASE } from './helpers';

test.describe.configure({ mode: 'default', timeout: 60_000 });

const PORT = new URL(SITE).port;
const BANK = `http://bank.test:${PORT}`; // plain http, not loopback as far as the browser knows
const FIXTURE = '/autofill/single-autocomplete.html';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const totp = (timestamp = Date.now()) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(SECRET), digits: 6, period: 30 }).generate({ timestamp });
const codesNow = () => [totp(), totp(Date.now() - 30_000)];

interface H {
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  extPage: Page;
  raw: RawApi;
  api: Api;
  close(): Promise<void>;
}

async function launch(lang = 'en-US'): Promise<H> {
  const profile = mkdtempSync(join(tmpdir(), 'tessera-hostile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: lang,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
      `--lang=${lang}`, `--accept-lang=${lang}`,
      '--host-resolver-rules=MAP bank.test 127.0.0.1',
      // Plain http stays plain http (no automatic https attempt first).
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
    ],
  });
  const sw = await serviceWorkerOf(context);
  const extensionId = new URL(sw.url()).host;
  const extPage = await context.newPage();
  await extPage.goto(`chrome-extension://${extensionId}/options.html`);
  const raw = await apiFrom(extPage);
  const api = strictApi(raw);
  await api({ type: 'vault.setup', passphrase: PASSPHRASE });
  return {
    context, sw, extensionId, extPage, raw, api,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function tabIdOf(h: H, url: string): Promise<number> {
  const id = await h.sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

async function addAccount(h: H, issuer: string, sites: string[]): Promise<string> {
  const { added } = await h.api<{ added: Array<{ id: string }> }>({ type: 'accounts.import', text: `otpauth://totp/${issuer}:alice?secret=${SECRET}&issuer=${issuer}` });
  await h.api({ type: 'accounts.update', id: added[0]!.id, sites });
  return added[0]!.id;
}

/** A web page with the one-time-code field, once the content script has found it (the chip is there). */
async function openField(h: H, url: string, page?: Page): Promise<Page> {
  const p = page ?? (await h.context.newPage());
  await p.goto(url);
  await expect(p.locator('tessera-chip')).toBeAttached();
  return p;
}

/** The popup in a window of its own that does not take the focus, so it works over `over`. */
async function openPopupOver(h: H, over: Page): Promise<Page> {
  await over.bringToFront();
  const opened = h.context.waitForEvent('page');
  await h.sw.evaluate((url) => chrome.windows.create({ url, focused: false, width: 420, height: 640 }), `chrome-extension://${h.extensionId}/popup.html`);
  const popup = await opened;
  await expect(popup.locator('html')).toHaveAttribute('data-ready', 'codes');
  // The popup acts on the active tab of the last focused window: make sure that is `over`'s.
  const overTab = await tabIdOf(h, over.url());
  await h.sw.evaluate(async (id) => void (await chrome.windows.update((await chrome.tabs.get(id)).windowId, { focused: true })), overTab);
  await expect.poll(() => popup.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id)).toBe(overTab);
  // The popup reads the tab it is over when it opens: open it again now that this holds.
  await popup.reload();
  await expect(popup.locator('html')).toHaveAttribute('data-ready', 'codes');
  return popup;
}

test.describe('hostile pages', () => {
  let h: H;
  test.beforeAll(async () => {
    h = await launch();
  });
  test.afterAll(async () => {
    await h?.close();
  });

  test('point 6: page CSS cannot hide the chip over a decoy, and a chip a page script hid does not fill', async () => {
    const id = await addAccount(h, 'Chipco', ['127.0.0.1']);
    const page = await h.context.newPage();
    // The page's own rule and a decoy button where the chip will sit.
    await page.route(`${SITE}/hostile/chip.html`, (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><head><style>tessera-chip{opacity:0!important;filter:opacity(0)!important}</style></head><body>
        <label for="otp">Authentication code</label>
        <input id="otp" autocomplete="one-time-code" maxlength="6" style="width:320px;height:32px;font:16px sans-serif">
        <button id="decoy" style="position:fixed;left:0;top:0;width:40px;height:40px">Win!</button>
        <p id="result"></p>
        <script>
          const f = document.getElementById('otp');
          f.addEventListener('input', () => { document.getElementById('result').textContent = f.value; });
          document.getElementById('decoy').addEventListener('click', () => { document.title = 'decoy clicked'; });
        </script></body></html>`,
    }));
    await openField(h, `${SITE}/hostile/chip.html`, page);
    const chip = page.locator('tessera-chip');
    const box = (await chip.boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    // The decoy sits exactly under the chip.
    await page.evaluate(({ x, y }) => Object.assign(document.getElementById('decoy')!.style, { left: `${x - 20}px`, top: `${y - 20}px` }), centre);

    // The page's !important rules do not reach the chip: it is fully visible, on top of the decoy.
    expect(await chip.evaluate((el) => [getComputedStyle(el).opacity, getComputedStyle(el).filter])).toEqual(['1', 'none']);
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, centre)).toBe('tessera-chip');
    // So a click there is a click on a chip the user sees: it fills (the account is bound here).
    await page.mouse.click(centre.x, centre.y);
    await expect(page.locator('#result')).toHaveText(/^\d{6}$/);
    expect(codesNow()).toContain(await page.locator('#result').textContent());
    await page.locator('#otp').fill('');
    await page.evaluate(() => { document.getElementById('result')!.textContent = ''; });

    // A page script hides the chip (inline !important of its own): a click on "the decoy" there fills nothing.
    await chip.evaluate((el) => (el as HTMLElement).style.setProperty('opacity', '0', 'important'));
    expect(await chip.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
    await page.mouse.click(centre.x, centre.y);
    await page.waitForTimeout(1_000);
    await expect(page.locator('#otp')).toHaveValue('');
    await expect(page.locator('#result')).toHaveText('');
    // Scripted clicks on the host are not a person's click either.
    await chip.evaluate((el) => { (el as HTMLElement).style.removeProperty('opacity'); (el as HTMLElement).click(); });
    await page.waitForTimeout(500);
    await expect(page.locator('#otp')).toHaveValue('');

    // The page covers the chip with its own element: the click is the page's, nothing is filled.
    await page.evaluate(({ x, y }) => {
      const cover = document.createElement('div');
      cover.style.cssText = `position:fixed;left:${x - 30}px;top:${y - 30}px;width:60px;height:60px;z-index:2147483647;background:#fff`;
      document.documentElement.append(cover);
    }, centre);
    await page.mouse.click(centre.x, centre.y);
    await page.waitForTimeout(1_000);
    await expect(page.locator('#otp')).toHaveValue('');
    await h.api({ type: 'accounts.remove', id });
    await page.close();
  });

  test('point 2: a plain-http page on a non-loopback host is never filled; the popup copies and says why', async () => {
    const id = await addAccount(h, 'Bankco', ['bank.test']);
    const page = await openField(h, `${BANK}${FIXTURE}`);
    const tabId = await tabIdOf(h, `${BANK}${FIXTURE}`);
    expect(await h.raw({ type: 'autofill.fill', tabId })).toMatchObject({ ok: false, error: { code: 'insecure-page', message: expect.stringContaining('http') } });
    expect(await h.raw({ type: 'autofill.fill', tabId, accountId: id })).toMatchObject({ ok: false, error: { code: 'insecure-page' } });
    await expect(page.locator('#otp')).toHaveValue('');

    // Automatic fill on, a bound account, a field: still nothing.
    await h.api({ type: 'settings.set', settings: { autoFill: true } });
    try {
      await page.reload();
      await expect(page.locator('tessera-chip')).toBeAttached();
      await page.waitForTimeout(1_500);
      await expect(page.locator('#otp')).toHaveValue('');
    } finally {
      await h.api({ type: 'settings.set', settings: { autoFill: false } });
    }

    // The popup: picking the account copies the code instead and says why.
    const popup = await openPopupOver(h, page);
    await popup.locator(`[data-account-id="${id}"]`).click();
    await expect(popup.getByRole('alert')).toContainText('not secure');
    await expect(popup.getByRole('alert')).toContainText('copied instead');
    expect(codesNow()).toContain(await h.extPage.evaluate(() => navigator.clipboard.readText()));
    await expect(page.locator('#otp')).toHaveValue('');
    await popup.close();

    // The same page on a loopback host fills (development and tests).
    const local = await openField(h, `${SITE}${FIXTURE}`);
    await h.api({ type: 'accounts.update', id, sites: ['127.0.0.1'] });
    expect(await h.raw({ type: 'autofill.fill', tabId: await tabIdOf(h, `${SITE}${FIXTURE}`) })).toMatchObject({ ok: true, filled: true });
    expect(codesNow()).toContain(await local.locator('#otp').inputValue());
    await h.api({ type: 'accounts.remove', id });
    await page.close();
    await local.close();
  });

  test('point 3: the popup asks before filling an account into a site it is not bound to (keyboard only)', async () => {
    const bank = await addAccount(h, 'Bank', ['bank.example']);
    const url = `${SITE}${FIXTURE}`;
    const page = await openField(h, url);
    const popup = await openPopupOver(h, page);
    const row = popup.locator(`[data-account-id="${bank}"]`);
    const dialog = popup.getByRole('alertdialog');

    // Enter on the row: the question, not a fill.
    await row.focus();
    await popup.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Bank is not bound to 127.0.0.1');
    await expect(dialog.getByRole('button', { name: 'Fill anyway' })).toBeFocused();
    await page.waitForTimeout(300);
    await expect(page.locator('#otp')).toHaveValue('');

    // Escape cancels: nothing filled, nothing bound.
    await popup.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.locator('#otp')).toHaveValue('');
    const sitesOf = async () => (await h.api<{ accounts: Array<{ id: string; sites: string[] }> }>({ type: 'accounts.list' })).accounts.find((a) => a.id === bank)!.sites;
    expect(await sitesOf()).toEqual(['bank.example']);

    // "Fill anyway" (Enter on the focused first choice): filled this once, still not bound.
    await row.focus();
    await popup.keyboard.press('Enter');
    await expect(dialog.getByRole('button', { name: 'Fill anyway' })).toBeFocused();
    await popup.keyboard.press('Enter');
    await expect(page.locator('#otp')).toHaveValue(/^\d{6}$/);
    await expect(popup.getByRole('status')).toHaveText('Code filled in.');
    expect(codesNow()).toContain(await page.locator('#otp').inputValue());
    expect(await sitesOf()).toEqual(['bank.example']);
    await page.locator('#otp').fill('');

    // "Fill and bind": Tab to it, Enter; bound from now on, and then no question.
    await row.focus();
    await popup.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Fill anyway' })).toBeFocused();
    await popup.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Fill and bind to 127.0.0.1' })).toBeFocused();
    await popup.keyboard.press('Enter');
    await expect(page.locator('#otp')).toHaveValue(/^\d{6}$/);
    expect(codesNow()).toContain(await page.locator('#otp').inputValue());
    expect(await sitesOf()).toEqual(['bank.example', '127.0.0.1']);
    await page.locator('#otp').fill('');
    await row.click();
    await expect(page.locator('#otp')).toHaveValue(/^\d{6}$/);
    await expect(dialog).toBeHidden();
    await popup.close();

    // autofill.fill with an explicit accountId is the explicit choice: no question (contract).
    const other = await addAccount(h, 'Elsewhere', ['elsewhere.example']);
    await page.locator('#otp').fill('');
    expect(await h.raw({ type: 'autofill.fill', tabId: await tabIdOf(h, url), accountId: other })).toMatchObject({ ok: true, filled: true, accountId: other });
    await h.api({ type: 'accounts.remove', id: bank });
    await h.api({ type: 'accounts.remove', id: other });
    await page.close();
  });

  test('point 5: a content script cannot make the offscreen document clear the clipboard; the background can', async () => {
    const page = await openField(h, `${SITE}${FIXTURE}`);
    const tabId = await tabIdOf(h, `${SITE}${FIXTURE}`);
    await h.sw.evaluate(async () => {
      const url = chrome.runtime.getURL('/offscreen.html');
      const existing = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as never], documentUrls: [url] });
      if (!existing.length) await chrome.offscreen.createDocument({ url: '/offscreen.html', reasons: ['CLIPBOARD' as never], justification: 'test' });
    });
    const value = '424242';
    const digest = createHash('sha256').update(value).digest('hex');
    const message = { target: 'offscreen', type: 'clipboard.clearIfHolds', digest };
    await h.extPage.evaluate((v) => navigator.clipboard.writeText(v), value);
    const clipboard = () => h.extPage.evaluate(() => navigator.clipboard.readText());
    expect(await clipboard()).toBe(value);

    // From our content script's world in the page (as a subverted content script would send it).
    await h.sw.evaluate(async ({ tabId, message }) => {
      await chrome.scripting.executeScript({ target: { tabId }, func: (m) => void chrome.runtime.sendMessage(m).catch(() => undefined), args: [message] });
    }, { tabId, message });
    // From another extension page (the options page) too.
    await h.extPage.evaluate((m) => chrome.runtime.sendMessage(m).catch(() => undefined), message);
    await page.waitForTimeout(1_500);
    expect(await clipboard()).toBe(value);

    // The background worker is heard.
    expect(await h.sw.evaluate((m) => chrome.runtime.sendMessage(m), message)).toEqual({ cleared: true });
    await expect.poll(clipboard).toBe('');
    await page.close();
  });
});

test('point 3 in Japanese: the question and its choices', async () => {
  const h = await launch('ja');
  try {
    const id = await addAccount(h, 'Bank', ['bank.example']);
    const page = await openField(h, `${SITE}${FIXTURE}`);
    const popup = await openPopupOver(h, page);
    await popup.locator(`[data-account-id="${id}"]`).click();
    const dialog = popup.getByRole('alertdialog');
    await expect(dialog).toContainText('Bank は 127.0.0.1 に紐付いていません');
    await expect(dialog.getByRole('button', { name: 'このまま入力' })).toBeFocused();
    await expect(dialog.getByRole('button', { name: '入力して 127.0.0.1 に紐付ける' })).toBeVisible();
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('#otp')).toHaveValue('');
  } finally {
    await h.close();
  }
});
