// User-visible text in Japanese when the browser's language is Japanese: the gate, the popup,
// the options page and the API's error messages (shared/automation-api.md: "in the UI language").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiFrom, expect, launchWithExtension, serviceWorkerOf, test } from './extension';
import { PASSPHRASE } from './helpers';

test('a Japanese browser gets Japanese pages and error messages', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'tessera-ja-'));
  const context = await launchWithExtension(profile, 'ja');
  try {
    const id = new URL((await serviceWorkerOf(context)).url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/options.html`);
    await expect(page.getByRole('heading', { name: 'Tessera の設定' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    const api = await apiFrom(page);
    expect(await api({ type: 'vault.setup', passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'weak-passphrase', message: expect.stringContaining('パスフレーズ') } });
    await api({ type: 'vault.setup', passphrase: PASSPHRASE });
    await api({ type: 'accounts.import', text: 'otpauth://totp/%E7%94%B0%E4%B8%AD%E5%95%86%E4%BA%8B:%E7%94%B0%E4%B8%AD?secret=JBSWY3DPEHPK3PXP' });
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    await expect(popup.locator('html')).toHaveAttribute('data-ready', 'codes');
    await expect(popup.getByText('田中商事')).toBeVisible();
    await expect(popup.getByText(/まで有効$/)).toBeVisible();
    await popup.getByRole('button', { name: 'ロック' }).click();
    await expect(popup.getByRole('heading', { name: 'Tessera はロック中です' })).toBeVisible();
    await popup.getByLabel('パスフレーズ').fill('まちがい');
    await popup.getByRole('button', { name: 'ロック解除' }).click();
    await expect(popup.getByRole('alert')).toHaveText('パスフレーズが違います。何も変更されていません。');
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
