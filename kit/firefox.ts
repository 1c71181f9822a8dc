// `tessera-otp/playwright/firefox`: the same fixture for Firefox. Playwright's own Firefox cannot
// load an extension (its docs: extensions work only in Chromium; its patched Firefox refuses a
// stock binary), so the browser is driven by puppeteer-core over WebDriver BiDi, with the Firefox
// build installed as a temporary add-on; the test runner is still Playwright Test. Tests get
// `tessera` (the same helpers as in Chromium) and `firefoxPage`, a puppeteer Page in that Firefox.
// Recipe and pitfalls (docs/firefox.md):
// - `--remote-allow-system-access`: without it navigation to moz-extension:// pages is refused;
// - the pref extensions.webextensions.uuids pins the add-on's internal UUID, so its pages have a
//   known origin before it is installed;
// - goto() to a moz-extension:// page loads it but never settles: it is started without being
//   awaited and the page's readyState is polled.
import { test as base } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TesseraSession, throwawayPassphrase } from './core.js';
import { extensionDir } from './paths.js';

export { expect } from '@playwright/test';
export { TesseraApiError, TesseraSession, otpauthUri, type AccountLike, type AddAccountOptions, type FillOptions, type RawAnswer, type WebPage } from './core.js';
export type * from '../lib/api/contract.js';

export interface TesseraFirefoxOptions {
  /** A Firefox binary. Default: TESSERA_FIREFOX_PATH, then /usr/bin/firefox-esr or /usr/bin/firefox. */
  executablePath?: string;
  /** Default: true. */
  headless?: boolean;
  /** The unpacked Firefox build. Default: TESSERA_FIREFOX_EXTENSION_DIR, then the build shipped in this package. */
  extensionDir?: string;
  /** The vault's passphrase. Default: a random one per worker. */
  passphrase?: string;
  /** Extra Firefox preferences. */
  prefs?: Record<string, string | number | boolean>;
}

/** Any fixed v4 UUID will do; it only has to be the same for the pref and the page URLs. */
const EXTENSION_UUID = '7e55e2a0-4b1d-4c0d-9e57-7e55e2a0f1fe';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function firefoxBinary(explicit?: string): string {
  const candidates = [explicit ?? process.env.TESSERA_FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter((p): p is string => Boolean(p));
  const found = explicit ?? process.env.TESSERA_FIREFOX_PATH ?? candidates.find((p) => existsSync(p));
  if (!found || !existsSync(found)) throw new Error(`No Firefox found (${candidates.join(', ')}): set executablePath or TESSERA_FIREFOX_PATH.`);
  return found;
}

/** Navigates without awaiting goto (it never settles for moz-extension://) and waits for the load. */
export async function loadExtensionPage(page: Page, url: string, timeoutMs = 15_000): Promise<void> {
  void page.goto(url).catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = await page.evaluate(() => [location.href, document.readyState] as const).catch(() => null);
    if (state && state[0] === url && state[1] === 'complete') return;
    await sleep(50);
  }
  throw new Error(`${url} did not load within ${timeoutMs} ms`);
}

/** Tessera in a running Firefox: the helpers plus the puppeteer browser around them. */
export class FirefoxTessera extends TesseraSession {
  constructor(
    readonly browser: Browser,
    extensionPage: Page,
    passphrase: string,
  ) {
    super(extensionPage, passphrase);
  }

  /** moz-extension://<uuid> (without a trailing slash). */
  get extensionOrigin(): string {
    return `moz-extension://${EXTENSION_UUID}`;
  }

  /** Opens a web page in a new tab (puppeteer Page) and waits for its load event. */
  async newPage(url?: string): Promise<Page> {
    const page = await this.browser.newPage();
    if (url) await page.goto(url);
    return page;
  }

  /** Opens an extension page (e.g. "popup.html") in a new tab. */
  async openExtensionPage(path: string): Promise<Page> {
    const page = await this.browser.newPage();
    await loadExtensionPage(page, `${this.extensionOrigin}/${path}`);
    return page;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** Launches Firefox with Tessera installed and a vault set up (what the fixture does per worker). */
export async function launchTesseraFirefox(options: TesseraFirefoxOptions = {}): Promise<FirefoxTessera> {
  const dir = extensionDir('firefox', options.extensionDir);
  const geckoId = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))?.browser_specific_settings?.gecko?.id;
  if (typeof geckoId !== 'string') throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id: is this the Firefox build?`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxBinary(options.executablePath),
    headless: options.headless ?? true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }), ...options.prefs },
  });
  try {
    await browser.installExtension(dir);
    const extensionPage = await browser.newPage();
    await loadExtensionPage(extensionPage, `moz-extension://${EXTENSION_UUID}/options.html`);
    const tessera = new FirefoxTessera(browser, extensionPage, options.passphrase ?? throwawayPassphrase());
    await tessera.setUp();
    return tessera;
  } catch (e) {
    await browser.close().catch(() => undefined);
    throw e;
  }
}

export const test = base.extend<{ tessera: FirefoxTessera; firefoxPage: Page }, { tesseraFirefoxOptions: TesseraFirefoxOptions; tesseraFirefox: FirefoxTessera }>({
  tesseraFirefoxOptions: [{}, { scope: 'worker', option: true }],
  tesseraFirefox: [
    async ({ tesseraFirefoxOptions, headless }, use) => {
      const tessera = await launchTesseraFirefox({ headless, ...tesseraFirefoxOptions });
      await use(tessera);
      await tessera.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  tessera: async ({ tesseraFirefox }, use) => {
    await tesseraFirefox.reset();
    await use(tesseraFirefox);
  },
  firefoxPage: async ({ tesseraFirefox }, use) => {
    const page = await tesseraFirefox.newPage();
    await use(page);
    await page.close().catch(() => undefined);
  },
});
