// The Playwright kit (kit/playwright.ts, published as `tessera-otp/playwright`) from the source
// tree, against the demo site: one browser per worker, a fresh vault per test, typed errors.
// The packed package is tested separately by examples/playwright-2fa (scripts/test-example.mjs).
import { test, expect, TesseraApiError } from '../../kit/playwright';
import { CHROMIUM, SITE } from './extension';
import { totpNow } from './helpers';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'; // the demo site's user (tests/site/server.mjs)
const DEMO = `otpauth://totp/Tessera%20Demo:alice?secret=${SECRET}&issuer=Tessera%20Demo`;

test.describe.configure({ mode: 'parallel' }); // two workers: two browsers, two vaults
test.use({ tesseraOptions: { executablePath: CHROMIUM, extensionDir: '.output/chrome-mv3' } });

test('fills the login form of the site the account is bound to', async ({ page, tessera }) => {
  await tessera.addAccount(DEMO, { site: SITE });
  await page.goto(`${SITE}/login`);
  expect(await tessera.fill(page)).toMatchObject({ filled: true, fields: 1 });
  await expect(page.locator('#otp')).toHaveValue(/^\d{6}$/);
  await page.click('button[type=submit]');
  await expect(page.locator('#result')).toHaveText(/Welcome/);
});

test('reads codes now and at a given moment, from an id, an issuer or "Issuer:label"', async ({ page, tessera }) => {
  const account = await tessera.addAccount(SECRET, { issuer: 'Demo', label: 'alice' });
  expect(account).toEqual({ id: expect.any(String), issuer: 'Demo', label: 'alice' });
  const at = Date.UTC(2031, 4, 6, 7, 8, 9);
  expect(await tessera.code(account, { at })).toBe(totpNow(SECRET, { timestamp: at }));
  expect(await tessera.code('demo', { at: new Date(at) })).toBe(totpNow(SECRET, { timestamp: at }));
  expect(await tessera.codeInfo('Demo:alice', { at })).toMatchObject({ period: 30, expiresAt: Math.floor(at / 30_000) * 30_000 + 30_000 });
  // Now: the code the demo server expects (both sides compute it independently).
  await page.goto(`${SITE}/login`);
  const expected = await page.evaluate(async () => (await (await fetch('/api/totp-now')).json()).code);
  const code = await tessera.code(account.id);
  expect([expected, totpNow(SECRET)]).toContain(code);
  await page.fill('#otp', code);
  await page.click('button[type=submit]');
  await expect(page.locator('#result')).toHaveText(/Welcome/);
});

test('each test starts with an empty, unlocked vault', async ({ tessera }) => {
  expect(await tessera.accounts()).toEqual([]);
  await tessera.addAccount(SECRET, { issuer: 'Left', label: 'behind' });
  await tessera.addTokens('VPN', ['aaaa1111']);
  await tessera.lock();
  await tessera.reset();
  expect(await tessera.accounts()).toEqual([]);
  expect((await tessera.send({ type: 'vault.status' })).state).toBe('unlocked');
});

test('finds the right tab when several show the same page', async ({ context, page, tessera }) => {
  await tessera.addAccount(DEMO, { site: SITE });
  const other = await context.newPage();
  await other.goto(`${SITE}/login`);
  await page.goto(`${SITE}/login`);
  await tessera.fill(page);
  await expect(page.locator('#otp')).toHaveValue(/^\d{6}$/);
  await expect(other.locator('#otp')).toHaveValue('');
  await tessera.fill(other);
  await expect(other.locator('#otp')).toHaveValue(/^\d{6}$/);
  await other.close();
});

test('fills with a named account and advances an HOTP counter; waits for a late field', async ({ page, tessera }) => {
  const hotp = await tessera.addAccount(SECRET, { type: 'hotp', issuer: 'Counter', label: 'c', counter: 5 });
  await page.goto(`${SITE}/login`);
  const before = await tessera.code(hotp);
  await page.evaluate(() => {
    // The field appears a moment after the call: fill waits for it (no-otp-field is retried).
    const input = document.querySelector('#otp')!;
    input.remove();
    setTimeout(() => document.querySelector('form')!.prepend(input), 600);
  });
  expect(await tessera.fill(page, { account: 'Counter' })).toMatchObject({ filled: true, accountId: hotp.id });
  await expect(page.locator('#otp')).toHaveValue(before);
  expect((await tessera.accounts())[0]!.counter).toBe(6);
  expect(await tessera.code(hotp, { at: 0 })).not.toBe(before);
});

test('emergency tokens: add, copy (used up), none left', async ({ tessera }) => {
  const added = await tessera.addTokens('VPN', '1. aaaa1111\n2. bbbb2222\n3. aaaa1111');
  expect(added).toMatchObject({ added: 2, duplicates: 1, remaining: 2 });
  expect(await tessera.copyToken('VPN')).toBe('aaaa1111');
  expect(await tessera.copyToken({ id: added.accountId })).toBe('bbbb2222');
  expect((await tessera.tokens('VPN')).remaining).toBe(0);
  const e = await tessera.copyToken('VPN').catch((x: unknown) => x);
  expect(e).toBeInstanceOf(TesseraApiError);
  expect(e).toMatchObject({ code: 'none-left', messageType: 'tokens.copy' });
});

test('errors are TesseraApiError with the contract code', async ({ page, tessera }) => {
  await expect(tessera.addAccount('not*base32!')).rejects.toMatchObject({ name: 'TesseraApiError', code: 'bad-secret' });
  await expect(tessera.code('Nobody')).rejects.toMatchObject({ code: 'not-found' });
  await tessera.addAccount(SECRET, { issuer: 'Twin', label: 'a', site: SITE });
  await tessera.addAccount(SECRET, { issuer: 'Twin', label: 'b', site: SITE });
  await expect(tessera.code('Twin')).rejects.toMatchObject({ code: 'ambiguous', candidates: [expect.anything(), expect.anything()] });
  await page.goto(`${SITE}/login`);
  const e = await tessera.fill(page).catch((x: unknown) => x);
  expect(e).toMatchObject({ code: 'ambiguous', messageType: 'autofill.fill' });
  expect((e as TesseraApiError).candidates?.map((c) => c.label).sort()).toEqual(['a', 'b']);
  await expect(tessera.send({ type: 'codes.get', id: 'x', at: -5 })).rejects.toMatchObject({ code: 'bad-input' });
  // Adding the same account again returns the one already there.
  expect((await tessera.addAccount(SECRET, { issuer: 'Twin', label: 'a' })).label).toBe('a');
});
