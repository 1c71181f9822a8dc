// Issue 15 in Firefox ESR with the Firefox build (.output/firefox-mv3), through puppeteer-core and
// WebDriver BiDi (tests/e2e/drivers/firefox.ts); the Chromium counterpart is clock-email.spec.ts.
// - The clock: Firefox's MV3 background is an event page that it suspends when idle (30 s; 1.5 s
//   here). Each response wakes it for webRequest.onResponseStarted, but a new page start used to
//   forget the servers seen before, so three skewed servers met across suspensions never made an
//   estimate that corrects. The samples now wait in storage.session (lib/clock/memory.ts):
//   clock.status reports the offset from the three honest servers (a lying fourth is dropped),
//   correcting by default, and codes.get follows corrected time.
// - E-mail codes: a login page that says it e-mailed a one-time password, a "webmail" tab on
//   another site (localhost) named as the mailbox: email.offer shows the recent code and
//   autofill.fill fills it with source "email"; off by default (no-email-code).
import { expect, test } from '@playwright/test';
import { api, type Driver } from './drivers/driver';
import { launchFirefox } from './drivers/firefox';
import { SITE } from './extension';
import { PASSPHRASE, totpNow } from './helpers';
import { skewedServer, type SkewedServer } from './skewed-server';

const SKEW_MS = 47_000;
const SECRET = 'JBSWY3DPEHPK3PXP';

/** How many background pages the add-on has running now (0 while its event page is suspended). */
const backgrounds = (d: Driver) => d.extensionPage.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['BACKGROUND' as never] })).length);

test.describe('firefox: clock and e-mail codes', () => {
  test('skewed Date headers seen across event-page suspensions: clock.status and corrected codes', async () => {
    const d = await launchFirefox({ prefs: { 'extensions.background.idle.timeout': 1500 } });
    const servers: SkewedServer[] = [];
    try {
      await api(d, { type: 'vault.setup', passphrase: PASSPHRASE });
      const { added } = await api<{ added: Array<{ id: string }> }>(d, { type: 'accounts.import', text: `otpauth://totp/Clock:me?secret=${SECRET}` });
      const id = added[0]!.id;
      servers.push(...(await Promise.all(['127.0.0.2', '127.0.0.3', '127.0.0.4'].map((host) => skewedServer(host, SKEW_MS)))));
      servers.push(await skewedServer('127.0.0.5', -3_600_000));
      for (const s of servers) {
        // The event page is suspended before each server is met: only what it kept can add up.
        await expect.poll(() => backgrounds(d), { timeout: 20_000 }).toBe(0);
        const page = await d.openPage(s.url);
        // A fetch from the page as well: the same server counts once.
        await page.evaluate(() => fetch(location.href, { cache: 'no-store' }).then((r) => r.text()));
        await page.close();
      }
      await expect.poll(() => backgrounds(d), { timeout: 20_000 }).toBe(0);
      const status = await api<{ offsetMs: number; samples: number; checkedAt: number; correcting: boolean }>(d, { type: 'clock.status' });
      expect(status.samples).toBe(3);
      expect(Math.abs(status.offsetMs + SKEW_MS)).toBeLessThan(1_500);
      expect(status.correcting).toBe(true);
      expect(Math.abs(status.checkedAt - Date.now())).toBeLessThan(60_000);

      // Codes on corrected time (compared around the call: it may cross a step boundary).
      const want = [totpNow(SECRET, { timestamp: Date.now() + SKEW_MS })];
      const got = await api<{ code: string }>(d, { type: 'codes.get', id });
      want.push(totpNow(SECRET, { timestamp: Date.now() + SKEW_MS }));
      expect(want).toContain(got.code);

      // No server's name is kept, in memory-only storage or on disk.
      const kept = await d.extensionPage.evaluate(async () => JSON.stringify([await chrome.storage.session.get(null), await chrome.storage.local.get(null)]));
      expect(kept).not.toMatch(/127\.0\.0\.[2-5]/);
    } finally {
      await d.close();
      for (const s of servers) await s.close();
    }
  });

  test('a login page that e-mailed its code: offered and filled from an open webmail tab, source email', async () => {
    const d = await launchFirefox();
    try {
      await api(d, { type: 'vault.setup', passphrase: PASSPHRASE });
      // The "webmail" is the same server under another site name (localhost ≠ 127.0.0.1).
      const mailbox = SITE.replace('127.0.0.1', 'localhost');
      await d.openPage(`${mailbox}/email/yahoo-jp-list.html`);
      const loginUrl = `${SITE}/autofill/c15-ja-onetime-mail.html`;
      const login = await d.openPage(loginUrl);
      const tabId = (await d.tabs()).find((t) => t.url === loginUrl)!.id;

      // Off by default: nothing offered, no-email-code.
      expect(await api(d, { type: 'email.offer', tabId })).toEqual({ ok: true, code: null, receivedAt: null });
      expect(await d.rawApi({ type: 'autofill.fill', tabId })).toMatchObject({ ok: false, error: { code: 'no-email-code' } });

      await api(d, { type: 'settings.set', settings: { emailCodes: { enabled: true, mailboxes: [mailbox] } } });
      const offer = await api<{ code: string | null; receivedAt: number | null }>(d, { type: 'email.offer', tabId });
      expect(offer.code).toBe('538201');
      expect(Date.now() - offer.receivedAt!).toBeLessThan(4 * 60_000);
      expect(await d.rawApi({ type: 'autofill.fill', tabId })).toEqual({ ok: true, filled: true, accountId: '', fields: 1, source: 'email' });
      expect(await login.value('#otp')).toBe('538201');
      expect(await login.text('#result')).toBe('538201');

      // Nothing from the mailbox was kept.
      const local = await d.extensionPage.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
      expect(local).not.toContain('538201');
    } finally {
      await d.close();
    }
  });
});
