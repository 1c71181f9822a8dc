// Issue 3, end to end through the real extension in headless Chromium: `qr.scanTab`
// (shared/automation-api.md) on pages whose codes are generated at test time (tests/e2e/qr-pages.ts):
// every place a code can be (<img> as a data URL and cross-origin, <canvas>, inline <svg>, CSS
// background, a same-origin frame, an open shadow root), tiny, inverted and HiDPI codes, two codes
// on a page, Google Authenticator exports (10 accounts; batch 2 of 3), a malformed otpauth URI and
// a plain web link (nothing added), a page with no code and a code only a capture can read (a
// tainted canvas). Each answer is checked for `found`, `added` (bound to the page's site when read from a resource of that site; codes of another site are added unbound, issue 11),
// `duplicates` on a second scan, `errors`, and for the absence of any secret. Then the review
// flow (`add: false` → `qr.confirm` with renames and other sites), the pages that cannot be
// scanned (`unscriptable`, `not-found`), a page at device pixel ratio 2, and the popup's
// "Scan QR code on this page" and the options page's image import when the UI is there.
//
// One browser for the whole file (beforeAll): every test makes its own accounts with fresh
// secrets and looks only at them, so tests do not depend on each other's order.
import { test, expect, type Locator, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHarness, type Harness } from './extension';
import { openOptionsSection } from './helpers';
import {
  codePng, codeSide, dataUrlOf, drawIntoCanvas, inShadowRoot, migrationExport, noCodePng, preload, screenshotPng, startQrSite, svgOf, totpAccount,
  type QrSite, type TestAccount,
} from './qr-pages';
import qrStrings from '../../lib/i18n/strings/qr';

// Not 'serial': the file's tests still run in order in one worker (playwright.config.ts has no
// fullyParallel) sharing the browser made in beforeAll, but a failure does not skip the rest:
// the next test gets a new worker and a fresh browser.
test.describe.configure({ mode: 'default', timeout: 45_000 });

const SITE_OF_PAGES = '127.0.0.1'; // siteOf() of an IP host is the bare IP

interface Found {
  kind: 'otpauth' | 'migration' | 'other';
  accounts: Array<{ issuer: string; label: string }>;
  batch?: { index: number; size: number };
  error?: { code: string; message: string };
  source?: { site: string | null };
}
interface ScanAnswer {
  ok: boolean;
  error?: { code: string; message: string };
  found: Found[];
  added: Array<{ id: string; issuer: string; label: string }>;
  duplicates: number;
  errors: Array<{ line: number; code: string; message: string }>;
  missingBatches?: Array<{ size: number; missing: number[] }>;
  scanId?: string;
  items?: Array<{ index: number; issuer: string; label: string }>;
  sites?: string[];
}
interface AccountSummary {
  id: string;
  issuer: string;
  label: string;
  sites: string[];
}

// --- the browser -----------------------------------------------------------------------------

async function tabIdOf(sw: Worker, url: string): Promise<number> {
  const id = await sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

const openQrHarness = (site: QrSite, options: { deviceScaleFactor?: number } = {}) =>
  openHarness(site.page('start', '<p>Nothing here yet.</p>'), options);

let site: QrSite;
let h: Harness;

test.beforeAll(async () => {
  site = await startQrSite();
  h = await openQrHarness(site);
});

test.afterAll(async () => {
  await h?.close();
  await site?.close();
});

// --- helpers -----------------------------------------------------------------------------------

async function open(hh: Harness, url: string): Promise<void> {
  await hh.page.goto(url);
  await expect(hh.page.locator('html')).toHaveAttribute('data-ready', '1');
}

async function scan(hh: Harness, extra: Record<string, unknown> = {}): Promise<ScanAnswer> {
  return (await hh.raw({ type: 'qr.scanTab', tabId: hh.tabId, ...extra })) as unknown as ScanAnswer;
}

async function listed(hh: Harness): Promise<AccountSummary[]> {
  return (await hh.api<{ accounts: AccountSummary[] }>({ type: 'accounts.list' })).accounts;
}

const names = (xs: Array<{ issuer: string; label: string }>) => xs.map((x) => `${x.issuer} / ${x.label}`).sort();

/** No secret (Base32 seed), no whole URI and no export payload anywhere in an answer. */
function expectNoSecret(answer: unknown, accounts: TestAccount[], uris: string[] = []): void {
  const json = JSON.stringify(answer);
  for (const a of accounts) {
    expect(json).not.toContain(a.secret);
    expect(json).not.toContain(a.uri);
  }
  for (const u of uris) {
    expect(json).not.toContain(u);
    const data = /data=([^&]+)/.exec(u)?.[1];
    if (data) {
      expect(json).not.toContain(data);
      expect(json).not.toContain(decodeURIComponent(data));
    }
  }
  expect(json).not.toMatch(/secret=/i);
}

/**
 * The whole contract for a page whose codes hold `accounts`: first scan adds exactly them,
 * bound to the page's site, with no errors; the second adds nothing and counts them as duplicates.
 */
async function expectEnrolls(hh: Harness, accounts: TestAccount[], expectFound: (found: Found[]) => void, uris: string[] = [], bound: string[] = [SITE_OF_PAGES]): Promise<ScanAnswer> {
  const first = await scan(hh);
  expect(first.ok, JSON.stringify(first.error)).toBe(true);
  expectFound(first.found);
  expect(first.errors).toEqual([]);
  expect(first.duplicates).toBe(0);
  expect(names(first.added)).toEqual(names(accounts));
  expectNoSecret(first, accounts, uris);

  const byId = new Map((await listed(hh)).map((a) => [a.id, a]));
  for (const a of first.added) {
    const stored = byId.get(a.id);
    expect(stored, `${a.issuer} / ${a.label} listed`).toBeDefined();
    expect(stored!.sites).toEqual(bound);
  }

  const second = await scan(hh);
  expect(second.ok).toBe(true);
  expect(second.added).toEqual([]);
  expect(second.duplicates).toBe(accounts.length);
  expect(second.errors).toEqual([]);
  expect(second.found.length).toBe(first.found.length);
  expectNoSecret(second, accounts, uris);
  return first;
}

const oneOtpauth = (a: TestAccount) => (found: Found[]) =>
  expect(found).toEqual([{ kind: 'otpauth', accounts: [{ issuer: a.issuer, label: a.label }] }]);
/** A code read from another site's resource (issue 11): `found` says which; the account is added unbound. */
const oneFromSite = (a: TestAccount, site: string | null) => (found: Found[]) =>
  expect(found).toEqual([{ kind: 'otpauth', accounts: [{ issuer: a.issuer, label: a.label }], source: { site } }]);
const OTHER_SITE = 'localhost'; // site.other: the same server as another site

/** Makes the options page the active tab, so a capture of the scanned tab must activate it first. */
async function deactivate(hh: Harness): Promise<void> {
  await hh.extPage.bringToFront();
  expect(await hh.sw.evaluate((id) => chrome.tabs.get(id).then((t) => t.active), hh.tabId)).toBe(false);
}

const isActive = (hh: Harness) => hh.sw.evaluate((id) => chrome.tabs.get(id).then((t) => t.active), hh.tabId);

// --- one code per page, from every source -------------------------------------------------------

test('an <img> with a data: URL', async () => {
  const a = totpAccount('Data URL Co', 'img-data@example.com');
  await open(h, site.page('img-data', `<img alt="QR" src="${dataUrlOf(codePng(a.uri))}" width="200">`));
  await expectEnrolls(h, [a], oneOtpauth(a));
});

test('a cross-origin <img> without CORS headers (fetched by the background, anonymously): another site\'s code, added unbound', async () => {
  const a = totpAccount('Cross Origin Co', 'img-cross@example.com');
  const path = site.image(codePng(a.uri));
  await open(h, site.page('img-cross', `<img alt="QR" src="${site.other}${path}" width="200">`));
  // The page cannot read these pixels: a canvas drawing them is tainted.
  expect(await h.page.evaluate(() => {
    const img = document.querySelector('img')!;
    const c = document.createElement('canvas');
    c.width = c.height = 10;
    c.getContext('2d')!.drawImage(img, 0, 0);
    try { c.toDataURL(); return 'readable'; } catch (e) { return (e as Error).name; }
  })).toBe('SecurityError');
  // Read from the DOM scan, not from a capture: the scan leaves the tab in the background.
  await deactivate(h);
  await expectEnrolls(h, [a], oneFromSite(a, OTHER_SITE), [], []);
  expect(await isActive(h)).toBe(false);
});

test('a cross-origin CSS background image: another site\'s code, added unbound', async () => {
  const a = totpAccount('Cross Css Co', 'css-cross@example.com');
  const url = `${site.other}${site.image(codePng(a.uri))}`;
  await open(h, site.page('css-cross', `<div style="width:220px;height:220px;background:url('${url}') center/contain no-repeat"></div>${preload(url)}`));
  await deactivate(h);
  await expectEnrolls(h, [a], oneFromSite(a, OTHER_SITE), [], []);
  expect(await isActive(h)).toBe(false);
});

test('a <canvas>', async () => {
  const a = totpAccount('Canvas Co', 'canvas@example.com');
  await open(h, site.page('canvas', drawIntoCanvas('c', site.image(codePng(a.uri)))));
  await expectEnrolls(h, [a], oneOtpauth(a));
});

test('an inline <svg>', async () => {
  const a = totpAccount('Svg Co', 'svg@example.com');
  await open(h, site.page('svg', await svgOf(a.uri)));
  await expectEnrolls(h, [a], oneOtpauth(a));
});

test('a CSS background image', async () => {
  const a = totpAccount('Css Co', 'css@example.com');
  const path = site.image(codePng(a.uri));
  await open(h, site.page('css', `<div style="width:220px;height:220px;background:url('${path}') center/contain no-repeat"></div>${preload(path)}`));
  await expectEnrolls(h, [a], oneOtpauth(a));
});

test('an <img> inside a same-origin <iframe>', async () => {
  const a = totpAccount('Frame Co', 'frame@example.com');
  const inner = site.page('frame-inner', `<img alt="QR" src="${site.image(codePng(a.uri))}" width="200">`);
  await open(h, site.page('frame', `<iframe src="${inner}" width="320" height="320"></iframe>`));
  await expectEnrolls(h, [a], oneOtpauth(a));
});

test('an <img> inside a cross-site <iframe>: the frame\'s site\'s code, added unbound (issue 11)', async () => {
  const a = totpAccount('Cross Frame Co', 'frame-cross@example.com');
  const inner = site.page('frame-cross-inner', `<img alt="QR" src="${site.image(codePng(a.uri))}" width="200">`).replace(site.origin, site.other);
  await open(h, site.page('frame-cross', `<iframe src="${inner}" width="320" height="320"></iframe>`));
  await expect.poll(() => h.page.frames().find((f) => f.url() === inner)?.locator('html').getAttribute('data-ready')).toBe('1');
  await expectEnrolls(h, [a], oneFromSite(a, OTHER_SITE), [], []);
});

test('an <img> inside an open shadow root', async () => {
  const a = totpAccount('Shadow Co', 'shadow@example.com');
  await open(h, site.page('shadow', inShadowRoot(`<img alt="QR" src="${site.image(codePng(a.uri))}" width="200">`)));
  await expectEnrolls(h, [a], oneOtpauth(a));
});

test('a tiny code (2 px per module, shown at its natural size)', async () => {
  const a = totpAccount('Tiny Co', 'tiny@example.com');
  await open(h, site.page('tiny', `<img alt="QR" src="${site.image(codePng(a.uri, { px: 2 }))}">`));
  expect(await h.page.locator('img').evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(codeSide(a.uri, 2));
  await expectEnrolls(h, [a], oneOtpauth(a));
});

test('an inverted code (light modules on dark)', async () => {
  const a = totpAccount('Inverted Co', 'inverted@example.com');
  await open(h, site.page('inverted', `<img alt="QR" src="${site.image(codePng(a.uri, { invert: true }))}" width="200">`));
  await expectEnrolls(h, [a], oneOtpauth(a));
});

test('HiDPI: an <img srcset="… 2x"> at device pixel ratio 1 reads the 1x source shown', async () => {
  // Different accounts in the 1x and 2x files show which source the scan read.
  const one = totpAccount('Srcset Co', 'srcset-1x@example.com');
  const two = totpAccount('Srcset Co', 'srcset-2x@example.com');
  const w = codeSide(one.uri, 3);
  await open(h, site.page('srcset', `<img alt="QR" src="${site.image(codePng(one.uri, { px: 3 }))}" srcset="${site.image(codePng(two.uri, { px: 6 }))} 2x" width="${w}" height="${w}">`));
  await expectEnrolls(h, [one], oneOtpauth(one));
});

test('two codes on one page: two entries in found', async () => {
  const a = totpAccount('Two Co', 'first@example.com');
  const b = totpAccount('Two Co', 'second@example.com');
  await open(h, site.page('two', `<img alt="QR 1" src="${site.image(codePng(a.uri))}" width="200"><img alt="QR 2" src="${site.image(codePng(b.uri))}" width="200">`));
  await expectEnrolls(h, [a, b], (found) => {
    expect(found).toHaveLength(2);
    expect(found).toEqual(expect.arrayContaining([
      { kind: 'otpauth', accounts: [{ issuer: a.issuer, label: a.label }] },
      { kind: 'otpauth', accounts: [{ issuer: b.issuer, label: b.label }] },
    ]));
  });
});

test('the same code shown twice (an <img> and an <svg>): one entry in found', async () => {
  const a = totpAccount('Twice Co', 'twice@example.com');
  await open(h, site.page('twice', `<img alt="QR" src="${site.image(codePng(a.uri))}" width="200">${await svgOf(a.uri)}`));
  await expectEnrolls(h, [a], oneOtpauth(a));
});

test('a lazy <img> below the fold, not loaded yet', async () => {
  const a = totpAccount('Lazy Co', 'lazy@example.com');
  await open(h, site.page('lazy', `<div style="height:4000px">Scroll down for the code.</div><img alt="QR" loading="lazy" src="${site.image(codePng(a.uri))}" width="200" height="200">`));
  expect(await h.page.locator('img').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(false);
  await expectEnrolls(h, [a], oneOtpauth(a));
});

// --- what codes may hold ------------------------------------------------------------------------

test('a Google Authenticator export of 10 accounts', async () => {
  const { accounts, uri } = migrationExport(10, { index: 1, size: 1 }, 'Export Ten');
  await open(h, site.page('migration-10', `<img alt="QR" src="${site.image(codePng(uri, { px: 4 }))}">`));
  const first = await expectEnrolls(h, accounts, (found) => {
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe('migration');
    expect(found[0]!.batch).toEqual({ index: 1, size: 1 });
    expect(found[0]!.error).toBeUndefined();
    expect(names(found[0]!.accounts)).toEqual(names(accounts));
    expect(found[0]!.accounts).toHaveLength(10);
  }, [uri]);
  expect(first.added).toHaveLength(10);
  expect(first.missingBatches ?? []).toEqual([]);
});

test('batch 2 of 3 of an export: its accounts added, batches 1 and 3 reported missing', async () => {
  const { accounts, uri } = migrationExport(3, { index: 2, size: 3 }, 'Export Batch');
  await open(h, site.page('migration-batch', `<img alt="QR" src="${site.image(codePng(uri, { px: 4 }))}">`));
  const first = await expectEnrolls(h, accounts, (found) => {
    expect(found).toEqual([{ kind: 'migration', accounts: accounts.map((a) => ({ issuer: a.issuer, label: a.label })), batch: { index: 2, size: 3 } }]);
  }, [uri]);
  expect(first.missingBatches).toEqual([{ size: 3, missing: [1, 3] }]);
});

test('a malformed otpauth URI: kind otpauth with an error, nothing added', async () => {
  // Base32 has no '*' or '1', and 12 digits is out of range.
  const uri = 'otpauth://totp/Broken:dave@example.com?secret=NOT*BASE32-1&issuer=Broken&digits=12';
  await open(h, site.page('malformed', `<img alt="QR" src="${site.image(codePng(uri))}" width="200">`));
  const before = (await listed(h)).length;
  const a = await scan(h);
  expect(a.ok).toBe(true);
  expect(a.found).toHaveLength(1);
  expect(a.found[0]).toMatchObject({ kind: 'otpauth', accounts: [] });
  expect(a.found[0]!.error?.code).toMatch(/^bad-/);
  expect(a.found[0]!.error?.message.length).toBeGreaterThan(10);
  expect(a.added).toEqual([]);
  expect(a.duplicates).toBe(0);
  expect(a.errors).toEqual([{ line: 1, code: a.found[0]!.error!.code, message: a.found[0]!.error!.message }]);
  expect(JSON.stringify(a)).not.toContain('NOT*BASE32');
  expect((await listed(h)).length).toBe(before);
});

test('a plain https URL: kind other, explained, nothing added', async () => {
  const url = 'https://example.com/welcome?ref=qr';
  await open(h, site.page('https', `<img alt="QR" src="${site.image(codePng(url))}" width="200">`));
  const before = (await listed(h)).length;
  const a = await scan(h);
  expect(a.ok).toBe(true);
  expect(a.found).toEqual([{ kind: 'other', accounts: [], error: { code: 'bad-scheme', message: qrStrings.en['qr.kind.other'] } }]);
  expect(a.added).toEqual([]);
  expect(a.duplicates).toBe(0);
  expect(a.errors).toEqual([{ line: 1, code: 'bad-scheme', message: qrStrings.en['qr.kind.other'] }]);
  expect((await listed(h)).length).toBe(before);
});

// --- the capture fallback ---------------------------------------------------------------------

test('a page without any code: found [] (after the capture fallback, which activates the tab)', async () => {
  await open(h, site.page('no-code', `<p>Your account is ready.</p><img alt="a picture" src="${site.image(noCodePng())}" width="320">${drawIntoCanvas('c', site.image(noCodePng(200, 120)))}`));
  await deactivate(h);
  const before = (await listed(h)).length;
  const a = await scan(h);
  expect(a.ok, JSON.stringify(a.error)).toBe(true);
  expect(a.found).toEqual([]);
  expect(a.added).toEqual([]);
  expect(a.duplicates).toBe(0);
  expect(a.errors).toEqual([]);
  // The DOM gave nothing, so the scan captured the tab, which it activated first.
  expect(await isActive(h)).toBe(true);
  expect((await listed(h)).length).toBe(before);
});

test('a code only in a tainted canvas (cross-origin image drawn into it): read from a capture, of unknown source, added unbound', async () => {
  const a = totpAccount('Tainted Co', 'tainted@example.com');
  await open(h, site.page('tainted', drawIntoCanvas('c', `${site.other}${site.image(codePng(a.uri, { px: 5 }))}`)));
  expect(await h.page.evaluate(() => { try { document.querySelector('canvas')!.toDataURL(); return 'readable'; } catch (e) { return (e as Error).name; } })).toBe('SecurityError');
  await deactivate(h);
  await expectEnrolls(h, [a], oneFromSite(a, null), [], []);
  expect(await isActive(h)).toBe(true);
});

// --- review before adding -------------------------------------------------------------------------

test('add: false holds the scan (scanId, items, nothing added); qr.confirm adds exactly what was kept, renamed', async () => {
  const a = totpAccount('Review Co', 'keep@example.com');
  const b = totpAccount('Review Co', 'drop@example.com');
  await open(h, site.page('review', `<img alt="QR 1" src="${site.image(codePng(a.uri))}" width="200"><img alt="QR 2" src="${site.image(codePng(b.uri))}" width="200">`));
  const before = await listed(h);
  const held = await scan(h, { add: false });
  expect(held.ok).toBe(true);
  expect(held.found).toHaveLength(2);
  expect(held.added).toEqual([]);
  expect(held.duplicates).toBe(0);
  expect(held.scanId).toEqual(expect.any(String));
  expect(held.sites).toEqual([SITE_OF_PAGES]);
  expect(names(held.items!)).toEqual(names([a, b]));
  expectNoSecret(held, [a, b]);
  expect(await listed(h)).toEqual(before);

  const keep = held.items!.find((i) => i.label === a.label)!;
  const done = await h.api<{ added: Array<{ id: string; issuer: string; label: string }>; duplicates: number }>({
    type: 'qr.confirm', scanId: held.scanId, keep: [{ index: keep.index, issuer: 'Renamed Co', label: 'renamed@example.com' }], sites: ['https://www.example.com/login', 'example.org'],
  });
  expect(done.added).toEqual([{ id: expect.any(String), issuer: 'Renamed Co', label: 'renamed@example.com' }]);
  expect(done.duplicates).toBe(0);
  expectNoSecret(done, [a, b]);
  const after = await listed(h);
  expect(after).toHaveLength(before.length + 1);
  const stored = after.find((x) => x.id === done.added[0]!.id)!;
  expect(stored).toMatchObject({ issuer: 'Renamed Co', label: 'renamed@example.com', sites: ['example.com', 'example.org'] });
  expect(after.some((x) => x.label === b.label || x.label === a.label)).toBe(false);

  // A held scan is used once.
  const again = await h.raw({ type: 'qr.confirm', scanId: held.scanId, keep: [{ index: 0 }] });
  expect(again.error?.code).toBe('not-found');

  // Confirmed without `sites` and without names: the page's site and the code's own names.
  const held2 = await scan(h, { add: false });
  const drop = held2.items!.find((i) => i.label === b.label)!;
  const done2 = await h.api<{ added: Array<{ id: string; issuer: string; label: string }> }>({ type: 'qr.confirm', scanId: held2.scanId, keep: [{ index: drop.index }] });
  expect(done2.added).toEqual([{ id: expect.any(String), issuer: b.issuer, label: b.label }]);
  expect((await listed(h)).find((x) => x.id === done2.added[0]!.id)?.sites).toEqual([SITE_OF_PAGES]);
});

// --- tabs that cannot be scanned ----------------------------------------------------------------

test('unscriptable: a chrome:// page and the extension\'s own page; not-found: an unknown tab id', async () => {
  const chromePage = await h.context.newPage();
  try {
    await chromePage.goto('chrome://version');
    const chromeTab = await tabIdOf(h.sw, 'chrome://version/');
    const a = await h.raw({ type: 'qr.scanTab', tabId: chromeTab });
    expect(a.ok).toBe(false);
    expect(a.error?.code).toBe('unscriptable');
  } finally {
    await chromePage.close();
  }
  const own = await tabIdOf(h.sw, `chrome-extension://${h.extensionId}/options.html`);
  const b = await h.raw({ type: 'qr.scanTab', tabId: own });
  expect(b.ok).toBe(false);
  expect(b.error?.code).toBe('unscriptable');

  const c = await h.raw({ type: 'qr.scanTab', tabId: 987654321 });
  expect(c.ok).toBe(false);
  expect(c.error?.code).toBe('not-found');
});

// --- device pixel ratio 2 -----------------------------------------------------------------------

test('device pixel ratio 2: the srcset 2x source, a plain <img>, and the capture fallback', async () => {
  const hd = await openQrHarness(site, { deviceScaleFactor: 2 });
  try {
    expect(await hd.page.evaluate(() => devicePixelRatio)).toBe(2);
    const one = totpAccount('Dpr Two Co', 'srcset-1x@example.com');
    const two = totpAccount('Dpr Two Co', 'srcset-2x@example.com');
    const w = codeSide(one.uri, 3);
    await open(hd, site.page('dpr2-srcset', `<img alt="QR" src="${site.image(codePng(one.uri, { px: 3 }))}" srcset="${site.image(codePng(two.uri, { px: 6 }))} 2x" width="${w}" height="${w}">`));
    await expectEnrolls(hd, [two], oneOtpauth(two));

    const plain = totpAccount('Dpr Two Co', 'plain@example.com');
    await open(hd, site.page('dpr2-img', `<img alt="QR" src="${site.image(codePng(plain.uri, { px: 3 }))}" width="${codeSide(plain.uri, 3)}">`));
    await expectEnrolls(hd, [plain], oneOtpauth(plain));

    const tainted = totpAccount('Dpr Two Co', 'tainted@example.com');
    await open(hd, site.page('dpr2-tainted', drawIntoCanvas('c', `${site.other}${site.image(codePng(tainted.uri, { px: 4 }))}`)));
    // Another site's picture in a tainted canvas: read from the capture, source unknown, added unbound (issue 11).
    await expectEnrolls(hd, [tainted], oneFromSite(tainted, null), [], []);
  } finally {
    await hd.close();
  }
});

// --- the UI ---------------------------------------------------------------------------------------

/**
 * The popup over the QR page. Playwright cannot attach to a real action popup
 * (action.openPopup() opens one, but it is not a target Playwright drives), so popup.html opens
 * in a new unfocused window: the QR page stays the active tab of the last focused window,
 * which is what the popup asks for (components/popup/active-tab.ts).
 */
async function openPopupOver(hh: Harness, over: Page = hh.page): Promise<Page> {
  await over.bringToFront();
  const opened = hh.context.waitForEvent('page');
  await hh.sw.evaluate((url) => chrome.windows.create({ url, focused: false, width: 420, height: 640 }), `chrome-extension://${hh.extensionId}/popup.html`);
  const popup = await opened;
  await popup.waitForLoadState();
  return popup;
}

/** The review row whose Account field holds `label` (a property, not an attribute, in Preact). */
async function reviewRow(review: Locator, label: string): Promise<Locator> {
  const rows = review.locator('li[data-scan-item]');
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) if ((await row.getByLabel('Account').inputValue()) === label) return row;
  throw new Error(`no review row for ${label}`);
}

test('popup: "Scan QR code on this page", then review: one box unticked, names and site changed', async () => {
  const a = totpAccount('Popup Co', 'popup-keep@example.com');
  const b = totpAccount('Popup Co', 'popup-skip@example.com');
  await open(h, site.page('popup-scan', `<img alt="QR 1" src="${site.image(codePng(a.uri))}" width="200"><img alt="QR 2" src="${site.image(codePng(b.uri))}" width="200">`));
  const before = await listed(h);
  const popup = await openPopupOver(h);
  await popup.getByRole('button', { name: 'Scan QR code on this page' }).click();
  const review = popup.getByRole('form', { name: '2 QR codes found' });
  await expect(review).toBeVisible();
  // Nothing is saved before the user confirms.
  expect(await listed(h)).toEqual(before);
  await expect(popup.locator('body')).not.toContainText(a.secret);
  const rowA = await reviewRow(review, a.label);
  const rowB = await reviewRow(review, b.label);
  await rowB.getByRole('checkbox').uncheck();
  await rowA.getByLabel('Issuer').fill('Popup Renamed');
  await rowA.getByLabel('Account').fill('renamed-in-popup@example.com');
  await expect(review.getByLabel('Site to fill into (optional)')).toHaveValue(SITE_OF_PAGES);
  await review.getByLabel('Site to fill into (optional)').fill('example.net');
  await review.getByRole('button', { name: 'Add 1 accounts' }).click();
  await expect(popup.getByText('1 added, 0 already present.')).toBeVisible();
  const after = await listed(h);
  expect(after).toHaveLength(before.length + 1);
  expect(after.filter((x) => x.label === 'renamed-in-popup@example.com')).toEqual([
    expect.objectContaining({ issuer: 'Popup Renamed', sites: ['example.net'] }),
  ]);
  expect(after.some((x) => x.label === b.label)).toBe(false);
  await popup.close();
});

test('popup over a page Tessera cannot read: the reason, and the screenshot alternative', async () => {
  const browserPage = await h.context.newPage();
  await browserPage.goto('chrome://version');
  const popup = await openPopupOver(h, browserPage);
  try {
    await popup.getByRole('button', { name: 'Scan QR code on this page' }).click();
    await expect(popup.getByText('Tessera cannot read this page')).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Paste or drop a screenshot instead' })).toBeVisible();
  } finally {
    await popup.close();
    await browserPage.close();
  }
});

// --- options page: image files, paste, drop ---------------------------------------------------------

/** A fresh options page and its "Add from QR code images" section. */
async function imagesSection(hh: Harness): Promise<{ options: Page; section: Locator }> {
  const options = await hh.context.newPage();
  await options.goto(`chrome-extension://${hh.extensionId}/options.html`);
  await openOptionsSection(options, 'Add');
  const section = options.getByRole('region', { name: 'Add from QR code images' });
  await expect(section).toBeVisible();
  return { options, section };
}

/** Hands `png` to the page as a File: pasted on the document, or dropped on `target`. */
async function pasteOrDrop(target: Locator, how: 'paste' | 'drop', png: Buffer, name: string): Promise<void> {
  await target.evaluate((el, [how, b64, name]) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], name, { type: 'image/png' }));
    if (how === 'paste') el.ownerDocument.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    else {
      el.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, [how, png.toString('base64'), name] as const);
}

test('options page: several image files at once, reviewed, then added (no site: they come from no page)', async () => {
  const a = totpAccount('File Co', 'file-a@example.com');
  const b = totpAccount('File Co', 'file-b@example.com');
  const exp = migrationExport(2, { index: 1, size: 2 }, 'File Export');
  const dir = mkdtempSync(join(tmpdir(), 'tessera-qr-files-'));
  const files = [['a.png', codePng(a.uri)], ['b.png', codePng(b.uri, { invert: true })], ['export.png', codePng(exp.uri, { px: 4 })]] as const;
  for (const [name, png] of files) writeFileSync(join(dir, name), png);
  const { options, section } = await imagesSection(h);
  try {
    const before = await listed(h);
    await section.getByLabel('Image files').setInputFiles(files.map(([name]) => join(dir, name)));
    const review = section.getByRole('form', { name: '3 QR codes found' });
    await expect(review).toBeVisible();
    await expect(review).toContainText('Google Authenticator export · Batch 1 of 2 · 2');
    await expect(review).toContainText('Still missing from this export: batch 2.');
    await expect(review.locator('li[data-scan-item]')).toHaveCount(4);
    await expect(review.getByLabel('Site to fill into (optional)')).toHaveValue('');
    await expect(options.locator('body')).not.toContainText(a.secret);
    expect(await listed(h)).toEqual(before);
    await review.getByRole('button', { name: 'Add 4 accounts' }).click();
    await expect(section.getByText('4 added, 0 already present.')).toBeVisible();
    const added = (await listed(h)).filter((x) => !before.some((y) => y.id === x.id));
    expect(names(added)).toEqual(names([a, b, ...exp.accounts]));
    for (const x of added) expect(x.sites).toEqual([]);
  } finally {
    await options.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('options page: a pasted screenshot and a dropped image, each renamed and bound before adding', async () => {
  const pasted = totpAccount('Paste Co', 'pasted@example.com');
  const dropped = totpAccount('Drop Co', 'dropped@example.com');
  const { options, section } = await imagesSection(h);
  try {
    const before = await listed(h);
    // A whole 1280×720 "screenshot" with the code at 3 px per module, pasted (Ctrl+V).
    await pasteOrDrop(section, 'paste', screenshotPng(pasted.uri), 'screenshot.png');
    let review = section.getByRole('form', { name: '1 QR codes found' });
    await expect(review).toBeVisible();
    let row = await reviewRow(review, pasted.label);
    await row.getByLabel('Issuer').fill('Pasted Renamed');
    await review.getByLabel('Site to fill into (optional)').fill('https://login.example.com/2fa');
    await review.getByRole('button', { name: 'Add 1 accounts' }).click();
    await expect(section.getByText('1 added, 0 already present.')).toBeVisible();

    await pasteOrDrop(section.getByLabel('Image files'), 'drop', codePng(dropped.uri), 'dropped.png');
    review = section.getByRole('form', { name: '1 QR codes found' });
    await expect(review).toBeVisible();
    row = await reviewRow(review, dropped.label);
    await row.getByLabel('Account').fill('dropped-renamed@example.com');
    await review.getByRole('button', { name: 'Add 1 accounts' }).click();
    await expect(section.getByText('1 added, 0 already present.')).toBeVisible();

    const added = (await listed(h)).filter((x) => !before.some((y) => y.id === x.id));
    expect(added.map(({ issuer, label, sites }) => ({ issuer, label, sites })).sort((x, y) => x.label.localeCompare(y.label))).toEqual([
      { issuer: 'Drop Co', label: 'dropped-renamed@example.com', sites: [] },
      { issuer: 'Pasted Renamed', label: pasted.label, sites: ['example.com'] },
    ]);
  } finally {
    await options.close();
  }
});

test('options page: an image without any code adds nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-qr-files-'));
  writeFileSync(join(dir, 'photo.png'), noCodePng(640, 400));
  const { options, section } = await imagesSection(h);
  try {
    const before = await listed(h);
    await section.getByLabel('Image files').setInputFiles(join(dir, 'photo.png'));
    // Images without a code say so in their own words, and open no review.
    await expect(section.getByText('No QR code was found in these images.')).toBeVisible();
    await expect(section.getByRole('button', { name: /^Add \d+ accounts$/ })).toHaveCount(0);
    expect(await listed(h)).toEqual(before);
  } finally {
    await options.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('options page: a file that is not an image says so', async () => {
  // Regression: the unreadable-image message used to hide behind an empty review.
  test.setTimeout(15_000);
  const dir = mkdtempSync(join(tmpdir(), 'tessera-qr-files-'));
  writeFileSync(join(dir, 'broken.png'), Buffer.from('this is not a PNG at all'));
  const { options, section } = await imagesSection(h);
  try {
    const before = await listed(h);
    await section.getByLabel('Image files').setInputFiles(join(dir, 'broken.png'));
    await expect(section.getByText(qrStrings.en['qr.unreadableImage']!)).toBeVisible({ timeout: 5_000 });
    expect(await listed(h)).toEqual(before);
  } finally {
    await options.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
