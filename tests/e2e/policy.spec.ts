// Managed policy (issue 16) in Chromium: a policy file in /etc/chromium/policies/managed for this
// build's id (tests/support/managed-policy.ts), checked through the API (settings.get `managed`,
// settings.set and sync.configure answering `managed`, vault.setup's minimum strength, the KDF
// cost of the new vault's header) and in the options page (disabled controls with the reason);
// then the file is changed while the browser runs and the new values take effect without a restart.
// The browser loads a copy of the build from a folder of its own: the id (derived from the path)
// is then this test's alone, so other specs running at the same time on .output/chrome-mv3 never
// see the policy.
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiFrom, CHROMIUM, EXTENSION_DIR, serviceWorkerOf, type RawApi } from './extension';
import { chromiumPolicy, isRoot, unpackedExtensionId } from '../support/managed-policy';
import { openOptionsSection } from './helpers';

const STRONG = 'Policy-Test: a long passphrase, 2026!';
const POLICY = {
  maxAutoLockMinutes: 10,
  clipboardClearSeconds: 20,
  allowAutoFill: false,
  allowedSyncBackends: ['webdav'],
  webdavUrl: 'https://dav.example.com/tessera/',
  allowPlainExport: false,
  minPassphraseStrength: 'strong',
  minKdfMemoryMiB: 80,
  lowTokenThreshold: 4,
  emailCodeMailboxes: ['mail.example.com'],
};

test.describe('managed policy (Chromium)', () => {
  test.skip(!isRoot(), 'writing /etc/chromium/policies/managed needs root (CI runs as root)');
  let work: string;
  let extDir: string;
  let file: ReturnType<typeof chromiumPolicy>;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  let raw: RawApi;

  test.beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'tessera-policy-'));
    extDir = join(work, 'chrome-mv3');
    file = chromiumPolicy(unpackedExtensionId(extDir));
    cpSync(EXTENSION_DIR, extDir, { recursive: true });
    file.write(POLICY);
    profile = join(work, 'profile');
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'en-US',
      args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, '--no-sandbox', '--disable-background-networking',
        '--disable-component-update', '--no-first-run', '--disable-sync', '--lang=en-US', '--accept-lang=en-US'],
    });
    const sw = await serviceWorkerOf(context);
    // The file names the id computed from the path: it must be the one Chromium gave the build.
    expect(new URL(sw.url()).host).toBe(unpackedExtensionId(extDir));
    page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(sw.url()).host}/options.html`);
    raw = await apiFrom(page);
  });
  test.afterAll(async () => {
    file?.remove();
    await context?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('enforced through the API, shown as set by the organisation, and followed when it changes', async () => {
    // Chromium validated the values against public/managed-schema.json and handed them over.
    expect(await page.evaluate(() => chrome.storage.managed.get())).toEqual(POLICY);

    // The set-up screen does not offer browser sync, which the policy (webdav only) forbids
    // (loaded again: the page may have opened before Chromium read the policy file).
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Set up Tessera' })).toBeVisible();
    await expect(page.locator('input[name="passphrase-again"]')).toBeVisible();
    await expect(page.locator('input[name="sync"]')).toHaveCount(0);

    // vault.setup: a passphrase below "strong" is refused; the new vault's header has the KDF cost.
    expect(await raw({ type: 'vault.setup', passphrase: 'abcdefgh12' })).toMatchObject({ ok: false, error: { code: 'weak-passphrase', message: expect.stringMatching(/organisation/) } });
    expect(await raw({ type: 'vault.setup', passphrase: STRONG })).toEqual({ ok: true });
    const kdf = await page.evaluate(() => new Promise((ok, fail) => {
      const r = indexedDB.open('tessera-vault');
      r.onerror = () => fail(r.error);
      r.onsuccess = () => {
        const get = r.result.transaction('meta').objectStore('meta').get('header');
        get.onsuccess = () => ok(get.result.kdf);
      };
    }));
    expect(kdf).toMatchObject({ name: 'argon2id', memoryKiB: 80 * 1024, iterations: 3 });

    const got = await raw({ type: 'settings.get' });
    expect(got).toMatchObject({
      ok: true,
      settings: { autoLockMinutes: 10, clipboardClearSeconds: 20, autoFill: false, lowTokenThreshold: 4 },
      managed: expect.arrayContaining(['autoLockMinutes', 'clipboardClearSeconds', 'autoFill', 'lowTokenThreshold', 'emailCodes', 'allowedSyncBackends', 'webdavUrl', 'allowPlainExport', 'minPassphraseStrength', 'minKdfMemoryMiB']),
    });
    for (const settings of [{ autoFill: true }, { clipboardClearSeconds: 0 }, { lowTokenThreshold: 1 }, { autoLockMinutes: 60 }]) {
      expect(await raw({ type: 'settings.set', settings }), JSON.stringify(settings)).toMatchObject({ ok: false, error: { code: 'managed' } });
    }
    expect(await raw({ type: 'settings.set', settings: { autoLockMinutes: 5 } })).toMatchObject({ ok: true, settings: { autoLockMinutes: 5 } });
    expect(await raw({ type: 'sync.configure', backend: 'browser' })).toMatchObject({ ok: false, error: { code: 'managed' } });
    expect(await raw({ type: 'sync.configure', backend: 'webdav', url: 'https://elsewhere.example/', username: 'u', password: 'p' })).toMatchObject({ ok: false, error: { code: 'managed' } });
    expect(await raw({ type: 'sync.status' })).toMatchObject({ ok: true, backend: 'off' });

    // The options page: fixed settings disabled with the reason, the cap on auto-lock, the sync choices.
    await page.reload();
    await openOptionsSection(page, 'Settings');
    await expect(page.locator('input[name="autoFill"]')).toBeDisabled();
    await expect(page.locator('[data-managed-reason="autoFill"]')).toHaveText('Your organisation does not allow automatic fill.');
    await expect(page.locator('input[name="clipboardClearSeconds"]')).toBeDisabled();
    await expect(page.locator('input[name="clipboardClearSeconds"]')).toHaveValue('20');
    await expect(page.locator('input[name="lowTokenThreshold"]')).toBeDisabled();
    await expect(page.locator('[data-managed-reason="clipboardClearSeconds"]')).toHaveText('Set by your organisation.');
    await expect(page.locator('input[name="autoLockMinutes"]')).toBeEnabled();
    await expect(page.locator('input[name="autoLockMinutes"]')).toHaveAttribute('max', '10');
    await expect(page.locator('[data-managed-reason="autoLockMinutes"]')).toHaveText('Your organisation allows at most 10 minutes.');
    await openOptionsSection(page, 'Sync');
    await expect(page.locator('input[name="backend"][value="browser"]')).toBeDisabled();
    await expect(page.locator('input[name="backend"][value="webdav"]')).toBeEnabled();
    await page.locator('input[name="backend"][value="webdav"]').check();
    await expect(page.locator('input[name="webdav-url"]')).toHaveValue('https://dav.example.com/tessera/');
    await expect(page.locator('input[name="webdav-url"]')).toHaveJSProperty('readOnly', true);

    // The administrator changes the policy while the browser runs: no restart, the open page follows.
    file.write({ clipboardClearSeconds: 5 });
    await expect.poll(async () => (await raw({ type: 'settings.get' })).managed, { timeout: 60_000, intervals: [1000] }).toEqual(['clipboardClearSeconds']);
    await expect(page.locator('input[name="backend"][value="browser"]')).toBeEnabled();
    await openOptionsSection(page, 'Settings');
    await expect(page.locator('input[name="autoFill"]')).toBeEnabled();
    await expect(page.locator('input[name="clipboardClearSeconds"]')).toHaveValue('5');
    expect(await raw({ type: 'settings.set', settings: { autoFill: true } })).toMatchObject({ ok: true, settings: { autoFill: true } });
  });
});
