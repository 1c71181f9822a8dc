// Issue 4, end to end through the real extension in headless Chromium: every fixture page in
// tests/site/autofill (index.json, each page's <meta name="tessera-expect">) is filled through
// `autofill.fill` without an accountId, so the site binding must pick the account, and the page's
// own script must accept the code (computed here with otpauth, RFC 6238 / RFC 4226); negative
// pages answer no-otp-field and keep every field as it was; a frame of another site is filled
// only for an account bound to that site (DESIGN.md, automation-api.md `autofill.fill`).
// Then the other triggers a test can reach: the chip (click, and the picker by keyboard), the
// popup's popup.use, the opt-in automatic fill, HOTP counters, and a page that tries to reach
// secrets. The shortcut and the context menu are tested through their handlers
// (tests/unit/platform/triggers.test.ts): Playwright can press neither.
//
// One browser per describe block (beforeAll) keeps the run short; every test sets the bindings
// and settings it relies on, so a relaunch after a failure changes nothing.
import { test, expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as OTPAuth from 'otpauth';
import { openHarness, SITE, type Harness } from './extension';

const FIXTURES_DIR = resolve('tests/site/autofill');
const HOST = '127.0.0.1'; // the fixture server's host: accounts bind to it as the bare IP
const FRAME_SITE = 'localhost'; // iframe-cross-site.html frames the same server under the other name

type SelectorPath = string | string[];
interface Expectation {
  field: SelectorPath | null;
  kind?: 'single' | 'split';
  length?: number | null;
  late?: number;
  layout?: boolean;
  crossSite?: boolean;
  result?: SelectorPath;
  note?: string;
  refuse?: string;
}
interface Fixture {
  file: string;
  title: string;
  expect: Expectation;
}

const INDEX = JSON.parse(readFileSync(join(FIXTURES_DIR, 'index.json'), 'utf8')) as { fixtures: Fixture[] };

/** The page's own declaration (<meta name="tessera-expect" content='…'>), HTML entities decoded. */
function metaOf(file: string): Expectation {
  const html = readFileSync(join(FIXTURES_DIR, file), 'utf8');
  const m = /<meta name="tessera-expect" content='([^']*)'>/.exec(html);
  if (!m) throw new Error(`${file}: no tessera-expect meta`);
  const text = m[1]!.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return JSON.parse(text) as Expectation;
}

// --- codes computed here, independently of the extension ------------------------------------

interface Secret {
  secret: string;
  digits?: number;
}
const totp = (s: Secret, timestamp = Date.now()) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(s.secret), digits: s.digits ?? 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp });
const hotp = (secret: string, counter: number) =>
  new OTPAuth.HOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, algorithm: 'SHA1' }).generate({ counter });

/** Runs `act` and returns the TOTP codes valid just before and just after it (a step may end in between). */
async function around<T>(s: Secret, act: () => Promise<T>): Promise<{ value: T; codes: string[] }> {
  const before = totp(s);
  const value = await act();
  return { value, codes: [...new Set([before, totp(s)])] };
}

// --- the browser -----------------------------------------------------------------------------

const openFixtureHarness = () => openHarness(`${SITE}/autofill/neg-none.html`);

async function importAccount(h: Harness, uri: string, site?: string): Promise<string> {
  const r = await h.api<{ added: Array<{ id: string }>; errors: unknown[] }>({ type: 'accounts.import', text: uri, ...(site ? { site } : {}) });
  expect(r.errors).toEqual([]);
  return r.added[0]!.id;
}

const totpUri = (issuer: string, label: string, s: Secret) =>
  `otpauth://totp/${issuer}:${label}?secret=${s.secret}&issuer=${issuer}&digits=${s.digits ?? 6}`;

/** Sets every listed account's sites (accounts.update replaces the list). */
async function bind(h: Harness, sites: Record<string, string[]>): Promise<void> {
  for (const [id, list] of Object.entries(sites)) await h.api({ type: 'accounts.update', id, sites: list });
}

/** Resolves a fixture selector path: each next selector inside the previous match's open shadow root or iframe. */
function locate(page: Page, path: SelectorPath): { doc: Page | FrameLocator; el: Locator } {
  const parts = Array.isArray(path) ? path : [path];
  let doc: Page | FrameLocator = page;
  let loc: Locator | null = null;
  for (const part of parts) {
    // Playwright's CSS engine pierces open shadow roots, so a chained locator walks into them.
    loc = loc ? loc.locator(part) : doc.locator(part);
    if (/^iframe\b/i.test(part) && part !== parts[parts.length - 1]) {
      doc = loc.first().contentFrame();
      loc = null;
    }
  }
  return { doc, el: loc!.first() };
}

/** Waits until the content script of the top frame answers for the document now loaded. */
async function agentReady(h: Harness, url: string): Promise<void> {
  await expect
    .poll(
      () =>
        h.sw.evaluate(async (tabId) => {
          try {
            const a = (await chrome.tabs.sendMessage(tabId, { type: 'autofill.detect' }, { frameId: 0 })) as { frameUrl?: string } | undefined;
            return a?.frameUrl ?? '';
          } catch {
            return '';
          }
        }, h.tabId),
      { timeout: 10_000 },
    )
    .toContain(url);
}

/** Opens a fixture in the harness tab; for a positive page waits for the field and the chip beside it. */
async function openFixture(h: Harness, file: string, field: SelectorPath | null = null) {
  const url = `${SITE}/autofill/${file}`;
  await h.page.goto(url);
  await agentReady(h, url);
  if (field) {
    const { doc, el } = locate(h.page, field);
    await expect(el).toBeVisible({ timeout: 10_000 }); // late-rendered pages
    // The chip shows once the content script of the field's frame has detected the field.
    await expect(doc.locator('tessera-chip')).toBeVisible({ timeout: 10_000 });
    return { doc, el };
  }
  return null;
}

/** Every input value in a document and its open shadow roots, for "nothing was written". */
const allValues = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) out.push(`${el.name || el.id}=${el.value}`);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  });

/** The code a group of one-digit boxes holds: the boxes of the first box's document or shadow root, in order. */
const groupValue = (first: Locator) =>
  first.evaluate((box) => {
    const root = box.getRootNode() as Document | ShadowRoot;
    return Array.from(root.querySelectorAll('input'))
      .filter((i) => i.maxLength === 1 && i.getClientRects().length > 0)
      .map((i) => i.value)
      .join('');
  });

// --- 1. every fixture page ---------------------------------------------------------------------

test.describe('autofill.fill on every fixture page', () => {
  const S6: Secret = { secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' }; // RFC 6238 seed
  const S8: Secret = { secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U', digits: 8 };
  let h: Harness;
  let id6: string;
  let id8: string;

  test.beforeAll(async () => {
    h = await openFixtureHarness();
    // Bound at import (accounts.import `site`); the 8-digit account is bound only for split-8.
    id6 = await importAccount(h, totpUri('Fixture', 'six', S6), HOST);
    id8 = await importAccount(h, totpUri('Fixture', 'eight', S8));
  });
  test.afterAll(async () => {
    await h?.close();
  });

  test('index.json matches each page’s own declaration', () => {
    expect(INDEX.fixtures.length).toBeGreaterThanOrEqual(30);
    for (const f of INDEX.fixtures) expect(metaOf(f.file), f.file).toEqual(f.expect);
  });

  // The issue-4 pages; the issue-13 corpus (c13-*.html) runs in autofill-corpus.spec.ts.
  for (const fixture of INDEX.fixtures.filter((f) => !f.file.startsWith('c13-') && !f.expect.refuse)) {
    const ex = fixture.expect;
    if (ex.field === null) {
      test(`negative: ${fixture.file} — no-otp-field, nothing written`, async () => {
        await bind(h, { [id6]: [HOST], [id8]: [] });
        await openFixture(h, fixture.file);
        const before = await allValues(h.page);
        expect(await h.raw({ type: 'autofill.fill', tabId: h.tabId })).toMatchObject({ ok: false, error: { code: 'no-otp-field' } });
        await h.page.waitForTimeout(100); // a write would land a task later
        expect(await allValues(h.page)).toEqual(before);
        await expect(h.page.locator('#result')).toHaveText('');
      });
      continue;
    }

    test(`positive: ${fixture.file} (${ex.kind}${ex.late ? `, late ${ex.late} ms` : ''}${ex.crossSite ? ', cross-site frame' : ''})`, async () => {
      const digits = ex.length ?? 6;
      const account = digits === 8 ? { id: id8, s: S8 } : { id: id6, s: S6 };
      // Exactly one account bound to the fixture site: the one with the right number of digits.
      await bind(h, digits === 8 ? { [id6]: [], [id8]: [HOST] } : { [id6]: [HOST], [id8]: [] });
      const opened = (await openFixture(h, fixture.file, ex.field!))!;
      const result = locate(h.page, ex.result ?? '#result').el;
      const fields = ex.kind === 'split' ? digits : 1;

      if (ex.crossSite) {
        // The frame is another site: the tab's binding does not reach into it.
        expect(await h.raw({ type: 'autofill.fill', tabId: h.tabId })).toMatchObject({ ok: false, error: { code: 'no-account-for-site' } });
        // Not with an explicit account either, as long as it is not bound to the frame's site.
        expect(await h.raw({ type: 'autofill.fill', tabId: h.tabId, accountId: account.id })).toMatchObject({ ok: false, error: { code: 'no-account-for-site' } });
        await h.page.waitForTimeout(100);
        await expect(opened.el).toHaveValue('');
        await expect(result).toHaveText('');
        await bind(h, { [account.id]: [HOST, FRAME_SITE] });
      }

      const { value: answer, codes } = await around(account.s, () => h.raw({ type: 'autofill.fill', tabId: h.tabId }));
      expect(answer).toEqual({ ok: true, filled: true, accountId: account.id, fields, source: 'account' });
      // The page's own script accepted it (its #result shows what it took).
      await expect(result).toHaveText(/\S/);
      const accepted = (await result.textContent())!.trim();
      expect(codes).toContain(accepted);
      // And the field holds it.
      if (ex.kind === 'split') expect(await groupValue(opened.el)).toBe(accepted);
      else await expect(opened.el).toHaveValue(accepted);
    });
  }
});

// --- 2. choosing the account, the chip, the popup, automatic fill, HOTP, a hostile page ------

test.describe('autofill triggers and rules', () => {
  const SA: Secret = { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };
  const SB: Secret = { secret: 'ONSWG4TFOQQGC3TEEBZWKY3SMV2CA2LT' };
  const SO: Secret = { secret: 'KRUGS4ZANFZSAYJAONSWG4TFOQQGC3TE' };
  const SH = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // RFC 4226 Appendix D seed
  const PAGE = 'single-autocomplete.html';
  const FIELD = '#otp';
  let h: Harness;
  let a: string;
  let b: string;
  let other: string;
  let hotpId: string;

  const only = (bound: Record<string, string[]>) =>
    bind(h, { [a]: [], [b]: [], [hotpId]: [], [other]: ['other.example'], ...bound });
  const result = () => h.page.locator('#result');

  test.beforeAll(async () => {
    h = await openFixtureHarness();
    a = await importAccount(h, totpUri('Alpha', 'alice', SA));
    b = await importAccount(h, totpUri('Beta', 'bob', SB));
    other = await importAccount(h, totpUri('Other', 'olga', SO), 'other.example');
    hotpId = await importAccount(h, `otpauth://hotp/Hotp:hal?secret=${SH}&counter=0&issuer=Hotp`);
  });
  test.afterAll(async () => {
    await h?.close();
  });

  test('never fills silently: unbound → no-account-for-site; two bound → ambiguous; an explicit account fills', async () => {
    await only({});
    await openFixture(h, PAGE, FIELD);
    expect(await h.raw({ type: 'autofill.fill', tabId: h.tabId })).toMatchObject({ ok: false, error: { code: 'no-account-for-site' } });
    await h.page.waitForTimeout(100);
    await expect(h.page.locator(FIELD)).toHaveValue('');
    await expect(result()).toHaveText('');

    await only({ [a]: [HOST], [b]: [HOST] });
    const amb = await h.raw({ type: 'autofill.fill', tabId: h.tabId });
    expect(amb).toMatchObject({ ok: false, error: { code: 'ambiguous', message: expect.stringContaining('alice') } });
    expect(amb.error?.message).toContain('bob');
    const candidates = amb.candidates as Array<{ id: string; issuer: string; label: string }>;
    expect([...candidates].sort((x, y) => x.label.localeCompare(y.label))).toEqual([
      { id: a, issuer: 'Alpha', label: 'alice' },
      { id: b, issuer: 'Beta', label: 'bob' },
    ]);
    await h.page.waitForTimeout(100);
    await expect(result()).toHaveText('');

    // An explicit accountId is the user's choice: it fills, bound or not.
    await only({});
    const { value, codes } = await around(SB, () => h.raw({ type: 'autofill.fill', tabId: h.tabId, accountId: b }));
    expect(value).toEqual({ ok: true, filled: true, accountId: b, fields: 1, source: 'account' });
    await expect(result()).toHaveText(/\d{6}/);
    expect(codes).toContain(await result().textContent());
  });

  test('the chip sits beside the field; a click fills the bound account', async () => {
    await only({ [a]: [HOST] });
    const { el } = (await openFixture(h, PAGE, FIELD))!;
    const chip = h.page.locator('tessera-chip');
    // Right after its field (issue 13: next in the tab order), with a closed shadow root.
    expect(await chip.evaluate((host) => [host.previousElementSibling?.id, host.shadowRoot])).toEqual([FIELD.slice(1), null]);
    await el.focus();
    await h.page.keyboard.press('Tab');
    expect(await h.page.evaluate(() => document.activeElement?.localName)).toBe('tessera-chip');
    const field = (await el.boundingBox())!;
    const box = (await chip.boundingBox())!;
    const cy = box.y + box.height / 2;
    expect(cy).toBeGreaterThanOrEqual(field.y);
    expect(cy).toBeLessThanOrEqual(field.y + field.height);
    expect(box.x).toBeGreaterThanOrEqual(field.x);
    expect(box.x).toBeLessThanOrEqual(field.x + field.width + 30);

    const { codes } = await around(SA, async () => {
      await h.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await expect(result()).toHaveText(/\d{6}/);
    });
    expect(codes).toContain(await result().textContent());
    await expect(el).toHaveValue((await result().textContent())!);
  });

  test('with two bound accounts the chip opens a picker; choosing one by keyboard fills that account', async () => {
    await only({ [a]: [HOST], [b]: [HOST] });
    const { el } = (await openFixture(h, PAGE, FIELD))!;
    // The order the background offers them in (the same list the chip's picker gets).
    const amb = await h.raw({ type: 'autofill.fill', tabId: h.tabId });
    expect(amb).toMatchObject({ ok: false, error: { code: 'ambiguous' } });
    const offered = (amb.candidates as Array<{ id: string }>).map((c) => c.id);
    expect([...offered].sort()).toEqual([a, b].sort());

    const box = (await h.page.locator('tessera-chip').boundingBox())!;
    // Below the chip is the page until the picker opens there (closed shadow root: probe by hit testing).
    const below = { x: box.x + box.width - 4, y: box.y + 26 + 10 };
    const hit = () => h.page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName ?? null, below);
    expect(await hit()).not.toBe('tessera-chip');
    await h.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(hit).toBe('tessera-chip');
    // The picker took focus (its first item); nothing was filled yet.
    expect(await h.page.evaluate(() => document.activeElement?.localName)).toBe('tessera-chip');
    await expect(result()).toHaveText('');
    await expect(el).toHaveValue('');

    // Tab to the second account, Enter picks it.
    const second = offered[1]!;
    const secret = second === a ? SA : SB;
    const { codes } = await around(secret, async () => {
      await h.page.keyboard.press('Tab');
      await h.page.keyboard.press('Enter');
      await expect(result()).toHaveText(/\d{6}/);
    });
    expect(codes).toContain(await result().textContent());
    await expect.poll(hit).not.toBe('tessera-chip'); // the picker closed
  });

  test('popup.use fills the tab when it has a field, otherwise returns the code to copy', async () => {
    await only({});
    await openFixture(h, PAGE, FIELD);
    // `a` is bound to no site: the popup asks first (issue 11), here answered "fill anyway".
    expect(await h.api({ type: 'popup.use', id: a, tabId: h.tabId })).toMatchObject({ action: 'confirm', site: HOST });
    await expect(result()).toHaveText('');
    const filled = await around(SA, () => h.api({ type: 'popup.use', id: a, tabId: h.tabId, unbound: 'fill' }));
    expect(filled.value).toMatchObject({ action: 'filled', filled: true, accountId: a, fields: 1 });
    expect(filled.value).not.toHaveProperty('code');
    await expect(result()).toHaveText(/\d{6}/);
    expect(filled.codes).toContain(await result().textContent());

    await openFixture(h, 'neg-none.html');
    const before = await allValues(h.page);
    const copied = await around(SA, () => h.api<{ action: string; code: string }>({ type: 'popup.use', id: a, tabId: h.tabId }));
    expect(copied.value).toMatchObject({ action: 'copied' });
    expect(copied.codes).toContain(copied.value.code);
    expect(await allValues(h.page)).toEqual(before);
  });

  test('automatic fill: off by default; on, it fills when exactly one bound account matches, not when two do', async () => {
    try {
      expect(await h.api({ type: 'settings.get' })).toMatchObject({ settings: { autoFill: false } });
      await only({ [a]: [HOST] });
      await openFixture(h, PAGE, FIELD);
      await h.page.waitForTimeout(1_000);
      await expect(result()).toHaveText('');

      await h.api({ type: 'settings.set', settings: { autoFill: true } });
      const { codes } = await around(SA, async () => {
        await h.page.goto(`${SITE}/autofill/${PAGE}`);
        await expect(result()).toHaveText(/\d{6}/);
      });
      expect(codes).toContain(await result().textContent());

      // A field rendered late is filled when it appears.
      const late = await around(SA, async () => {
        await h.page.goto(`${SITE}/autofill/late-timeout.html`);
        await expect(result()).toHaveText(/\d{6}/);
      });
      expect(late.codes).toContain(await result().textContent());

      await only({ [a]: [HOST], [b]: [HOST] });
      await openFixture(h, PAGE, FIELD);
      await h.page.waitForTimeout(1_000);
      await expect(result()).toHaveText('');
      await expect(h.page.locator(FIELD)).toHaveValue('');
    } finally {
      await h.api({ type: 'settings.set', settings: { autoFill: false } });
    }
  });

  test('HOTP: a fill uses the stored counter and advances it', async () => {
    await only({ [hotpId]: [HOST] });
    const counterOf = async () =>
      (await h.api<{ accounts: Array<{ id: string; counter: number | null }> }>({ type: 'accounts.list' })).accounts.find((x) => x.id === hotpId)!.counter!;
    const c = await counterOf();
    await openFixture(h, PAGE, FIELD);
    expect(await h.raw({ type: 'autofill.fill', tabId: h.tabId })).toEqual({ ok: true, filled: true, accountId: hotpId, fields: 1, source: 'account' });
    await expect(result()).toHaveText(hotp(SH, c)); // 755224 at count 0 (RFC 4226 Appendix D)
    expect(await counterOf()).toBe(c + 1);
  });

  test('a page cannot get a secret or another site’s code', async () => {
    await only({ [a]: [HOST] }); // `other` stays bound to other.example
    await openFixture(h, PAGE, FIELD);
    // The page's main world has no way to message the extension.
    expect(await h.page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).not.toBe('function');

    // A script in the extension's isolated world of the page (as a subverted content script would be).
    const asContentScript = (message: Record<string, unknown>) =>
      h.sw.evaluate(
        async ({ tabId, message }) => {
          const [r] = await chrome.scripting.executeScript({ target: { tabId }, func: (m) => chrome.runtime.sendMessage(m), args: [message] });
          return r?.result as { ok: boolean; error?: { code: string }; [k: string]: unknown };
        },
        { tabId: h.tabId, message },
      );
    const listed = await asContentScript({ type: 'accounts.list' });
    expect(listed).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(listed)).not.toContain(SA.secret);
    expect(await asContentScript({ type: 'codes.get', id: other })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const pulled = await asContentScript({ type: 'autofill.request', reason: 'chip', accountId: other });
    expect(pulled).toMatchObject({ ok: false, error: { code: 'no-account-for-site' } });
    await h.page.waitForTimeout(100);
    await expect(h.page.locator(FIELD)).toHaveValue('');
    await expect(result()).toHaveText('');
  });
});
