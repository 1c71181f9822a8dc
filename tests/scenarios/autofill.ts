// Autofill on a fixture page (issue 4): an account bound to the fixture site fills the page's
// single one-time-code field with the code computed in Node.
import { expect } from '@playwright/test';
import { api } from '../e2e/drivers/driver';
import type { Scenario } from './scenario';
import { acceptableNow, SECRET, setUpWithAccount, SITE, tabIdOf } from './shared';

const FIXTURE = `${SITE}/autofill/single-autocomplete.html`;

export const autofillFixture: Scenario = {
  name: 'autofill fills the bound account\'s code into a fixture page',
  async run(d) {
    const id = await setUpWithAccount(d);
    const { account } = await api<{ account: { sites: string[] } }>(d, { type: 'accounts.update', id, sites: [SITE] });
    expect(account.sites).toEqual(['127.0.0.1']); // a bare IP host: port and scheme dropped
    const page = await d.openPage(FIXTURE);
    const tabId = await tabIdOf(d, FIXTURE);
    // The content script starts at document_idle: ask again until it answers.
    await expect
      .poll(async () => (await d.rawApi({ type: 'autofill.fill', tabId })).ok ? 'filled' : 'not yet', { timeout: 10_000 })
      .toBe('filled');
    const value = await page.value('#otp');
    expect(acceptableNow(SECRET)).toContain(value);
    expect(await page.text('#result')).toBe(value); // the page saw the input events
    // A closed or unknown tab is not-found in both browsers, whatever each one's wording.
    expect(await d.rawApi({ type: 'autofill.fill', tabId: 2_000_000_000 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  },
};
