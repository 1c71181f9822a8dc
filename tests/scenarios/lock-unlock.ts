// Lock, then a wrong passphrase (in the popup and through the API) changes nothing and says
// so; the right one in the popup unlocks and the codes come back.
import { expect } from '@playwright/test';
import { api } from '../e2e/drivers/driver';
import type { Scenario } from './scenario';
import { PASSPHRASE, setUpWithAccount } from './shared';

const PASS_FIELD = 'input[autocomplete="current-password"]';
const SUBMIT = 'form.gate button[type="submit"]';

export const lockUnlock: Scenario = {
  name: 'lock, a wrong passphrase is refused, the right one unlocks',
  async run(d) {
    const id = await setUpWithAccount(d);
    await api(d, { type: 'vault.lock' });
    expect(await d.rawApi({ type: 'vault.status' })).toMatchObject({ ok: true, state: 'locked' });
    expect(await d.rawApi({ type: 'codes.get', id })).toMatchObject({ ok: false, error: { code: 'locked' } });

    const popup = await d.openExtensionPage('popup.html');
    await expect.poll(() => popup.evaluate((s) => document.querySelector(s) !== null, PASS_FIELD)).toBe(true);
    await popup.fill(PASS_FIELD, 'not the passphrase');
    await popup.click(SUBMIT);
    await expect.poll(() => popup.text('[role="alert"]')).not.toBe('');
    expect(await d.rawApi({ type: 'vault.unlock', passphrase: 'wrong' })).toMatchObject({ ok: false, error: { code: 'bad-passphrase' } });
    expect(await d.rawApi({ type: 'vault.status' })).toMatchObject({ ok: true, state: 'locked' });

    await popup.fill(PASS_FIELD, PASSPHRASE);
    await popup.click(SUBMIT);
    await expect.poll(() => popup.attribute('html', 'data-ready'), { timeout: 15_000 }).toBe('codes');
    expect(await popup.attribute(`[data-account-id="${id}"] [data-code]`, 'data-code')).toMatch(/^\d{6}$/);
    expect(await d.rawApi({ type: 'vault.status' })).toMatchObject({ ok: true, state: 'unlocked' });
  },
};
