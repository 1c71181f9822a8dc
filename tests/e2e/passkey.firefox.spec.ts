// Passkeys in Firefox ESR (issue 18), as far as its automation goes. WebDriver BiDi has no
// virtual authenticator, and Firefox refuses WebAuthn from a moz-extension:// page
// (navigator.credentials.create answers SecurityError; docs/firefox.md), so: adding says so in
// words and adds nothing; the locked view stays the passphrase form; and a passkey wrap synced
// from Chrome (another origin, which Firefox could never ask for) is not offered here while the
// passphrase keeps working.
import { expect, test } from '@playwright/test';
import { api } from './drivers/driver';
import { launchFirefox } from './drivers/firefox';
import { PASSPHRASE } from './helpers';

test('Firefox: adding a passkey is refused in words, nothing is added, the passphrase unlocks', async () => {
  test.setTimeout(90_000);
  const d = await launchFirefox({ prefs: { 'security.webauth.webauthn_enable_softtoken': true, 'security.webauth.webauthn_enable_usbtoken': false } });
  try {
    await api(d, { type: 'vault.setup', passphrase: PASSPHRASE });
    // Passkeys are on the options page's Settings page: its address opens it.
    const page = await d.openExtensionPage('options.html#settings');
    await page.click('[data-action="passkey-add"]');
    await expect.poll(() => page.text('[role="alert"]'), { timeout: 15_000 }).toContain('does not offer passkeys to this page (SecurityError)');
    expect((await api<{ passkeys: unknown[] }>(d, { type: 'passkey.list' })).passkeys).toEqual([]);

    // A wrap made in Chrome (its origin is the RP) arrives with the header: not offered here.
    const salt = Buffer.alloc(32, 7).toString('base64');
    await api(d, { type: 'passkey.add', id: 'Q2hyb21lUGFzc2tleUlkMDEyMzQ1Njc4OQ', salt, prf: Buffer.alloc(32, 9).toString('base64'), rp: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', sync: true });
    await api(d, { type: 'vault.lock' });
    const locked = await d.openExtensionPage('options.html');
    await expect.poll(() => locked.evaluate(() => !!document.querySelector('input[name="passphrase"]')), { timeout: 10_000 }).toBe(true);
    expect(await locked.evaluate(() => document.querySelectorAll('[data-action="passkey-unlock"]').length)).toBe(0);
    await locked.fill('input[name="passphrase"]', PASSPHRASE);
    await locked.click('button[type="submit"]');
    await expect.poll(async () => (await d.rawApi({ type: 'vault.status' })).state, { timeout: 15_000 }).toBe('unlocked');
  } finally {
    await d.close();
  }
});
