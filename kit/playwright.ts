// `tessera-otp/playwright`: a Playwright Test fixture with Tessera loaded in Chromium.
//
//   import { test, expect } from 'tessera-otp/playwright';
//   test('2FA login', async ({ page, tessera }) => {
//     await tessera.addAccount('otpauth://totp/App:me?secret=…', { site: 'http://127.0.0.1:3000' });
//     await page.goto('http://127.0.0.1:3000/login');
//     await tessera.fill(page);
//   });
//
// One persistent Chromium context per worker, on a fresh temporary profile, with the unpacked
// build loaded (--load-extension; Playwright docs, "Chrome extensions") and a vault set up with a
// throwaway passphrase; `context` and `page` are that context and a new tab in it, and the vault
// is emptied before each test. Workers never share a profile, so parallel tests never share a vault.
// Headless by default; Chromium from `tesseraOptions.executablePath`, TESSERA_CHROMIUM_PATH,
// `launchOptions.executablePath`, or Playwright's own (channel "chromium": the headless shell
// cannot load extensions).
import { test as base, chromium, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TesseraSession, throwawayPassphrase } from './core.js';
import { extensionDir } from './paths.js';

export { expect } from '@playwright/test';
export { TesseraApiError, TesseraSession, otpauthUri, type AccountLike, type AddAccountOptions, type FillOptions, type RawAnswer, type WebPage } from './core.js';
export { extensionDir } from './paths.js';
export type * from '../lib/api/contract.js';

export interface TesseraOptions {
  /** A Chromium binary (e.g. Debian's /usr/lib/chromium/chromium). Default: TESSERA_CHROMIUM_PATH, then launchOptions.executablePath, then Playwright's Chromium. */
  executablePath?: string;
  /** Default: Playwright's `headless` option (true unless --headed). */
  headless?: boolean;
  /** The unpacked Chrome build to load. Default: TESSERA_EXTENSION_DIR, then the build shipped in this package. */
  extensionDir?: string;
  /** The vault's passphrase. Default: a random one per worker. */
  passphrase?: string;
  /** More Chromium flags. */
  args?: string[];
}

/** Tessera in a running Chromium: the helpers (TesseraSession) plus the browser around them. */
export class ChromiumTessera extends TesseraSession {
  constructor(
    readonly context: BrowserContext,
    readonly serviceWorker: Worker,
    /** The extension's id (the host of chrome-extension://<id>/). */
    readonly extensionId: string,
    extensionPage: import('@playwright/test').Page,
    passphrase: string,
    private readonly profileDir: string,
  ) {
    super(extensionPage, passphrase);
  }

  /** chrome-extension://<id> (without a trailing slash). */
  get extensionOrigin(): string {
    return `chrome-extension://${this.extensionId}`;
  }

  /** Opens an extension page (e.g. "popup.html") in a new tab. */
  async openExtensionPage(path: string) {
    const page = await this.context.newPage();
    await page.goto(`${this.extensionOrigin}/${path}`);
    return page;
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}

/** Chromium flags that load the build and keep a test browser quiet. */
export function chromiumArgs(dir: string, extra: string[] = []): string[] {
  return [
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    ...extra,
  ];
}

/**
 * Launches Chromium with Tessera on a temporary profile and sets up a vault: what the fixture
 * does once per worker, for suites that manage browsers themselves. `contextOptions` go to
 * launchPersistentContext (baseURL, locale, viewport…). Close it with `close()`.
 */
export async function launchTessera(
  options: TesseraOptions = {},
  contextOptions: Parameters<typeof chromium.launchPersistentContext>[1] = {},
): Promise<ChromiumTessera> {
  const dir = extensionDir('chrome', options.extensionDir);
  const executablePath = options.executablePath ?? process.env.TESSERA_CHROMIUM_PATH ?? contextOptions.executablePath;
  const profileDir = mkdtempSync(join(tmpdir(), 'tessera-kit-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    ...contextOptions,
    // Playwright's own Chromium: the "chromium" channel, since its headless shell cannot load extensions.
    ...(executablePath ? { executablePath } : { channel: 'chromium' }),
    headless: options.headless ?? true,
    args: chromiumArgs(dir, [...(contextOptions.args ?? []), ...(options.args ?? [])]),
  });
  try {
    const sw = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(sw.url()).host;
    const extensionPage = await context.newPage();
    await extensionPage.goto(`chrome-extension://${extensionId}/options.html`);
    const tessera = new ChromiumTessera(context, sw, extensionId, extensionPage, options.passphrase ?? throwawayPassphrase(), profileDir);
    await tessera.setUp();
    return tessera;
  } catch (e) {
    await context.close().catch(() => undefined);
    rmSync(profileDir, { recursive: true, force: true });
    throw e;
  }
}

/** Context options a persistent context can take from the project's `use` block. */
const FROM_PROJECT = ['baseURL', 'locale', 'timezoneId', 'viewport', 'ignoreHTTPSErrors', 'colorScheme', 'userAgent', 'extraHTTPHeaders'] as const;

export const test = base.extend<{ tessera: ChromiumTessera }, { tesseraOptions: TesseraOptions; tesseraWorker: ChromiumTessera }>({
  tesseraOptions: [{}, { scope: 'worker', option: true }],
  tesseraWorker: [
    async ({ tesseraOptions, headless, launchOptions }, use, workerInfo) => {
      const projectUse = workerInfo.project.use as Record<string, unknown>;
      const contextOptions = Object.fromEntries(FROM_PROJECT.filter((k) => projectUse[k] !== undefined).map((k) => [k, projectUse[k]]));
      const tessera = await launchTessera(
        { headless, ...tesseraOptions },
        { ...contextOptions, executablePath: launchOptions.executablePath, args: launchOptions.args ?? [] },
      );
      await use(tessera);
      await tessera.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  // The worker's context, its cookies cleared for each test; the extension page stays open.
  context: async ({ tesseraWorker }, use) => {
    await tesseraWorker.context.clearCookies();
    await use(tesseraWorker.context);
  },
  page: async ({ context }, use) => {
    const page = await context.newPage();
    await use(page);
    await page.close();
  },
  tessera: async ({ tesseraWorker }, use) => {
    await tesseraWorker.reset();
    await use(tesseraWorker);
  },
});
