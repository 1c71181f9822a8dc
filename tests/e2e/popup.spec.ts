// The popup with the keyboard: "/" focuses search, Enter on a row copies the code; the
// clipboard is cleared after the configured delay if it still holds the code.
import { expect, test } from './extension';
import { setUpVault, totpNow } from './helpers';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

test('search with "/", copy with Enter, clipboard cleared afterwards', async ({ context, extensionId, api, extPage }) => {
  await setUpVault(api);
  await api({ type: 'accounts.import', text: [`otpauth://totp/GitHub:alice?secret=${SECRET}&issuer=GitHub`, `otpauth://totp/Example:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example&digits=8`].join('\n') });
  await api({ type: 'settings.set', settings: { clipboardClearSeconds: 2 } });
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('html')).toHaveAttribute('data-ready', 'codes');
  await expect(popup.locator('[data-account-id]')).toHaveCount(2);
  // Digits grouped for reading, bare digits in the hook.
  const eight = popup.locator('[data-account-id]', { hasText: 'Example' }).locator('[data-code]');
  await expect(eight).toHaveText(/^\d{4} \d{4}$/);

  await popup.keyboard.press('/');
  await expect(popup.getByRole('searchbox')).toBeFocused();
  await popup.keyboard.type('git');
  await expect(popup.locator('[data-account-id]')).toHaveCount(1);
  await popup.keyboard.press('Tab');
  await popup.keyboard.press('Tab');
  await popup.keyboard.press('Tab');
  await expect(popup.locator('[data-account-id]')).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status')).toHaveText('Code copied.');

  const read = () => extPage.evaluate(() => navigator.clipboard.readText());
  const copied = await read();
  const now = Date.now();
  expect([totpNow(SECRET, { timestamp: now }), totpNow(SECRET, { timestamp: now - 30_000 })]).toContain(copied);
  await expect.poll(read, { timeout: 15_000 }).toBe('');
});

test('the clipboard is left alone when the user copied something else since', async ({ context, extensionId, api, extPage }) => {
  await setUpVault(api);
  await api({ type: 'accounts.import', text: `otpauth://totp/GitHub:alice?secret=${SECRET}&issuer=GitHub` });
  await api({ type: 'settings.set', settings: { clipboardClearSeconds: 2 } });
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.locator('[data-account-id]').click();
  await expect(popup.getByRole('status')).toHaveText('Code copied.');
  await extPage.evaluate(() => navigator.clipboard.writeText('something else'));
  await popup.waitForTimeout(3_500);
  expect(await extPage.evaluate(() => navigator.clipboard.readText())).toBe('something else');
});
