// The same login in Firefox: `tessera-otp/playwright/firefox` drives Firefox with puppeteer-core,
// so the page here is a puppeteer Page (firefoxPage).
import { test, expect } from 'tessera-otp/playwright/firefox';
import { ENROLMENT_URI, USER } from '../app/users.mjs';

test('Firefox: Tessera fills the one-time code', async ({ tessera, firefoxPage: page, baseURL }) => {
  await tessera.addAccount(ENROLMENT_URI, { site: baseURL });
  await page.goto(`${baseURL}/login`);
  await page.locator('input[name=username]').fill(USER.username);
  await page.locator('input[name=password]').fill(USER.password);
  await Promise.all([page.waitForNavigation(), page.locator('button').click()]);
  expect(await tessera.fill(page)).toMatchObject({ filled: true });
  await Promise.all([page.waitForNavigation(), page.locator('button').click()]);
  expect(await page.$eval('p', (p) => p.textContent)).toBe(`Welcome, ${USER.username}!`);
});
