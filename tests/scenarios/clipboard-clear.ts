// The clipboard is cleared after the configured delay if it still holds what Tessera handed
// out. The browsers differ here (lib/platform/browser-info.ts pageHost): Chrome clears it
// from an offscreen document, Firefox from its event page's own DOM.
import { expect } from '@playwright/test';
import { api } from '../e2e/drivers/driver';
import type { Scenario } from './scenario';
import { PASSPHRASE } from './shared';

export const clipboardClear: Scenario = {
  name: 'a copied token is cleared from the clipboard after the delay',
  async run(d) {
    await api(d, { type: 'vault.setup', passphrase: PASSPHRASE });
    await api(d, { type: 'settings.set', settings: { clipboardClearSeconds: 1 } });
    const { accountId } = await api<{ accountId: string }>(d, { type: 'tokens.add', service: 'Bank', text: 'AAAA-1111 BBBB-2222' });
    // The options page writes the value it is handed; here it is written first (the oldest
    // unused token is the one handed out), so a slow machine cannot let the 1 s timer run
    // before the clipboard holds it.
    const page = d.extensionPage;
    await page.evaluate(() => navigator.clipboard.writeText('AAAA-1111'));
    const { value } = await api<{ value: string }>(d, { type: 'tokens.copy', accountId });
    expect(value).toBe('AAAA-1111');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 15_000 }).toBe('');
  },
};
