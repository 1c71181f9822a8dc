// Accessibility of every page (issue 14): axe-core (through @axe-core/playwright) finds no
// violation on the popup (locked, unlocked, codes hidden), the options page (locked, and each of
// its navigation's pages), and the QR review, in English and Japanese, light and dark. The
// keyboard alone reaches the options navigation and the popup's buttons, and reveals a hidden
// code; Japanese text fits the popup's width.
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { apiFrom, expect, launchWithExtension, serviceWorkerOf, strictApi, test, type Api } from './extension';
import { PASSPHRASE } from './helpers';

const SECRET = 'JBSWY3DPEHPK3PXP';
const LINKS = [
  `otpauth://totp/GitHub:alice@example.com?secret=${SECRET}&issuer=GitHub`,
  'otpauth://totp/%E7%94%B0%E4%B8%AD%E5%95%86%E4%BA%8B:tanaka?secret=GEZDGNBVGY3TQOJQ&issuer=%E7%94%B0%E4%B8%AD%E5%95%86%E4%BA%8B&digits=8',
  'otpauth://hotp/Counter:bob?secret=MFRGGZDFMZTWQ2LK&issuer=Counter&counter=3',
].join('\n');

const LANGS = [
  { lang: 'en-US', nav: ['Accounts', 'Add', 'Import & backup', 'Emergency tokens', 'Sync', 'Settings'], lock: 'Lock', options: 'Options' },
  { lang: 'ja', nav: ['アカウント', '追加', 'インポートとバックアップ', '緊急用トークン', '同期', '設定'], lock: 'ロック', options: null },
] as const;

/** axe's violations, reduced to what a failure message needs (rule, impact, first targets). */
async function violations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function withBrowser(lang: string, body: (ctx: BrowserContext, id: string, api: Api, page: Page) => Promise<void>): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'tessera-a11y-'));
  const context = await launchWithExtension(profile, lang);
  try {
    const id = new URL((await serviceWorkerOf(context)).url()).host;
    const page = await context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`chrome-extension://${id}/options.html`);
    await body(context, id, strictApi(await apiFrom(page)), page);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

for (const L of LANGS) {
  test(`axe finds no violation on the popup, every options page and the QR review (${L.lang}, light and dark)`, async () => {
    test.setTimeout(480_000);
    await withBrowser(L.lang, async (context, id, api, options) => {
      const found: string[] = [];
      // First run: the set-up form.
      await expect(options.locator('input[type="password"]').first()).toBeVisible();
      found.push(...(await violations(options, 'options set-up')));
      await api({ type: 'vault.setup', passphrase: PASSPHRASE });
      await api({ type: 'accounts.import', text: LINKS });

      const popup = await context.newPage();
      await popup.setViewportSize({ width: 360, height: 560 });
      for (const scheme of ['light', 'dark'] as const) {
        await popup.emulateMedia({ colorScheme: scheme });
        await options.emulateMedia({ colorScheme: scheme });

        // Popup, unlocked, codes shown.
        await api({ type: 'settings.set', settings: { hideCodes: false } });
        await popup.goto(`chrome-extension://${id}/popup.html`);
        await expect(popup.locator('html')).toHaveAttribute('data-ready', 'codes');
        found.push(...(await violations(popup, `popup ${scheme}`)));
        // Japanese and English text fit the popup's width: nothing scrolls sideways.
        expect(await popup.locator('.popup').evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);

        // Popup with codes hidden.
        await api({ type: 'settings.set', settings: { hideCodes: true } });
        await popup.reload();
        await expect(popup.locator('html')).toHaveAttribute('data-ready', 'codes');
        await expect(popup.locator('[data-code][data-masked="true"]')).toHaveCount(3);
        found.push(...(await violations(popup, `popup codes hidden ${scheme}`)));

        // Options page: each page of the navigation.
        await options.goto(`chrome-extension://${id}/options.html`);
        const nav = options.getByRole('navigation');
        await expect(nav.getByRole('link')).toHaveText([...L.nav]);
        for (const name of L.nav) {
          await nav.getByRole('link', { name, exact: true }).click();
          await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
          // Every section is in the document; the page's own are the ones not hidden.
          await expect(options.locator('main section:not([hidden])').first()).toBeVisible();
          found.push(...(await violations(options, `options ${name} ${scheme}`)));
        }

        // The QR review (held scan, opened as the region scan opens it: options.html#scan=<id>).
        const scan = await api<{ scanId: string }>({ type: 'qr.review', texts: ['otpauth://totp/Review%20Co:keep@example.com?secret=KRSXG5CTMVRXEZLU&issuer=Review%20Co'] });
        await options.goto(`chrome-extension://${id}/options.html#scan=${scan.scanId}`);
        await expect(options.locator('li[data-scan-item]')).toHaveCount(1);
        found.push(...(await violations(options, `QR review ${scheme}`)));

        // Locked: the popup's and the options page's gate.
        await api({ type: 'vault.lock' });
        await popup.reload();
        await expect(popup.locator('input[type="password"]')).toBeVisible();
        found.push(...(await violations(popup, `popup locked ${scheme}`)));
        await options.reload();
        await expect(options.locator('input[type="password"]')).toBeVisible();
        found.push(...(await violations(options, `options locked ${scheme}`)));
        await api({ type: 'vault.unlock', passphrase: PASSPHRASE });
      }
      expect(found).toEqual([]);
    });
  });
}

test('the keyboard alone: options navigation, popup buttons, and a hidden code revealed with Enter', async () => {
  await withBrowser('en-US', async (context, id, api, options) => {
    await api({ type: 'vault.setup', passphrase: PASSPHRASE });
    await api({ type: 'accounts.import', text: LINKS });
    await api({ type: 'settings.set', settings: { hideCodes: true } });

    // Options: Tab to the navigation and open "Emergency tokens" with Enter; the hash follows.
    await options.reload();
    const link = options.getByRole('navigation').getByRole('link', { name: 'Emergency tokens' });
    for (let i = 0; i < 20 && !(await link.evaluate((e) => e === document.activeElement)); i++) await options.keyboard.press('Tab');
    await expect(link).toBeFocused();
    await options.keyboard.press('Enter');
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(options.getByRole('region', { name: 'Emergency tokens' })).toBeVisible();
    await expect(options.getByRole('region', { name: 'Accounts' })).toHaveCount(0);
    expect(new URL(options.url()).hash).toBe('#tokens');
    // Back returns to the page before; a deep link opens its page directly.
    await options.goBack();
    await expect(options.getByRole('region', { name: 'Accounts' })).toBeVisible();
    await options.goto(`chrome-extension://${id}/options.html#settings`);
    await expect(options.getByRole('checkbox', { name: 'Hide codes in the popup until I click one' })).toBeChecked();

    // Popup: a hidden code is revealed by Enter on its row; the hook keeps the digits throughout.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    await expect(popup.locator('html')).toHaveAttribute('data-ready', 'codes');
    const row = popup.locator('[data-account-id]', { hasText: 'GitHub' });
    const code = row.locator('[data-code]');
    await expect(code).toHaveAttribute('data-code', /^\d{6}$/);
    await expect(code).toHaveText(/^••••••/);
    await expect(code).not.toHaveText(/\d/);
    await row.focus();
    await popup.keyboard.press('Enter');
    await expect(code).toHaveText(/^\d{3} \d{3}$/);
    await expect(code).not.toHaveAttribute('data-masked', 'true');

    // The header's icon buttons have names and work from the keyboard.
    await expect(popup.getByRole('button', { name: 'Options' })).toBeVisible();
    await popup.getByRole('button', { name: 'Lock' }).focus();
    await popup.keyboard.press('Enter');
    await expect(popup.locator('input[type="password"]')).toBeFocused();
    expect(await api({ type: 'vault.status' })).toMatchObject({ state: 'locked' });
  });
});
