// Unlock with a passkey (issue 18) in headless Chromium, with a CDP virtual authenticator
// (WebAuthn.addVirtualAuthenticator, ctap2/internal with user verification and PRF) attached to
// the extension page: add from the options page, lock, unlock with it, codes right; refused
// without PRF; a removed passkey and a wrong PRF output (another credential) unlock nothing.
import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './extension';
import { PASSPHRASE, openOptionsSection, setUpVault, totpNow } from './helpers';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

async function authenticator(page: Page, hasPrf = true): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true, hasPrf },
  });
  return { cdp, authenticatorId };
}

/** The PRF output a page's authenticator gives for `id` on `salt` (base64), straight from WebAuthn. */
async function prfInPage(page: Page, id: string, salt: string, create = false): Promise<{ id: string; prf: string | null }> {
  return page.evaluate(async ({ id, salt, create }) => {
    const b64 = (b: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(b)));
    const unb64url = (s: string) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4)), (c) => c.charCodeAt(0));
    const first = Uint8Array.from(atob(salt), (c) => c.charCodeAt(0));
    const toUrl = (b: ArrayBuffer) => b64(b).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    let credId = id;
    if (create) {
      const c = (await navigator.credentials.create({ publicKey: {
        rp: { name: 'other' }, user: { id: crypto.getRandomValues(new Uint8Array(16)), name: 'x', displayName: 'x' },
        challenge: crypto.getRandomValues(new Uint8Array(32)), pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
        authenticatorSelection: { userVerification: 'required' }, extensions: { prf: {} } as AuthenticationExtensionsClientInputs,
      } })) as PublicKeyCredential;
      credId = toUrl(c.rawId);
    }
    const got = (await navigator.credentials.get({ publicKey: {
      challenge: crypto.getRandomValues(new Uint8Array(32)), allowCredentials: [{ type: 'public-key', id: unb64url(credId) }],
      userVerification: 'required', extensions: { prf: { eval: { first } } } as AuthenticationExtensionsClientInputs,
    } })) as PublicKeyCredential;
    const r = (got.getClientExtensionResults() as { prf?: { results?: { first?: ArrayBuffer } } }).prf?.results?.first;
    return { id: credId, prf: r ? b64(r) : null };
  }, { id, salt, create });
}

test('add a passkey, lock, unlock with it in the options page and the popup; codes right; RP ID is the extension id', async ({ context, extensionId, api, rawApi, extPage }) => {
  await setUpVault(api);
  await api({ type: 'accounts.import', text: `otpauth://totp/GitHub:alice?secret=${SECRET}&issuer=GitHub` });
  const { cdp, authenticatorId } = await authenticator(extPage);
  await extPage.reload();
  // Passkeys are on the options page's Settings page (its navigation, issue 14).
  await openOptionsSection(extPage, 'Settings');
  await extPage.locator('[data-action="passkey-add"]').click();
  await expect(extPage.getByRole('status').filter({ hasText: 'added' })).toContainText('Passkey “Passkey added');
  await expect(extPage.locator('[data-passkey-id]')).toHaveCount(1);
  await expect(extPage.locator('[data-passkey-id]')).toContainText('Not used on this device yet');

  // Chromium's RP ID for a chrome-extension:// page is the page's whole origin, scheme included
  // (not a domain: such a credential can never be asked for by a web site; docs/vault-format.md).
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0]!.rpId).toBe(`chrome-extension://${extensionId}`);
  const listed = await api<{ passkeys: Array<{ id: string; sync: boolean }> }>({ type: 'passkey.list' });
  expect(listed.passkeys[0]!.sync).toBe(false);
  expect(Buffer.from(listed.passkeys[0]!.id.replace(/-/g, '+').replace(/_/g, '/'), 'base64')).toEqual(Buffer.from(credentials[0]!.credentialId, 'base64'));

  // Renamed afterwards with the keyboard.
  await extPage.locator('[data-action="passkey-rename"]').focus();
  await extPage.keyboard.press('Enter');
  await extPage.getByLabel('Name').fill('Laptop');
  await extPage.keyboard.press('Enter');
  await expect(extPage.locator('[data-passkey-name]')).toHaveText('Laptop');

  await api({ type: 'vault.lock' });
  const unlock = extPage.locator('[data-action="passkey-unlock"]');
  await expect(unlock).toBeVisible();
  await expect(unlock).toBeFocused();
  // The passphrase is one click away, and back.
  await extPage.locator('[data-action="use-passphrase"]').click();
  await expect(extPage.locator('input[name="passphrase"]')).toBeVisible();
  await extPage.locator('[data-action="use-passkey"]').click();
  await unlock.click();
  await expect(extPage.locator('[data-action="passkey-add"]')).toBeVisible();
  expect((await api<{ state: string }>({ type: 'vault.status' })).state).toBe('unlocked');
  const { accounts } = await api<{ accounts: Array<{ id: string }> }>({ type: 'accounts.list' });
  const code = await api<{ code: string }>({ type: 'codes.get', id: accounts[0]!.id });
  expect([totpNow(SECRET), totpNow(SECRET, { timestamp: Date.now() - 30_000 })]).toContain(code.code);
  await expect(extPage.locator('[data-passkey-id]')).toContainText('Last used here');

  // The popup (opened as a tab, so it hosts the prompt itself) in the same target keeps the authenticator.
  await api({ type: 'vault.lock' });
  await extPage.goto(`chrome-extension://${extensionId}/popup.html`);
  await extPage.locator('[data-action="passkey-unlock"]').click();
  await expect(extPage.locator('html')).toHaveAttribute('data-ready', 'codes');
  const shown = await extPage.locator('[data-account-id] [data-code]').getAttribute('data-code');
  expect([totpNow(SECRET), totpNow(SECRET, { timestamp: Date.now() - 30_000 })]).toContain(shown);

  // What the toolbar popup opens for the prompt: options.html#passkey-unlock starts it by itself.
  const probe = await context.newPage();
  await probe.goto(`chrome-extension://${extensionId}/options.html`);
  const status = async () => ((await probe.evaluate(() => chrome.runtime.sendMessage({ type: 'vault.status' }))) as { state: string }).state;
  await probe.evaluate(() => chrome.runtime.sendMessage({ type: 'vault.lock' }));
  expect(await status()).toBe('locked');
  await extPage.bringToFront();
  await extPage.goto(`chrome-extension://${extensionId}/options.html#passkey-unlock`);
  await expect.poll(status, { timeout: 15_000 }).toBe('unlocked');

  // The passphrase still unlocks.
  await probe.evaluate(() => chrome.runtime.sendMessage({ type: 'vault.lock' }));
  expect(await probe.evaluate((p) => chrome.runtime.sendMessage({ type: 'vault.unlock', passphrase: p }), PASSPHRASE)).toMatchObject({ ok: true });
  void rawApi;
});

test('an authenticator without PRF is refused with words and nothing is added', async ({ api, extPage }) => {
  await setUpVault(api);
  await authenticator(extPage, false);
  await extPage.reload();
  // Passkeys are on the options page's Settings page (its navigation, issue 14).
  await openOptionsSection(extPage, 'Settings');
  await extPage.locator('[data-action="passkey-add"]').click();
  await expect(extPage.getByRole('alert')).toContainText('does not support the WebAuthn PRF extension');
  await expect(extPage.getByRole('alert')).toContainText('Nothing was added');
  expect((await api<{ passkeys: unknown[] }>({ type: 'passkey.list' })).passkeys).toEqual([]);
  await api({ type: 'vault.lock' });
  await expect(extPage.locator('input[name="passphrase"]')).toBeVisible();
  await expect(extPage.locator('[data-action="passkey-unlock"]')).toHaveCount(0);
});

test('a wrong PRF output (another credential) changes nothing; a removed passkey no longer unlocks', async ({ api, rawApi, extPage }) => {
  await setUpVault(api);
  await authenticator(extPage);
  await extPage.reload();
  // Passkeys are on the options page's Settings page (its navigation, issue 14).
  await openOptionsSection(extPage, 'Settings');
  await extPage.locator('[data-action="passkey-add"]').click();
  await expect(extPage.locator('[data-passkey-id]')).toHaveCount(1);
  const { id, salt } = (await api<{ credentials: Array<{ id: string; salt: string }> }>({ type: 'vault.passkeyBegin' })).credentials[0]!;
  const right = await prfInPage(extPage, id, salt);
  const other = await prfInPage(extPage, '', salt, true);
  expect(right.prf).not.toBeNull();
  expect(other.prf).not.toBeNull();
  expect(other.prf).not.toBe(right.prf);
  const headerBefore = await extPage.evaluate(async () => JSON.stringify(await chrome.runtime.sendMessage({ type: 'vault.passkeyBegin' })));

  await api({ type: 'vault.lock' });
  const wrong = await rawApi({ type: 'vault.unlockPasskey', id, prf: other.prf });
  expect(wrong.ok).toBe(false);
  expect(wrong.error?.code).toBe('bad-passphrase');
  expect(wrong.error?.message).toContain('does not unlock this vault');
  expect((await api<{ state: string }>({ type: 'vault.status' })).state).toBe('locked');
  // The other credential under its own id is simply unknown.
  expect((await rawApi({ type: 'vault.unlockPasskey', id: other.id, prf: other.prf })).error?.code).toBe('not-found');
  expect(await extPage.evaluate(async () => JSON.stringify(await chrome.runtime.sendMessage({ type: 'vault.passkeyBegin' })))).toBe(headerBefore);

  // The right output unlocks; then the passkey is removed from the options page.
  expect((await rawApi({ type: 'vault.unlockPasskey', id, prf: right.prf })).ok).toBe(true);
  await extPage.reload();
  // Passkeys are on the options page's Settings page (its navigation, issue 14).
  await openOptionsSection(extPage, 'Settings');
  await extPage.locator('[data-action="passkey-remove"]').click();
  await expect(extPage.locator('[data-passkey-id]')).toHaveCount(0);
  await api({ type: 'vault.lock' });
  await expect(extPage.locator('input[name="passphrase"]')).toBeVisible();
  await expect(extPage.locator('[data-action="passkey-unlock"]')).toHaveCount(0);
  const removed = await rawApi({ type: 'vault.unlockPasskey', id, prf: right.prf });
  expect(removed.error?.code).toBe('not-found');
  expect((await api<{ state: string }>({ type: 'vault.status' })).state).toBe('locked');
});
