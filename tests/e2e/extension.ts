// Playwright fixtures that load the unpacked build into headless Chromium: a fresh profile per
// test, the extension id (from the service worker's URL), an extension page to call the
// automation API from (shared/automation-api.md) and helpers, for Tessera's own specs. To test
// your own app with Tessera, install the kit instead (README, "Testing your app with Tessera").
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PASSPHRASE } from './helpers';

export const EXTENSION_DIR = resolve(process.env.TESSERA_EXTENSION_DIR ?? '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const SITE = `http://127.0.0.1:${process.env.SITE_PORT ?? 4173}`;

export type Api = <T = Record<string, unknown>>(message: Record<string, unknown>) => Promise<{ ok: true } & T>;
export type RawApi = (message: Record<string, unknown>) => Promise<{ ok: boolean; error?: { code: string; message: string }; [k: string]: unknown }>;

export async function launchWithExtension(profileDir: string, lang = 'en-US', options: { deviceScaleFactor?: number } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: lang,
    ...options,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      `--lang=${lang}`,
      // The languages pages see (navigator.languages); Linux builds take their own UI locale from the environment.
      `--accept-lang=${lang}`,
    ],
  });
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** Opens an extension page and returns a function that sends API messages from it. */
export async function apiFrom(page: Page): Promise<RawApi> {
  return (message) => page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

/** An API function that throws with the error's code when an answer is not ok, so tests read straight. */
export function strictApi(raw: RawApi): Api {
  return (async (message) => {
    const a = await raw(message);
    if (!a.ok) throw new Error(`${String(message.type)} → ${a.error?.code}: ${a.error?.message}`);
    return a;
  }) as Api;
}

/**
 * One browser shared by a whole spec file: a profile with a vault set up, the options page to call
 * the API from, and a web tab (opened at `startUrl`) whose id stays the same across navigations.
 */
export interface Harness {
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  extPage: Page;
  raw: RawApi;
  api: Api;
  page: Page;
  tabId: number;
  close(): Promise<void>;
}

export async function openHarness(startUrl: string, options: { deviceScaleFactor?: number } = {}): Promise<Harness> {
  const profile = mkdtempSync(join(tmpdir(), 'tessera-harness-'));
  const context = await launchWithExtension(profile, 'en-US', options);
  const sw = await serviceWorkerOf(context);
  const extensionId = new URL(sw.url()).host;
  const extPage = await context.newPage();
  await extPage.goto(`chrome-extension://${extensionId}/options.html`);
  const raw = await apiFrom(extPage);
  const api = strictApi(raw);
  await api({ type: 'vault.setup', passphrase: PASSPHRASE });
  const page = await context.newPage();
  await page.goto(startUrl);
  const tabId = await sw.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, startUrl);
  if (tabId === undefined) throw new Error(`no tab shows ${startUrl}`);
  return {
    context, sw, extensionId, extPage, raw, api, page, tabId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{
  profileDir: string;
  context: BrowserContext;
  extensionId: string;
  extPage: Page;
  rawApi: RawApi;
  api: Api;
}>({
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-profile-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ profileDir }, use) => {
    const context = await launchWithExtension(profileDir);
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    const sw = await serviceWorkerOf(context);
    await use(new URL(sw.url()).host);
  },
  extPage: async ({ context, extensionId }, use) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await use(page);
  },
  rawApi: async ({ extPage }, use) => {
    await use(await apiFrom(extPage));
  },
  api: async ({ rawApi }, use) => {
    await use(strictApi(rawApi));
  },
});

export { expect };
