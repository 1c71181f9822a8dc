// Headless Debian Chromium with one unpacked extension, for the benches that measure inside the
// real browser (extension.mjs, worker-start.mjs, popup-vs-authenticator.mjs, the anchor's).
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** `wxt build --mode bench` (exposes the worker's bench hooks); returns the build's folder. */
export function buildBench() {
  if (spawnSync('npx', ['wxt', 'build', '--mode', 'bench'], { stdio: 'ignore' }).status !== 0) throw new Error('bench build failed');
  return resolve('.output/chrome-mv3-bench');
}

/**
 * A fresh profile with the extension in `dir` loaded, its worker `sw`, its `id`, an extension `page`
 * (`pagePath`, Tessera's options page by default) and `api` to message the worker from it; `close()`
 * also removes the profile.
 */
export async function launchWithExtension(dir, name = 'tessera-bench', pagePath = 'options.html') {
  const profile = mkdtempSync(join(tmpdir(), `${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
    headless: true,
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(sw.url()).host;
  // An extension page to talk to the worker from, as the pages and tests do (none: pagePath null).
  const page = pagePath === null ? null : await context.newPage();
  await page?.goto(`chrome-extension://${id}/${pagePath}`);
  return {
    context,
    sw,
    id,
    page,
    /** One API message from the extension page (shared/automation-api.md). */
    api: (message) => page.evaluate((m) => chrome.runtime.sendMessage(m), message),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** The i-th demo account's base32 secret: 24 characters, distinct per account (the last 8 encode i). */
export const demoSecret = (i) => 'JBSWY3DPEHPK3PXP' + Array.from({ length: 8 }, (_, k) => B32[(i >> (5 * k)) & 31]).join('');
/** The i-th demo account as an otpauth:// URI (Key Uri Format), Service<i>:user<i>@example.com. */
export const demoUri = (i) => `otpauth://totp/Service${i}:user${i}%40example.com?secret=${demoSecret(i)}&issuer=Service${i}`;
