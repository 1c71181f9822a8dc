// `npm start`: builds the extension, serves the demo site on 127.0.0.1 and opens Chromium
// with the unpacked build loaded at the site's sign-up page. Without a display it prints
// how to load the build into a browser by hand and keeps the site running.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSiteServer } from '../tests/site/server.mjs';
import { chromiumPath, ensureSystemPackages } from './system-deps.mjs';

if (spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const extension = resolve('.output/chrome-mv3');
const { url } = await startSiteServer(Number(process.env.PORT ?? 4173));
console.log(`\nDemo site: ${url}/signup (enroll) and ${url}/login (verify a code)`);

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasDisplay) {
  console.log(`
No display here, so no browser window was opened. To try Tessera:
  1. In Chrome or Chromium open chrome://extensions, turn on "Developer mode",
     click "Load unpacked" and choose ${extension}
  2. Open ${url}/signup, click the Tessera toolbar icon, set a passphrase,
     then "Scan QR code on this page"; log in at ${url}/login.
(Firefox: npm run build:firefox, then about:debugging → "Load Temporary Add-on" → .output/firefox-mv3/manifest.json)
The demo site keeps running until you press Ctrl+C.`);
} else {
  ensureSystemPackages(['chromium']);
  const profile = mkdtempSync(join(tmpdir(), 'tessera-start-'));
  const browser = spawn(chromiumPath(), [
    `--user-data-dir=${profile}`, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
    '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    // Chromium refuses to start as root without it (containers, CI machines).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    `${url}/signup`,
  ], { stdio: 'ignore' });
  browser.on('exit', () => process.exit(0));
  console.log('Chromium is open with Tessera loaded; close it (or press Ctrl+C) to stop.');
}
