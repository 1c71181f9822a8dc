// Issue 14: a popup over 1,000 accounts shows its first screen of codes, finds an account that
// is not on screen by searching, and Enter on it copies its code; the popup shows accounts in
// accounts.list's order; the options table reorders by keyboard (Alt+Arrow) and by drag.
import { expect, test } from './extension';
import { setUpVault, totpNow } from './helpers';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const secretFor = (i: number) => 'JBSWY3DPEHPK3PXP' + Array.from({ length: 8 }, (_, k) => B32[(i >> (5 * k)) & 31]).join('');
const uri = (i: number) => `otpauth://totp/Service${String(i).padStart(4, '0')}:user${i}%40example.com?secret=${secretFor(i)}&issuer=Service${String(i).padStart(4, '0')}`;

test('1,000 accounts: first screen of codes, search finds an off-screen account, Enter copies it', async ({ context, extensionId, api, extPage }) => {
  test.setTimeout(120_000);
  await setUpVault(api);
  const imported = await api({ type: 'accounts.import', text: Array.from({ length: 1000 }, (_, i) => uri(i)).join('\n') });
  expect(imported.added).toHaveLength(1000);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('html')).toHaveAttribute('data-ready', 'codes');
  // Only a screenful of rows is in the document, each with its code; the search has the focus.
  const rows = popup.locator('[data-account-id]');
  const n = await rows.count();
  expect(n).toBeGreaterThan(5);
  expect(n).toBeLessThan(40);
  await expect(rows.locator('[data-code]')).toHaveCount(n);
  await expect(popup.getByRole('searchbox')).toBeFocused();

  // The popup's order is accounts.list's order.
  const list = (await api({ type: 'accounts.list' })).accounts as Array<{ id: string; issuer: string }>;
  expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-account-id')))).toEqual(list.slice(0, n).map((a) => a.id));

  // An account far off screen: search for it, then Enter copies its code.
  await expect(popup.locator('[data-account-id]', { hasText: 'Service0777' })).toHaveCount(0);
  await popup.keyboard.type('service0777');
  await expect(rows).toHaveCount(1);
  await expect(popup.locator('html')).toHaveAttribute('data-ready', 'codes');
  await expect(rows.first()).toContainText('Service0777');
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status')).toHaveText('Code copied.');
  const copied = await extPage.evaluate(() => navigator.clipboard.readText());
  const now = Date.now();
  expect([totpNow(secretFor(777), { timestamp: now }), totpNow(secretFor(777), { timestamp: now - 30_000 })]).toContain(copied);

  // Scrolling to the end brings the last rows, with their codes, into the document.
  await popup.getByRole('searchbox').fill('');
  await popup.evaluate(() => document.querySelector('.popup')!.scrollTo(0, 1e6));
  await expect(popup.locator('[data-account-id]', { hasText: 'Service0999' }).locator('[data-code]')).toHaveText(/^\d{3} \d{3}$/);
  await expect(popup.locator('html')).toHaveAttribute('data-ready', 'codes');
});

test('order: pins first, then the user order; the options table reorders by keyboard and drag', async ({ context, extensionId, api }) => {
  await setUpVault(api);
  await api({ type: 'accounts.import', text: ['otpauth://totp/Zeta:a?secret=JBSWY3DPEHPK3PXP&issuer=Zeta', 'otpauth://totp/%C3%89cole:b?secret=JBSWY3DPEHPK3PXQ&issuer=%C3%89cole', 'otpauth://totp/apple:c?secret=JBSWY3DPEHPK3PXR&issuer=apple'].join('\n') });
  const issuers = async () => ((await api({ type: 'accounts.list' })).accounts as Array<{ issuer: string }>).map((a) => a.issuer);
  expect(await issuers()).toEqual(['apple', 'École', 'Zeta']);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const table = options.locator('[data-testid="account-table"]');
  const handle = (issuer: string) => table.locator('tr', { hasText: issuer }).getByRole('button', { name: /Move/ });
  // Keyboard: Alt+ArrowDown on apple's handle moves it one place down, and keeps the focus on it.
  await handle('apple').focus();
  await options.keyboard.press('Alt+ArrowDown');
  await expect.poll(issuers).toEqual(['École', 'apple', 'Zeta']);
  await expect(handle('apple')).toBeFocused();
  await options.keyboard.press('Alt+ArrowUp');
  await expect.poll(issuers).toEqual(['apple', 'École', 'Zeta']);
  // Drag: Zeta onto apple's row puts Zeta first.
  await handle('Zeta').dragTo(table.locator('tr', { hasText: 'apple' }));
  await expect.poll(issuers).toEqual(['Zeta', 'apple', 'École']);
  // Pin École: it comes first, in the table and in the popup.
  await table.locator('tr', { hasText: 'École' }).getByRole('button', { name: 'Pin' }).click();
  await expect.poll(issuers).toEqual(['École', 'Zeta', 'apple']);
  await expect(table.locator('tbody tr').first()).toContainText('École');

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('html')).toHaveAttribute('data-ready', 'codes');
  await expect(popup.locator('[data-account-id] .issuer')).toHaveText([/École/, /Zeta/, /apple/]);
});

test('groups: tags set on the options page filter the popup', async ({ context, extensionId, api }) => {
  await setUpVault(api);
  await api({ type: 'accounts.import', text: ['otpauth://totp/Bank:a?secret=JBSWY3DPEHPK3PXP&issuer=Bank', 'otpauth://totp/Work:b?secret=JBSWY3DPEHPK3PXQ&issuer=Work'].join('\n') });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const tags = options.getByRole('textbox', { name: 'Groups of Bank' });
  await tags.fill('Money, Home');
  await tags.press('Enter');
  await expect.poll(async () => ((await api({ type: 'accounts.list' })).accounts as Array<{ issuer: string; tags: string[] }>).find((a) => a.issuer === 'Bank')?.tags).toEqual(['Money', 'Home']);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('[data-account-id]')).toHaveCount(2);
  await popup.getByRole('group', { name: 'Groups' }).getByRole('button', { name: 'Money' }).click();
  await expect(popup.locator('[data-account-id]')).toHaveCount(1);
  await expect(popup.locator('[data-account-id]')).toContainText('Bank');
  await popup.getByRole('group', { name: 'Groups' }).getByRole('button', { name: 'All' }).click();
  await expect(popup.locator('[data-account-id]')).toHaveCount(2);
});
