// Logging in to the example app with two-factor authentication, Tessera providing the codes.
import { test, expect } from 'tessera-otp/playwright';
import { ENROLMENT_URI, USER } from '../app/users.mjs';

test.beforeEach(async ({ page, tessera, baseURL }) => {
  // The user's authenticator: their account, bound to the app's site so Tessera may fill it there.
  await tessera.addAccount(ENROLMENT_URI, { site: baseURL });
  await page.goto('/login');
  await page.getByLabel('User name').fill(USER.username);
  await page.getByLabel('Password').fill(USER.password);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading')).toHaveText('Two-step verification');
});

test('Tessera fills the one-time code', async ({ page, tessera }) => {
  await tessera.fill(page);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText(`Welcome, ${USER.username}!`)).toBeVisible();
});

test('a code read from Tessera can be typed', async ({ page, tessera }) => {
  await page.getByLabel(/6-digit code/).fill(await tessera.code('Example App'));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText(`Welcome, ${USER.username}!`)).toBeVisible();
});

test('a code from five minutes ago is refused', async ({ page, tessera }) => {
  const stale = await tessera.code('Example App', { at: Date.now() - 5 * 60_000 });
  await page.getByLabel(/6-digit code/).fill(stale);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong or expired code.');
});
