// Issue 11 point 1 end to end: a page scan must not read, with the user's cookies, an image the
// page itself could not read, nor bind to the page an account read from another site's image.
// Two loopback "sites" served by one throwaway server: http://127.0.0.1:<port> (the victim, whose
// enrollment QR image needs its session cookie) and http://localhost:<port> (the hostile page that
// embeds it). Site binding drops ports, and 127.0.0.1 and localhost are two sites (an IP host and
// `localhost` each bind as the bare host), so this is a cross-site embed as far as the browser's
// cookies and Tessera's binding are concerned. The server records every request's cookies.
import { test, expect } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openHarness, type Harness } from './extension';
import { codePng, totpAccount } from './qr-pages';

test.describe.configure({ mode: 'default', timeout: 60_000 });

interface Site {
  victim: string;
  evil: string;
  /** Cookie headers of the requests for the gated QR image, in order. */
  gatedRequests: string[];
  close(): Promise<void>;
}

const COOKIE = 'sid=victim-session';
const victimAccount = totpAccount('Victim Bank', 'victim@example.com');
const publicAccount = totpAccount('Other Site', 'public@example.com');
const evilAccount = totpAccount('Evil Co', 'own@example.com');

async function startSites(): Promise<Site> {
  const gatedRequests: string[] = [];
  const html = (body: string) => `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}<script>window.addEventListener('load', () => { document.documentElement.dataset.ready = '1'; });</script></body></html>`;
  let origin = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const cookie = req.headers.cookie ?? '';
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(body);
    };
    const port = (server.address() as AddressInfo).port;
    const victim = `http://127.0.0.1:${port}`;
    switch (url.pathname) {
      case '/victim/login':
        return send(200, 'text/html', html(`<p>Signed in.</p><img alt="Your 2FA QR" src="/victim/qr.png" width="220">`), { 'set-cookie': `${COOKIE}; Path=/; HttpOnly` });
      case '/victim/qr.png':
        gatedRequests.push(cookie);
        return cookie.includes(COOKIE) ? send(200, 'image/png', codePng(victimAccount.uri)) : send(403, 'text/plain', 'sign in first');
      case '/victim/public.png':
        return send(200, 'image/png', codePng(publicAccount.uri));
      case '/evil/gated':
        return send(200, 'text/html', html(`<h1>Win a prize</h1><img alt="" src="${victim}/victim/qr.png" width="220" height="220">`));
      case '/evil/mixed':
        return send(200, 'text/html', html(`<img alt="" src="${victim}/victim/public.png" width="220"><img alt="" src="/evil/own.png" width="220">`));
      case '/evil/own.png':
        return send(200, 'image/png', codePng(evilAccount.uri));
      default:
        return send(404, 'text/plain', 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    victim: origin,
    evil: `http://localhost:${port}`,
    gatedRequests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface ScanAnswer {
  ok: boolean;
  found: Array<{ kind: string; accounts: Array<{ issuer: string; label: string }>; source?: { site: string | null } }>;
  added: Array<{ id: string; issuer: string; label: string }>;
}

let sites: Site;
let h: Harness;

test.beforeAll(async () => {
  sites = await startSites();
  // The user is signed in to the victim site: its session cookie is in the browser.
  h = await openHarness(`${sites.victim}/victim/login`);
});
test.afterAll(async () => {
  await h?.close();
  await sites?.close();
});

const listed = async () => (await h.api<{ accounts: Array<{ id: string; issuer: string; sites: string[] }> }>({ type: 'accounts.list' })).accounts;
const scan = (extra: Record<string, unknown> = {}) => h.raw({ type: 'qr.scanTab', tabId: h.tabId, ...extra }) as unknown as Promise<ScanAnswer>;

test('a page of another site that embeds the victim\'s cookie-gated QR image gets nothing: the scan sends no cookie', async () => {
  // Control: the victim's own page shows its code to the signed-in user (the cookie works there).
  await expect.poll(() => h.page.evaluate(() => document.querySelector('img')!.naturalWidth)).toBeGreaterThan(0);

  await h.page.goto(`${sites.evil}/evil/gated`);
  await expect(h.page.locator('html')).toHaveAttribute('data-ready', '1');
  const before = sites.gatedRequests.length;
  const a = await scan();
  expect(a.ok).toBe(true);
  // Nothing read: the background asked for the image without the user's cookies, and the page
  // itself never got it either (a capture of the tab shows a broken image).
  expect(a.found).toEqual([]);
  expect(a.added).toEqual([]);
  const during = sites.gatedRequests.slice(before);
  expect(during.length).toBeGreaterThan(0); // the background did ask
  for (const cookie of during) expect(cookie).not.toContain(COOKIE);
  expect((await listed()).some((x) => x.issuer === victimAccount.issuer)).toBe(false);
});

test('another site\'s readable QR image is reported with its site and added unbound; the page\'s own is bound', async () => {
  await h.page.goto(`${sites.evil}/evil/mixed`);
  await expect(h.page.locator('html')).toHaveAttribute('data-ready', '1');
  const a = await scan();
  expect(a.ok).toBe(true);
  expect(a.found).toEqual(expect.arrayContaining([
    { kind: 'otpauth', accounts: [{ issuer: publicAccount.issuer, label: publicAccount.label }], source: { site: '127.0.0.1' } },
    { kind: 'otpauth', accounts: [{ issuer: evilAccount.issuer, label: evilAccount.label }] },
  ]));
  expect(a.found).toHaveLength(2);
  const stored = await listed();
  expect(stored.find((x) => x.issuer === publicAccount.issuer)?.sites).toEqual([]);
  expect(stored.find((x) => x.issuer === evilAccount.issuer)?.sites).toEqual(['localhost']);
  expect(JSON.stringify(a)).not.toContain(publicAccount.secret);
});

test('the review in the popup says where the other site\'s code came from; it is bound only if ticked', async () => {
  for (const x of await listed()) await h.api({ type: 'accounts.remove', id: x.id });
  await h.page.goto(`${sites.evil}/evil/mixed`);
  await expect(h.page.locator('html')).toHaveAttribute('data-ready', '1');
  await h.page.bringToFront();
  const opened = h.context.waitForEvent('page');
  await h.sw.evaluate((url) => chrome.windows.create({ url, focused: false, width: 420, height: 640 }), `chrome-extension://${h.extensionId}/popup.html`);
  const popup = await opened;
  await popup.waitForLoadState();
  await popup.getByRole('button', { name: 'Scan QR code on this page' }).click();
  const review = popup.getByRole('form', { name: '2 QR codes found' });
  await expect(review).toBeVisible();
  const warning = review.locator('[data-scan-from="127.0.0.1"]');
  await expect(warning).toContainText('Read from an image of 127.0.0.1, not from this page’s site');
  await expect(warning.getByRole('checkbox')).not.toBeChecked();
  await expect(review.getByLabel('Site to fill into (optional)')).toHaveValue('localhost');
  await review.getByRole('button', { name: 'Add 2 accounts' }).click();
  await expect(popup.getByText('2 added, 0 already present.')).toBeVisible();
  const stored = await listed();
  expect(stored.find((x) => x.issuer === publicAccount.issuer)?.sites).toEqual([]);
  expect(stored.find((x) => x.issuer === evilAccount.issuer)?.sites).toEqual(['localhost']);
  await popup.close();
});
