// The kit's Firefox flavour (kit/firefox.ts, `tessera-otp/playwright/firefox`): Firefox ESR driven
// by puppeteer-core over WebDriver BiDi inside Playwright Test, the same helpers as in Chromium.
import { test, expect } from '../../kit/firefox';
import { SITE } from './extension';
import { FIREFOX } from './drivers/firefox';
import { totpNow } from './helpers';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

test.use({ tesseraFirefoxOptions: { executablePath: FIREFOX, extensionDir: '.output/firefox-mv3' } });

test('Firefox: fills the bound account into the login form and reads codes at a moment', async ({ tessera, firefoxPage }) => {
  expect(await tessera.accounts()).toEqual([]);
  const account = await tessera.addAccount(SECRET, { issuer: 'Tessera Demo', label: 'alice', site: SITE });
  const at = Date.UTC(2031, 0, 2, 3, 4, 5);
  expect(await tessera.code(account, { at })).toBe(totpNow(SECRET, { timestamp: at }));
  await firefoxPage.goto(`${SITE}/login`);
  expect(await tessera.fill(firefoxPage)).toMatchObject({ filled: true, accountId: account.id });
  expect(await firefoxPage.$eval('#otp', (e) => (e as HTMLInputElement).value)).toMatch(/^\d{6}$/);
  await Promise.all([firefoxPage.waitForNavigation(), firefoxPage.click('button[type=submit]')]);
  expect(await firefoxPage.$eval('#result', (e) => e.textContent)).toMatch(/Welcome/);
});

test('Firefox: two tabs on one URL, tokens and typed errors', async ({ tessera, firefoxPage }) => {
  expect(await tessera.accounts()).toEqual([]); // the previous test's account is gone
  await tessera.addAccount(SECRET, { issuer: 'Tessera Demo', label: 'alice', site: SITE });
  const other = await tessera.newPage(`${SITE}/login`);
  await firefoxPage.goto(`${SITE}/login`);
  await tessera.fill(other);
  expect(await other.$eval('#otp', (e) => (e as HTMLInputElement).value)).toMatch(/^\d{6}$/);
  expect(await firefoxPage.$eval('#otp', (e) => (e as HTMLInputElement).value)).toBe('');
  await other.close();
  await tessera.addTokens('VPN', ['cccc3333']);
  expect(await tessera.copyToken('VPN')).toBe('cccc3333');
  await expect(tessera.copyToken('VPN')).rejects.toMatchObject({ name: 'TesseraApiError', code: 'none-left' });
});
