// The Driver (driver.ts) for Firefox: Debian's firefox-esr, headless, driven by puppeteer-core
// over WebDriver BiDi, with the Firefox build installed as a temporary add-on
// (recipe and pitfalls: shared/toolchain-notes.md, "Firefox"; docs/firefox.md).
// - `--remote-allow-system-access`: without it navigation to moz-extension:// pages is refused.
// - extensions.webextensions.uuids pins the add-on's internal UUID, so its pages have a known
//   origin (moz-extension://<uuid>) before it is installed.
// - page.goto() to a moz-extension:// page loads it but never settles: it is started without
//   being awaited and the page's readyState is polled instead.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadExtensionPage } from '../../../kit/firefox';
import { domReads, type Driver, type PageHandle, type TabInfo } from './driver';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(process.env.TESSERA_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3');
/** Any fixed v4 UUID will do; it only has to be the same for the pref and the page URLs. */
export const EXTENSION_UUID = '5e55e2a0-7e55-4e2a-9d1b-7e55e2a0c0de';

/** The add-on id the build declares (wxt.config.ts, browser_specific_settings.gecko.id). */
export function geckoId(dir = FIREFOX_EXTENSION_DIR): string {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No Firefox build in ${dir}: run \`npm run build:firefox\` first.`);
  const id = JSON.parse(readFileSync(manifestPath, 'utf8'))?.browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id.`);
  return id;
}

function handle(page: Page): PageHandle {
  const evaluate: PageHandle['evaluate'] = (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg);
  return {
    get url() {
      return page.url();
    },
    evaluate,
    fill: (selector, value) => page.locator(selector).fill(value),
    click: (selector) => page.locator(selector).click(),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
    ...domReads(evaluate),
  };
}

export interface FirefoxOptions {
  /** Extra Firefox preferences, e.g. extensions.background.idle.timeout (ms) to suspend the event page sooner. */
  prefs?: Record<string, string | number | boolean>;
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<Driver> {
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} not found: install Debian's firefox-esr (apt-get install -y firefox-esr).`);
  const id = geckoId();
  const firefox: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }), 'intl.locale.requested': 'en-US', ...options.prefs },
  });
  try {
    await firefox.installExtension(FIREFOX_EXTENSION_DIR);
    const extensionOrigin = `moz-extension://${EXTENSION_UUID}`;
    const openExtensionPage = async (path: string): Promise<Page> => {
      const page = await firefox.newPage();
      await loadExtensionPage(page, `${extensionOrigin}/${path}`);
      return page;
    };
    const extPage = await openExtensionPage('options.html');
    return {
      browserName: 'firefox',
      extensionOrigin,
      extensionPage: handle(extPage),
      // A message that reaches a suspending event page finds no receiver and is sent again, as
      // Tessera's own pages and the kit do (lib/messages/client.ts: nothing received it).
      rawApi: (message) => extPage.evaluate(async (m) => {
        for (const wait of [100, 300, 800, -1]) {
          try {
            return await (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage(m);
          } catch (e) {
            if (wait < 0 || !/Receiving end does not exist/i.test(String(e))) throw e;
            await new Promise((r) => setTimeout(r, wait));
          }
        }
      }, message),
      // tabs.query({}) and no URL pattern: Firefox finds nothing for a pattern with a port.
      tabs: () => extPage.evaluate(async () => (await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({})).map((t): TabInfo => ({ id: t.id!, url: t.url ?? '', active: t.active }))),
      async openPage(url) {
        const page = await firefox.newPage();
        await page.goto(url);
        return handle(page);
      },
      openExtensionPage: async (path) => handle(await openExtensionPage(path)),
      close: () => firefox.close(),
    };
  } catch (e) {
    await firefox.close();
    throw e;
  }
}
