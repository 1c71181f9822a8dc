// The Driver (driver.ts) for Chromium: Playwright with the unpacked Chrome build, launched by
// tests/e2e/extension.ts exactly as the Chromium-only specs launch it.
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiFrom, launchWithExtension, serviceWorkerOf } from '../extension';
import { domReads, type Driver, type PageHandle, type TabInfo } from './driver';

function handle(page: Page): PageHandle {
  const evaluate: PageHandle['evaluate'] = (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg);
  return {
    get url() {
      return page.url();
    },
    evaluate,
    fill: (selector, value) => page.fill(selector, value),
    click: (selector) => page.click(selector),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
    ...domReads(evaluate),
  };
}

export async function launchChromium(): Promise<Driver> {
  const profileDir = mkdtempSync(join(tmpdir(), 'tessera-profile-'));
  const context = await launchWithExtension(profileDir);
  try {
    const extensionOrigin = `chrome-extension://${new URL((await serviceWorkerOf(context)).url()).host}`;
    const extPage = await context.newPage();
    await extPage.goto(`${extensionOrigin}/options.html`);
    const rawApi = await apiFrom(extPage);
    return {
      browserName: 'chromium',
      extensionOrigin,
      extensionPage: handle(extPage),
      rawApi,
      tabs: () => extPage.evaluate(async () => (await chrome.tabs.query({})).map((t): TabInfo => ({ id: t.id!, url: t.url ?? '', active: t.active }))),
      async openPage(url) {
        const page = await context.newPage();
        await page.goto(url);
        return handle(page);
      },
      async openExtensionPage(path) {
        const page = await context.newPage();
        await page.goto(`${extensionOrigin}/${path}`);
        return handle(page);
      },
      async close() {
        await context.close();
        rmSync(profileDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
    throw e;
  }
}
