// Issue 15 end to end, in Chromium with the built extension:
// - the clock: pages from several loopback servers whose Date headers are 47 s ahead of this
//   computer (and one lying by an hour) make clock.status report the device 47 s behind,
//   correct by default (3 servers agree), codes.get follow corrected time, and the popup warn;
// - e-mail codes: a login page that says it e-mailed a one-time password, a "webmail" list page
//   open on another loopback site bound as the mailbox: autofill.fill answers source "email"
//   with the code of the recent message (and no-email-code while the feature is off); the chip
//   beside the field says "from email, 2 min ago" (read from the accessibility tree: the chip
//   lives in a closed shadow root) and a click on it fills that code; the popup, opened over the
//   login page, offers the code with the same words and fills it, and offers nothing while the
//   feature is off.
import { expect, test, type Page } from '@playwright/test';
import { openHarness, SITE, type Harness } from './extension';
import { totpNow } from './helpers';
import { skewedServer, type SkewedServer } from './skewed-server';

const SKEW_MS = 47_000;
const SECRET = 'JBSWY3DPEHPK3PXP';

test.describe('clock from Date headers', () => {
  let h: Harness;
  const servers: SkewedServer[] = [];
  test.beforeAll(async () => {
    h = await openHarness(`${SITE}/login`);
  });
  test.afterAll(async () => {
    await h?.close();
    for (const s of servers) await s.close();
  });

  test('pages from skewed servers: clock.status, corrected codes.get and the popup warning', async () => {
    // Unknown until a server has been seen (the start page's own server is right: offset ≈ 0).
    const before = await h.api<{ offsetMs: number | null; correcting: boolean }>({ type: 'clock.status' });
    expect(before.correcting).toBe(false);
    const honest = await Promise.all(['127.0.0.2', '127.0.0.3', '127.0.0.4'].map((host) => skewedServer(host, SKEW_MS)));
    const liar = await skewedServer('127.0.0.5', -3_600_000);
    servers.push(...honest, liar);
    for (const s of [...honest, liar]) {
      await h.page.goto(s.url);
      // An XHR/fetch from the page too: the same server counts once.
      await h.page.evaluate(() => fetch(location.href, { cache: 'no-store' }).then((r) => r.text()));
    }
    await expect
      .poll(async () => (await h.api<{ samples: number }>({ type: 'clock.status' })).samples, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(3);
    const status = await h.api<{ offsetMs: number; samples: number; checkedAt: number; correcting: boolean }>({ type: 'clock.status' });
    expect(Math.abs(status.offsetMs + SKEW_MS)).toBeLessThan(1_500);
    expect(status.correcting).toBe(true);
    expect(Math.abs(status.checkedAt - Date.now())).toBeLessThan(60_000);

    const { added } = await h.api<{ added: Array<{ id: string }> }>({ type: 'accounts.import', text: `otpauth://totp/Clock:me?secret=${SECRET}` });
    const id = added[0]!.id;
    // Within one step of each other (the test may cross a step boundary): compare around the call.
    const want = [totpNow(SECRET, { timestamp: Date.now() + SKEW_MS })];
    const got = await h.api<{ code: string; expiresAt: number }>({ type: 'codes.get', id });
    want.push(totpNow(SECRET, { timestamp: Date.now() + SKEW_MS }));
    expect(want).toContain(got.code);
    // An explicit `at` stays uncorrected.
    const at = Date.now();
    expect((await h.api<{ code: string }>({ type: 'codes.get', id, at })).code).toBe(totpNow(SECRET, { timestamp: at }));

    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    await expect(popup.locator('[data-clock-warning]')).toContainText(/clock is 4[6-8] s behind: codes may be refused/);
    await expect(popup.locator('[data-clock-warning]')).toHaveAttribute('data-clock-warning', 'correcting');
    await popup.close();

    // Turned off by the user: codes use the device clock again.
    await h.api({ type: 'settings.set', settings: { clockCorrection: false } });
    expect((await h.api<{ correcting: boolean }>({ type: 'clock.status' })).correcting).toBe(false);
    const plain = [totpNow(SECRET)];
    const now = await h.api<{ code: string }>({ type: 'codes.get', id });
    plain.push(totpNow(SECRET));
    expect(plain).toContain(now.code);
  });
});

test.describe('clock across service-worker restarts', () => {
  let h: Harness;
  const servers: SkewedServer[] = [];
  test.beforeAll(async () => {
    h = await openHarness(`${SITE}/login`);
  });
  test.afterAll(async () => {
    await h?.close();
    for (const s of servers) await s.close();
  });

  test('three skewed servers met by three successive workers still make a correcting estimate', async () => {
    servers.push(...(await Promise.all(['127.0.0.6', '127.0.0.7', '127.0.0.8'].map((host) => skewedServer(host, SKEW_MS)))));
    const cdp = await h.context.newCDPSession(h.extPage);
    await cdp.send('ServiceWorker.enable');
    for (const s of servers) {
      // Chrome stops an idle worker after 30 s; here at once: only what it kept can add up.
      await cdp.send('ServiceWorker.stopAllWorkers');
      await h.page.goto(s.url);
      await expect.poll(async () => (await h.api<{ samples: number }>({ type: 'clock.status' })).samples).toBeGreaterThan(0);
    }
    await expect.poll(async () => (await h.api<{ samples: number }>({ type: 'clock.status' })).samples).toBe(3);
    const status = await h.api<{ offsetMs: number; correcting: boolean }>({ type: 'clock.status' });
    expect(Math.abs(status.offsetMs + SKEW_MS)).toBeLessThan(1_500);
    expect(status.correcting).toBe(true);
  });
});

test.describe('codes from e-mail', () => {
  let h: Harness;
  const LOGIN = `${SITE}/autofill/c15-ja-onetime-mail.html`;
  // The "webmail" is the same server under another site name (localhost ≠ 127.0.0.1).
  const MAILBOX = SITE.replace('127.0.0.1', 'localhost');
  test.beforeAll(async () => {
    h = await openHarness(LOGIN);
  });
  test.afterAll(async () => {
    await h?.close();
  });

  test('a login page that e-mailed its code gets the code from an open webmail tab', async () => {
    // Off by default: no-email-code, even with the mailbox open.
    const mail = await h.context.newPage();
    await mail.goto(`${MAILBOX}/email/yahoo-jp-list.html`);
    expect(await h.raw({ type: 'autofill.fill', tabId: h.tabId })).toMatchObject({ ok: false, error: { code: 'no-email-code' } });

    await h.api({ type: 'settings.set', settings: { emailCodes: { enabled: true, mailboxes: [MAILBOX] } } });
    const offer = await h.api<{ code: string | null; receivedAt: number | null }>({ type: 'email.offer', tabId: h.tabId });
    expect(offer.code).toBe('538201');
    expect(Date.now() - offer.receivedAt!).toBeLessThan(4 * 60_000);
    expect(await h.raw({ type: 'autofill.fill', tabId: h.tabId })).toEqual({ ok: true, filled: true, accountId: '', fields: 1, source: 'email' });
    await expect(h.page.locator('#result')).toHaveText('538201');

    // The mailbox tab closed: nothing to read.
    await mail.close();
    expect(await h.raw({ type: 'autofill.fill', tabId: h.tabId })).toMatchObject({ ok: false, error: { code: 'no-email-code' } });

    // An open Gmail-like list: the newest recent code, not the marketing, order or older mail.
    const gmail = await h.context.newPage();
    await gmail.goto(`${MAILBOX}/email/gmail-list.html`);
    expect(await h.raw({ type: 'autofill.fill', tabId: h.tabId })).toMatchObject({ ok: true, source: 'email' });
    await expect(h.page.locator('#result')).toHaveText('482913');

    // Nothing from the mailbox was kept.
    const local = await h.extPage.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
    expect(local).not.toContain('482913');
    expect(local).not.toContain('538201');
  });
  test('the chip says the code comes from e-mail, and a click on it fills that code', async () => {
    const mail = await h.context.newPage();
    await mail.goto(`${MAILBOX}/email/yahoo-jp-list.html`);
    await h.api({ type: 'settings.set', settings: { emailCodes: { enabled: true, mailboxes: [MAILBOX] } } });
    // A fresh page: the chip asks for an offer when its field appears. In front: Chromium keeps
    // no accessibility tree for a background tab.
    await h.page.bringToFront();
    await h.page.goto(LOGIN);
    const chip = h.page.locator('tessera-chip');
    await expect(chip).toBeVisible();
    await expect.poll(() => chipName(h.page), { timeout: 10_000 }).toMatch(/^from email, [23] min ago — Fill the one-time code with Tessera$/);
    await chip.click();
    await expect(h.page.locator('#result')).toHaveText('538201');

    // Off: the same page's chip is a plain account chip again, and a click fills nothing from mail.
    await h.api({ type: 'settings.set', settings: { emailCodes: { enabled: false, mailboxes: [MAILBOX] } } });
    await h.page.goto(LOGIN);
    await expect(chip).toBeVisible();
    await chip.hover(); // asks again (the first answer may not have come yet)
    await expect.poll(() => chipName(h.page)).toBe('Fill the one-time code with Tessera');
    await chip.click();
    await expect.poll(() => chipName(h.page)).toMatch(/Codes from email are off/);
    await expect(h.page.locator('#otp')).toHaveValue('');
    await mail.close();
  });

  test('the popup over the login page offers the e-mailed code with its age and fills it; nothing while off', async () => {
    const mail = await h.context.newPage();
    await mail.goto(`${MAILBOX}/email/yahoo-jp-list.html`);
    await h.api({ type: 'settings.set', settings: { emailCodes: { enabled: false, mailboxes: [MAILBOX] } } });
    await h.page.goto(LOGIN);
    await expect(h.page.locator('tessera-chip')).toBeVisible();
    const popup = await openPopupOver(h, h.page);
    // Off: the background answers no offer for this tab, and the popup shows none.
    expect(await h.api({ type: 'email.offer', tabId: h.tabId })).toMatchObject({ code: null });
    await popup.waitForTimeout(1_000);
    await expect(popup.locator('[data-email-offer]')).toHaveCount(0);

    await h.api({ type: 'settings.set', settings: { emailCodes: { enabled: true, mailboxes: [MAILBOX] } } });
    await popup.reload();
    const offer = popup.locator('[data-email-offer]');
    await expect(offer).toHaveAttribute('data-email-offer', '538201');
    await expect(offer).toContainText(/from email, [23] min ago/);
    await expect(offer.locator('code')).toHaveText('538201');
    await offer.getByRole('button', { name: 'Fill 538201' }).click();
    await expect(offer.getByRole('status')).toHaveText('Code filled in.');
    await expect(h.page.locator('#result')).toHaveText('538201');
    await popup.close();
    await mail.close();
  });
});

/** The chip's accessible name (its tooltip), from Chromium's accessibility tree: the chip's shadow root is closed. */
async function chipName(page: Page): Promise<string | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ role?: { value?: string }; name?: { value?: string } }> };
    return nodes.find((n) => n.role?.value === 'button' && /Tessera|from email/.test(n.name?.value ?? ''))?.name?.value;
  } finally {
    await cdp.detach();
  }
}

/** The popup as a page in a window of its own that leaves `over` the active tab of the last focused window (as hostile-pages.spec.ts). */
async function openPopupOver(h: Harness, over: Page): Promise<Page> {
  await over.bringToFront();
  const opened = h.context.waitForEvent('page');
  await h.sw.evaluate((url) => chrome.windows.create({ url, focused: false, width: 420, height: 640 }), `chrome-extension://${h.extensionId}/popup.html`);
  const popup = await opened;
  await expect(popup.locator('html')).toHaveAttribute('data-ready', 'codes');
  const overTab = await h.sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, over.url());
  await h.sw.evaluate(async (id) => void (await chrome.windows.update((await chrome.tabs.get(id!)).windowId, { focused: true })), overTab);
  await expect.poll(() => popup.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id)).toBe(overTab);
  // The popup reads the tab it is over when it opens: open it again now that this holds.
  await popup.reload();
  await expect(popup.locator('html')).toHaveAttribute('data-ready', 'codes');
  return popup;
}
