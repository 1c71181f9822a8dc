// Screenshots for the README (issue 14): the popup and the options page, light and dark, taken
// from the real build (.output/chrome-mv3, run `npx wxt build` first) in headless Chromium with
// demo accounts (made-up secrets). Writes docs/screenshots/{popup,options}-{light,dark}.png.
// Usage: node scripts/screenshots.mjs   (CHROMIUM_PATH overrides /usr/lib/chromium/chromium)
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const ext = join(root, '.output/chrome-mv3');
const out = join(root, 'docs/screenshots');
const DEMO = [
  'otpauth://totp/GitHub:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
  'otpauth://totp/Example%20Bank:alice?secret=GEZDGNBVGY3TQOJQ&issuer=Example%20Bank&digits=8',
  'otpauth://totp/Mastodon:@alice@example.social?secret=KRSXG5CTMVRXEZLU&issuer=Mastodon',
  'otpauth://hotp/VPN:alice?secret=MFRGGZDFMZTWQ2LK&issuer=VPN&counter=12',
].join('\n');

mkdirSync(out, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'tessera-shots-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
  headless: true,
  locale: 'en-US',
  args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--lang=en-US'],
});
try {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(sw.url()).host;
  const options = await context.newPage();
  await options.setViewportSize({ width: 960, height: 640 });
  await options.goto(`chrome-extension://${id}/options.html`);
  const api = (m) => options.evaluate((msg) => chrome.runtime.sendMessage(msg), m);
  await api({ type: 'vault.setup', passphrase: 'correct horse battery staple' });
  await api({ type: 'accounts.import', text: DEMO });
  await api({ type: 'backup.dismiss' });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 360, height: 330 });
  for (const scheme of ['light', 'dark']) {
    await popup.emulateMedia({ colorScheme: scheme });
    await options.emulateMedia({ colorScheme: scheme });
    await popup.goto(`chrome-extension://${id}/popup.html`);
    await popup.waitForSelector('html[data-ready="codes"]');
    await popup.screenshot({ path: join(out, `popup-${scheme}.png`) });
    // A fresh load: the page was opened on the set-up screen, and a hash change alone keeps it.
    await options.goto('about:blank');
    await options.goto(`chrome-extension://${id}/options.html#accounts`);
    await options.waitForSelector('tr[data-account-id]');
    await options.screenshot({ path: join(out, `options-${scheme}.png`) });
    console.log(`docs/screenshots/popup-${scheme}.png, options-${scheme}.png`);
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
