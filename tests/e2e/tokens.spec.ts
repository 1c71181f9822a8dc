// Issue 5, end to end (its "Tests" → "E2E in Chromium"): emergency tokens pasted on the options
// page in a decorated form, shown masked (no value anywhere in the DOM); duplicates and the 51st
// refused with their reasons; Copy puts exactly that value on the clipboard and marks it used,
// Reveal does not; reload, lock and unlock keep the state; no value or service name at rest;
// and the popup's "Use an emergency token for …" over a page of a bound site.
// The UI is driven by roles and the keyboard; the API (shared/automation-api.md) only sets up
// and cross-checks.
import type { Locator, Page } from '@playwright/test';
import { expect, test, SITE, type Api } from './extension';
import { dumpAtRest, openOptionsSection, PASSPHRASE, setUpVault } from './helpers';

const SERVICE = 'Northwind VPN';
/** Distinct values, none a substring of another or of the page's own text. */
const FIVE = ['ab12-cd34-ef56', 'gh78-ij90-kl12', 'mn34-op56-qr78', 'st90-uv12-wx34', 'Zq7Kp2Lm'];
/** The same five as an administrator might send them: numbered, bulleted, quoted. */
const DECORATED = [`1. "${FIVE[0]}"`, `2. • '${FIVE[1]}'`, `3) “${FIVE[2]}”`, `- ${FIVE[3]}`, `* ${FIVE[4]}`].join('\n');

interface ListAnswer { tokens: Array<{ id: string; masked: string; used: boolean; usedAt: number | null }>; remaining: number }

/** The options page, reloaded so it sees the vault the API set up. */
async function openOptions(extPage: Page): Promise<Locator> {
  await extPage.reload();
  await openOptionsSection(extPage, 'Emergency tokens');
  const section = extPage.getByRole('region', { name: 'Emergency tokens' });
  await expect(section).toBeVisible();
  return section;
}

async function tokensOf(api: Api, accountId: string): Promise<ListAnswer> {
  return api<ListAnswer>({ type: 'tokens.list', accountId });
}

/** The service entry with FIVE, added through the API (for tests about what follows a paste). */
async function serviceWithFive(api: Api): Promise<string> {
  await setUpVault(api);
  const a = await api<{ accountId: string; added: number }>({ type: 'tokens.add', service: SERVICE, text: FIVE.join('\n') });
  expect(a.added).toBe(5);
  return a.accountId;
}

async function expectNoValueIn(page: Page, values: readonly string[]): Promise<void> {
  const html = await page.content();
  for (const v of values) expect(html, `the page shows ${v}`).not.toContain(v);
}

test('paste 5 decorated tokens into a new service: preview, masked list, no value in the DOM', async ({ api, extPage }) => {
  await setUpVault(api);
  const section = await openOptions(extPage);

  await section.getByLabel('Entry').selectOption({ label: 'New service (tokens only)…' });
  await section.getByLabel('Service name').fill(SERVICE);
  const paste = section.getByLabel('Paste emergency tokens');
  await paste.fill(DECORATED);
  // The preview counts five values (numbering, bullets and quotes are not values) and masks them.
  await expect(section.locator('[data-preview-count]')).toHaveAttribute('data-preview-count', '5');
  await expect(section.getByText('5 tokens ready to add.')).toBeVisible();
  await expect(section.locator('.token-preview li')).toHaveCount(5);
  await expect(section.locator('[data-preview-problems]')).toHaveCount(0);
  await expectNoValueIn(extPage, FIVE);

  // Submit from the keyboard: Tab to the button, Enter.
  const add = section.getByRole('button', { name: 'Add 5 tokens' });
  await add.focus();
  await extPage.keyboard.press('Enter');
  await expect(section.getByRole('status').filter({ hasText: '5 tokens added.' })).toBeVisible();

  const rows = section.locator('[data-token-id]');
  await expect(rows).toHaveCount(5);
  await expect(section.locator('[data-token-id][data-used="false"]')).toHaveCount(5);
  await expect(section.locator('[data-remaining]')).toHaveAttribute('data-remaining', '5');
  await expect(section.locator('[data-remaining]')).toHaveText('Unused: 5 of 5');
  // Masked: the last 4 characters of a long value, none of an 8-character one; screen-reader labels.
  await expect(rows.nth(0).locator('code')).toHaveText('••••••••ef56');
  await expect(rows.nth(4).locator('code')).toHaveText('••••••••');
  await expect(rows.nth(0).getByRole('button', { name: 'Copy Token ending in e f 5 6 and mark it used' })).toBeVisible();
  await expect(rows.nth(4).getByRole('button', { name: 'Reveal Hidden token' })).toBeVisible();
  await expectNoValueIn(extPage, FIVE);
  // The picker now names the entry with its count.
  await expect(section.getByLabel('Entry').locator('option:checked')).toHaveText(`${SERVICE} — 5 unused`);

  // The API agrees: one `tokens` entry, five unused tokens, in the order pasted.
  const { accounts } = await api<{ accounts: Array<{ id: string; type: string; issuer: string; tokensRemaining: number }> }>({ type: 'accounts.list' });
  expect(accounts).toEqual([expect.objectContaining({ type: 'tokens', issuer: SERVICE, tokensRemaining: 5 })]);
  const list = await tokensOf(api, accounts[0]!.id);
  expect(list.remaining).toBe(5);
  expect(list.tokens.map((r) => r.masked)).toEqual(['••••••••ef56', '••••••••kl12', '••••••••qr78', '••••••••wx34', '••••••••']);
  expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-token-id')))).toEqual(list.tokens.map((r) => r.id));
});

test('duplicates (against the entry and within the paste) and the 51st are refused with their reasons', async ({ api, extPage }) => {
  const accountId = await serviceWithFive(api);
  const section = await openOptions(extPage);
  await section.getByLabel('Entry').selectOption({ label: `${SERVICE} — 5 unused` });
  await expect(section.locator('[data-token-id]')).toHaveCount(5);

  // Value 1 repeats a stored token, values 2–46 are new (reaching exactly 50), value 47 repeats
  // value 2, value 48 would be the 51st.
  const fresh = Array.from({ length: 46 }, (_, i) => `q7H-new-${String(i).padStart(2, "0")}x`);
  const text = [FIVE[1]!, ...fresh.slice(0, 45), fresh[0]!, fresh[45]!].map((v, i) => `${i + 1}. ${v}`).join('\n');
  await section.getByLabel('Paste emergency tokens').fill(text);
  // The page knows the entry holds 5 (not their values): it previews 45 and flags the rest.
  await expect(section.getByText('This entry holds 5 of at most 50 tokens.')).toBeVisible();
  await expect(section.locator('[data-preview-count]')).toHaveAttribute('data-preview-count', '45');
  await expect(section.locator('[data-preview-problems]')).toContainText('Value 47: duplicate');
  await section.getByRole('button', { name: 'Add 45 tokens' }).click();

  // The background's answer, shown: what was added and every refused position with its reason.
  const result = section.locator('[data-added]');
  await expect(result).toHaveAttribute('data-added', '45');
  await expect(result).toContainText('45 tokens added.');
  await expect(result).toContainText('3 values were not added:');
  await expect(result.locator('li')).toHaveText([
    'Value 1: duplicate: this entry already has it, or it appears earlier in the paste',
    'Value 47: duplicate: this entry already has it, or it appears earlier in the paste',
    'Value 48: over the limit: an entry holds at most 50 tokens, used ones included',
  ]);
  await expect(section.locator('[data-token-id]')).toHaveCount(50);
  await expect(section.locator('[data-remaining]')).toHaveText('Unused: 50 of 50');
  await expectNoValueIn(extPage, [...FIVE, ...fresh]);

  // A full entry: the page refuses one more before sending anything (Add disabled).
  await section.getByLabel('Paste emergency tokens').fill('one-more-9Xw');
  await expect(section.getByText('This entry holds 50 of at most 50 tokens.')).toBeVisible();
  await expect(section.locator('[data-preview-count]')).toHaveAttribute('data-preview-count', '0');
  await expect(section.locator('[data-preview-problems] li')).toHaveText(['Value 1: over the limit: an entry holds at most 50 tokens, used ones included']);
  await expect(section.getByRole('button', { name: /^Add/ })).toBeDisabled();

  // The API agrees: 50 tokens, the 5 first then the 45 new in paste order; one more is refused.
  const list = await tokensOf(api, accountId);
  expect(list.tokens).toHaveLength(50);
  expect(list.remaining).toBe(50);
  expect(list.tokens.slice(5).map((r) => r.masked)).toEqual(fresh.slice(0, 45).map((v) => `••••••••${v.slice(-4)}`));
  expect(await api({ type: 'tokens.add', accountId, text: `one-more-9Xw, ${FIVE[0]}` })).toMatchObject({
    added: 0, duplicates: 1, rejected: [{ position: 1, reason: 'limit' }, { position: 2, reason: 'duplicate' }], remaining: 50,
  });
});

test('copy marks used, reveal does not; reload, lock and unlock keep the state; nothing at rest', async ({ api, extPage }) => {
  const accountId = await serviceWithFive(api);
  let section = await openOptions(extPage);
  await section.getByLabel('Entry').selectOption({ label: `${SERVICE} — 5 unused` });
  const rows = () => section.locator('[data-token-id]');
  await expect(rows()).toHaveCount(5);

  // Copy the third token with its row's button, from the keyboard.
  const before = Date.now();
  const third = rows().nth(2);
  await third.getByRole('button', { name: /^Copy / }).focus();
  await extPage.keyboard.press('Enter');
  await expect(section.getByRole('status').filter({ hasText: 'Copied. The token is now marked as used.' })).toBeVisible();
  expect(await extPage.evaluate(() => navigator.clipboard.readText())).toBe(FIVE[2]);
  await expect(third).toHaveAttribute('data-used', 'true');
  await expect(section.locator('[data-used="true"]')).toHaveCount(1);
  await expect(section.locator('[data-remaining]')).toHaveText('Unused: 4 of 5');
  const listed = await tokensOf(api, accountId);
  const usedAt = listed.tokens[2]!.usedAt!;
  expect(usedAt).toBeGreaterThanOrEqual(before);
  expect(usedAt).toBeLessThanOrEqual(Date.now());
  const when = await extPage.evaluate((t) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(t)), usedAt);
  await expect(third).toContainText(`Used ${when}`);
  await expectNoValueIn(extPage, FIVE);

  // Reveal on another row shows its value and uses nothing.
  const first = rows().nth(0);
  await first.getByRole('button', { name: 'Reveal Token ending in e f 5 6' }).click();
  await expect(first.locator('code[data-revealed="true"]')).toHaveText(FIVE[0]!);
  await expect(first.getByRole('button', { name: 'Hide Token ending in e f 5 6' })).toHaveAttribute('aria-pressed', 'true');
  await expect(first).toHaveAttribute('data-used', 'false');
  await expect(section.locator('[data-remaining]')).toHaveText('Unused: 4 of 5');
  expect(await extPage.evaluate(() => navigator.clipboard.readText())).toBe(FIVE[2]);
  const afterReveal = await tokensOf(api, accountId);
  expect(afterReveal.remaining).toBe(4);
  expect(afterReveal.tokens.map((r) => r.used)).toEqual([false, false, true, false, false]);

  const pattern = ['false', 'false', 'true', 'false', 'false'];
  const expectKept = async () => {
    await section.getByLabel('Entry').selectOption({ label: `${SERVICE} — 4 unused` });
    await expect(rows()).toHaveCount(5);
    expect(await rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-used')))).toEqual(pattern);
    await expect(section.locator('[data-remaining]')).toHaveText('Unused: 4 of 5');
    await expect(rows().nth(2)).toContainText(`Used ${when}`);
    await expectNoValueIn(extPage, FIVE); // revealed values are not kept across a reload or a lock
    expect(await tokensOf(api, accountId)).toEqual(afterReveal);
  };

  // Reload: the session key survives, the state is the same.
  section = await openOptions(extPage);
  await expectKept();

  // Lock with the page's button, unlock through the page's form.
  await extPage.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(extPage.getByRole('heading', { name: 'Tessera is locked' })).toBeVisible();
  expect(await api({ type: 'vault.status' })).toMatchObject({ state: 'locked' });
  await extPage.getByLabel('Passphrase').fill(PASSPHRASE);
  await extPage.keyboard.press('Enter');
  section = extPage.getByRole('region', { name: 'Emergency tokens' });
  await expect(section).toBeVisible();
  await expectKept();

  // Nothing at rest gives away a token value or the service's name.
  const dump = await dumpAtRest(extPage);
  expect(dump).toContain('tessera'); // the scan did read the vault
  for (const needle of [...FIVE, SERVICE, 'northwind']) expect(dump.toLowerCase(), needle).not.toContain(needle.toLowerCase());
});

/** The document of Tessera's open popup (chrome.action.openPopup), from another extension page. */
function popupText(extPage: Page): Promise<string | null> {
  return extPage.evaluate(() => {
    const [view] = chrome.extension.getViews({ type: 'popup' }) as unknown as Array<typeof globalThis>;
    return view ? view.document.body.innerText : null;
  });
}

test('popup over a page of a bound site: "Use an emergency token" copies the oldest unused one', async ({ context, api, extPage }) => {
  await setUpVault(api);
  const { added } = await api<{ added: Array<{ id: string }> }>({ type: 'accounts.import', text: 'otpauth://totp/Tessera%20Demo:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Tessera%20Demo' });
  const accountId = added[0]!.id;
  const three = FIVE.slice(0, 3);
  expect(await api({ type: 'tokens.add', accountId, text: three.join(', ') })).toMatchObject({ added: 3, remaining: 3 });
  expect(await api({ type: 'accounts.update', id: accountId, sites: [`${SITE}/login`] })).toMatchObject({ account: { sites: ['127.0.0.1'] } });

  // The demo site's page in front, as when the user clicks the toolbar button over it.
  const site = await context.newPage();
  await site.goto(`${SITE}/login`);
  await site.bringToFront();
  const tabId = await extPage.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  expect(tabId).toBe(await extPage.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, `${SITE}/login`));
  // What the popup asks the background about that tab.
  expect(await api({ type: 'popup.context', tabId })).toMatchObject({ site: '127.0.0.1', bound: [accountId] });

  // The real popup, opened over that tab (Chromium ≥ 127 lets an extension open its own popup).
  // Playwright does not attach to action popups, so it is read and clicked through
  // chrome.extension.getViews from the options page, which shares its origin.
  await extPage.evaluate(() => chrome.action.openPopup());
  await expect.poll(() => popupText(extPage)).toContain('Use an emergency token for Tessera Demo (3 left)');
  await extPage.evaluate(() => {
    const [view] = chrome.extension.getViews({ type: 'popup' }) as unknown as Array<typeof globalThis>;
    const button = Array.from(view!.document.querySelectorAll('button')).find((b) => b.textContent?.startsWith('Use an emergency token'));
    button!.click();
  });
  await expect.poll(() => popupText(extPage)).toContain('Emergency token copied; it is now used.');
  expect(await extPage.evaluate(() => navigator.clipboard.readText())).toBe(three[0]);
  // The popup refreshed: one fewer, and at the default threshold (2) the account warns.
  await expect.poll(() => popupText(extPage)).toContain('Use an emergency token for Tessera Demo (2 left)');
  expect(await popupText(extPage)).toContain('Only 2 emergency tokens left');

  const list = await tokensOf(api, accountId);
  expect(list.remaining).toBe(2);
  expect(list.tokens.map((r) => r.used)).toEqual([true, false, false]);
  // The API path the popup uses, directly: the next oldest unused token.
  expect(await api({ type: 'tokens.copy', accountId })).toMatchObject({ value: three[1], tokenId: list.tokens[1]!.id });
});

// Regressions of two bugs found by these tests: the paste box's stale total after a clear, and
// a page that kept a revealed value after the vault locked elsewhere.

test('after "Clear used tokens" on a full entry, the paste box knows there is room again', async ({ api, extPage }) => {
  // Regression: the paste box re-reads the entry's total when the list changes (TokenPaste `revision`).
  await setUpVault(api);
  const { accountId } = await api<{ accountId: string }>({ type: 'tokens.add', service: SERVICE, text: Array.from({ length: 50 }, (_, i) => `full-${i}-q7H`).join(' ') });
  await api({ type: 'tokens.copy', accountId });
  const section = await openOptions(extPage);
  await section.getByLabel('Entry').selectOption({ label: `${SERVICE} — 49 unused` });
  await expect(section.getByText('This entry holds 50 of at most 50 tokens.')).toBeVisible();
  await section.getByRole('button', { name: 'Clear used tokens' }).click();
  await section.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(section.locator('[data-token-id]')).toHaveCount(49);
  await section.getByLabel('Paste emergency tokens').fill('brand-new-q7H');
  await expect(section.locator('[data-preview-count]')).toHaveAttribute('data-preview-count', '1', { timeout: 2_000 });
  await section.getByRole('button', { name: 'Add 1 token' }).click();
  await expect(section.locator('[data-token-id]')).toHaveCount(50);
});

test('a vault locked elsewhere takes the options page to the gate and drops revealed values', async ({ api, extPage }) => {
  // Regression: every page follows a lock made elsewhere (components/useLockWatch.ts).
  const accountId = await serviceWithFive(api);
  const section = await openOptions(extPage);
  await section.getByLabel('Entry').selectOption({ label: `${SERVICE} — 5 unused` });
  const rows = section.locator('[data-token-id]');
  await rows.nth(0).getByRole('button', { name: /^Reveal/ }).click();
  await expect(rows.nth(0).locator('code[data-revealed="true"]')).toHaveText(FIVE[0]!);
  await api({ type: 'vault.lock' }); // as the auto-lock alarm or the popup's Lock would
  await expect(extPage.getByRole('heading', { name: 'Tessera is locked' })).toBeVisible({ timeout: 2_000 });
  await expectNoValueIn(extPage, FIVE);
  expect(await api({ type: 'vault.unlock', passphrase: PASSPHRASE })).toBeTruthy();
  expect((await tokensOf(api, accountId)).remaining).toBe(5);
});
