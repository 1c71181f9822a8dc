// The options page with the keyboard and screen-reader names: add from pasted links and from a
// typed secret, edit issuer, label and sites, delete with undo, change the passphrase.
import { expect, test } from './extension';
import { openOptionsSection, PASSPHRASE, setUpVault } from './helpers';

test('add, edit, delete with undo, and change the passphrase on the options page', async ({ api, rawApi, extPage }) => {
  await setUpVault(api);
  await extPage.reload();
  const page = extPage;

  await openOptionsSection(page, 'Add');
  await page.getByLabel('otpauth:// or otpauth-migration:// links, one per line').fill(
    'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub\nnot a link',
  );
  await page.getByLabel('Site to fill into (optional)').first().fill('https://github.com/login');
  await page.getByRole('button', { name: 'Add accounts' }).click();
  await expect(page.getByText('1 added, 0 already present.')).toBeVisible();
  await expect(page.getByText(/Line 2: /)).toBeVisible();

  const typed = page.locator('section', { has: page.getByRole('heading', { name: 'Add by typing a secret' }) });
  await typed.getByLabel('Issuer').fill('Example');
  await typed.getByLabel('Account').fill('bob');
  await typed.getByLabel('Secret (Base32)').fill('gezd gnbv gy3t qojq');
  await typed.getByLabel('Digits').selectOption('8');
  await typed.getByRole('button', { name: 'Add account' }).click();
  await expect(typed.getByText('1 added, 0 already present.')).toBeVisible();

  await openOptionsSection(page, 'Accounts');
  const rows = page.locator('tr[data-account-id]');
  await expect(rows).toHaveCount(2);
  const list = await api<{ accounts: Array<{ issuer: string; digits: number; sites: string[] }> }>({ type: 'accounts.list' });
  // By issuer then label (automation-api.md, Stable hooks), not by when they were added.
  expect(list.accounts.map((a) => [a.issuer, a.digits, a.sites])).toEqual([['Example', 8, []], ['GitHub', 6, ['github.com']]]);

  // Edit with the keyboard: issuer and bound sites.
  await page.getByRole('button', { name: 'Edit Example' }).click();
  // The editor puts the focus in the issuer field; type only once it is there.
  await expect(page.getByRole('table').getByLabel('Issuer')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Example Corp');
  await page.getByLabel('Sites').fill('login.example.co.jp, 127.0.0.1:8080');
  await page.getByRole('table').getByRole('button', { name: 'Save' }).click();
  await expect(rows.filter({ hasText: 'Example Corp' })).toContainText('example.co.jp, 127.0.0.1');

  // Delete, undo, delete for good.
  await page.getByRole('button', { name: 'Delete GitHub' }).click();
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(2);
  expect((await api<{ accounts: unknown[] }>({ type: 'accounts.list' })).accounts).toHaveLength(2);
  await page.getByRole('button', { name: 'Delete GitHub' }).click();
  await expect(rows).toHaveCount(1);
  await expect.poll(async () => (await api<{ accounts: unknown[] }>({ type: 'accounts.list' })).accounts.length, { timeout: 15_000 }).toBe(1);

  // Change the passphrase: the old one no longer opens the vault, the new one does.
  await openOptionsSection(page, 'Settings');
  await page.getByLabel('Current passphrase').fill(PASSPHRASE);
  await page.getByLabel('New passphrase').fill('a brand new passphrase 2026');
  await page.locator('section', { has: page.getByRole('heading', { name: 'Change passphrase' }) }).getByLabel('Type it again').fill('a brand new passphrase 2026');
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByText('Passphrase changed.')).toBeVisible();
  await api({ type: 'vault.lock' });
  expect(await rawApi({ type: 'vault.unlock', passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'bad-passphrase' } });
  expect(await rawApi({ type: 'vault.unlock', passphrase: 'a brand new passphrase 2026' })).toMatchObject({ ok: true });
  expect((await api<{ accounts: Array<{ issuer: string }> }>({ type: 'accounts.list' })).accounts.map((a) => a.issuer)).toEqual(['Example Corp']);
});
