// "Scan the screen…" (issue 16) end to end in headless Chromium. The browser's picker is
// answered by flags: --use-fake-ui-for-media-stream accepts it and
// --use-fake-device-for-media-stream=display-media-type=browser makes it share a tab. Measured
// on Chromium 156 headless (docs/qr.md, "Scanning the screen"): there is no desktop, so a
// screen or window capture (--auto-select-desktop-capture-source=<title>) and a tab chosen by
// title (--auto-select-tab-capture-source-by-title) both fail with NotReadableError, and the
// fake "browser" source is a live capture of the tab that asked. So the codes are shown in that
// tab (an overlay the test adds; pointer-events: none), which is as real a picture for the
// decoder as another window: the product code path (picker → stream → frames → decode → stop →
// review) is the one users run. The codes: a Google Authenticator export in two codes and an
// otpauth code, generated here with the `qrcode` package.
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import QRCode from 'qrcode';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiFrom, CHROMIUM, EXTENSION_DIR, serviceWorkerOf, strictApi, type Api } from './extension';
import { PASSPHRASE, openOptionsSection } from './helpers';
import * as S from '../fixtures/qr/synth';

const OTP = 'otpauth://totp/ScreenCo:dana@example.com?secret=JBSWY3DPEHPK3PXP&issuer=ScreenCo';
const EXPORT = [0, 1].map((index) => S.migrationUri(S.sampleAccounts(3, 30 + index), { size: 2, index, id: 77 }));

async function launch(): Promise<{ context: BrowserContext; extensionId: string; api: Api; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'tessera-screen-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, '--no-sandbox',
      '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--lang=en-US', '--accept-lang=en-US',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream=display-media-type=browser',
    ],
  });
  const sw = await serviceWorkerOf(context);
  const extensionId = new URL(sw.url()).host;
  const extPage = await context.newPage();
  await extPage.goto(`chrome-extension://${extensionId}/options.html`);
  const api = strictApi(await apiFrom(extPage));
  await api({ type: 'vault.setup', passphrase: PASSPHRASE });
  return { context, extensionId, api, profile };
}

/** Shows `texts` as QR codes over the top of `page` (the tab the fake capture shares). */
async function showCodes(page: Page, texts: string[]): Promise<void> {
  const imgs = await Promise.all(texts.map((t) => QRCode.toDataURL(t, { margin: 4, width: 300 })));
  await page.evaluate((srcs) => {
    document.getElementById('qr-overlay')?.remove();
    const d = document.createElement('div');
    d.id = 'qr-overlay';
    d.style.cssText = 'position:fixed;right:0;bottom:0;display:flex;gap:24px;padding:12px;background:#fff;pointer-events:none;z-index:9';
    for (const src of srcs) {
      const img = document.createElement('img');
      img.src = src;
      img.width = img.height = 300;
      d.append(img);
    }
    document.body.append(d);
  }, imgs);
}

/** Records every stream the page gets from getDisplayMedia, to check it is stopped. */
async function watchStreams(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __streams: MediaStream[] };
    w.__streams = [];
    const original = navigator.mediaDevices.getDisplayMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getDisplayMedia = async (o) => {
      const s = await original(o);
      w.__streams.push(s);
      return s;
    };
  });
}
const streamStates = (page: Page) => page.evaluate(() => (window as unknown as { __streams: MediaStream[] }).__streams.flatMap((s) => s.getTracks().map((t) => t.readyState)));

test.describe('scan the screen (Chromium, fake tab capture)', () => {
  let h: Awaited<ReturnType<typeof launch>>;
  test.beforeEach(async () => void (h = await launch()));
  test.afterEach(async () => {
    await h.context.close();
    rmSync(h.profile, { recursive: true, force: true });
  });

  test('popup → window → picker → every code read, stream stopped, nothing added before confirm, no site bound', async () => {
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    const opened = h.context.waitForEvent('page', (p) => p.url().includes('/screen-scan.html'));
    await popup.getByRole('button', { name: 'Scan the screen…' }).click();
    const win = await opened;
    await win.waitForLoadState();
    await win.setViewportSize({ width: 1280, height: 800 });
    await watchStreams(win);
    await showCodes(win, [...EXPORT, OTP]);
    // The start button has the focus: Enter opens the picker (a user gesture, as getDisplayMedia asks).
    await expect(win.getByRole('button', { name: 'Choose a screen or window…' })).toBeFocused();
    await win.keyboard.press('Enter');
    await expect(win.getByRole('heading', { name: '3 QR codes found' })).toBeVisible({ timeout: 30_000 });
    expect(await streamStates(win)).toEqual(['ended']);
    // The review lists the export's six accounts and the otpauth one; nothing is in the vault yet.
    await expect(win.locator('[data-scan-item]')).toHaveCount(7);
    expect((await h.api<{ accounts: unknown[] }>({ type: 'accounts.list' })).accounts).toEqual([]);
    await expect(win.locator('input[name="sites"]')).toHaveValue('');
    await win.getByRole('button', { name: /Add 7/ }).click();
    await expect(win.getByText(/7 added/i)).toBeVisible();
    const { accounts } = await h.api<{ accounts: Array<{ issuer: string; sites: string[] }> }>({ type: 'accounts.list' });
    expect(accounts).toHaveLength(7);
    expect(accounts.every((a) => a.sites.length === 0)).toBe(true);
    expect(accounts.map((a) => a.issuer)).toContain('ScreenCo');
  });

  test('options page: "reading…" while no code is shown, Esc cancels, the stream stops, nothing is kept', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await openOptionsSection(options, 'Add'); // the screen scan is on the Add page (issue 14)
    await watchStreams(options);
    await options.getByRole('button', { name: 'Choose a screen or window…' }).click();
    await expect(options.locator('[data-reading="true"]')).toHaveText(/Reading…/);
    await expect.poll(() => options.evaluate(() => Number(/(\d+) frames/.exec(document.body.textContent ?? '')?.[1] ?? 0))).toBeGreaterThan(1);
    expect(await streamStates(options)).toEqual(['live']);
    await options.keyboard.press('Escape');
    await expect(options.getByText('Screen scan cancelled. Nothing was kept.')).toBeVisible();
    expect(await streamStates(options)).toEqual(['ended']);
    expect((await h.api<{ accounts: unknown[] }>({ type: 'accounts.list' })).accounts).toEqual([]);
  });

  test('an export shown one batch at a time: reading goes on until the missing batch appears', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await openOptionsSection(options, 'Add'); // the screen scan is on the Add page (issue 14)
    await showCodes(options, [EXPORT[0]!]);
    await options.getByRole('button', { name: 'Choose a screen or window…' }).click();
    await expect(options.locator('[data-reading="true"]')).toHaveText(/missing export batch\(es\) 2/, { timeout: 30_000 });
    await showCodes(options, [EXPORT[1]!]);
    await expect(options.locator('[data-scan-item]')).toHaveCount(6, { timeout: 30_000 });
  });
});
