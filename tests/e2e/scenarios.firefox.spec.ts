// The shared cross-browser scenarios (tests/scenarios/) in headless Firefox ESR with the
// Firefox build (.output/firefox-mv3, `npm run build:firefox`), through puppeteer-core and
// WebDriver BiDi (tests/e2e/drivers/firefox.ts); then what only Firefox has: the MV3
// background is an event page that Firefox suspends when idle (Chromium's counterpart, a
// stopped service worker, is in foundation.spec.ts).
import { expect, test } from '@playwright/test';
import { scenarios } from '../scenarios';
import { setUpWithAccount, SECRET } from '../scenarios/shared';
import { api } from './drivers/driver';
import { launchFirefox } from './drivers/firefox';
import { scenarioTest } from './drivers/suite';
import { totpNow } from './helpers';

test.describe('firefox', () => {
  for (const scenario of scenarios) test(scenario.name, scenarioTest(scenario, launchFirefox));

  test('the event page is suspended when idle and the vault stays unlocked', async () => {
    // Firefox suspends an idle event page after 30 s; 1 s here.
    const d = await launchFirefox({ prefs: { 'extensions.background.idle.timeout': 1000 } });
    try {
      const id = await setUpWithAccount(d);
      const background = () => d.extensionPage.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['BACKGROUND' as never] })).length);
      await expect.poll(background, { timeout: 15_000 }).toBe(0);
      // The next message starts the page again; the key waited in storage.session.
      const { code, expiresAt } = await api<{ code: string; expiresAt: number }>(d, { type: 'codes.get', id });
      expect(code).toBe(totpNow(SECRET, { timestamp: expiresAt - 1 }));
      expect(await background()).toBe(1);
    } finally {
      await d.close();
    }
  });
});
