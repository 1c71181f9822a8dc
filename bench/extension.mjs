// Figures measured inside the real extension in headless Chromium (Debian's chromium):
//  - the KDF candidates where they really run (the service worker), medians;
//  - vault.unlock round trip with the default parameters (what a user waits for);
//  - the popup's time from opening to every code shown, with 200 accounts (performance mark
//    "tessera:codes-ready", median of several opens).
// Run: node bench/extension.mjs [runs]   (npm run bench runs it with the others)
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const runs = Number(process.argv[2] ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

if (spawnSync('npx', ['wxt', 'build', '--mode', 'bench'], { stdio: 'ignore' }).status !== 0) throw new Error('bench build failed');
const dir = resolve('.output/chrome-mv3-bench');
const profile = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
  headless: true,
  args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
try {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(sw.url()).host;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  const api = (m) => page.evaluate((msg) => chrome.runtime.sendMessage(msg), m);

  console.log(`KDF candidates in the service worker (argon2id, median of ${runs}):`);
  const rows = await sw.evaluate((n) => globalThis.tesseraBench.benchKdf({ runs: n }), Math.max(3, Math.floor(runs / 2)));
  console.log('  engine     memory    t  p   median');
  for (const r of rows) console.log(`  ${r.engine.padEnd(9)} ${String(r.memoryKiB / 1024).padStart(4)} MiB  ${r.iterations}  ${r.parallelism}   ${fmt(r.medianMs)}`);

  await api({ type: 'vault.setup', passphrase: 'correct horse battery staple' });
  const unlocks = [];
  for (let i = 0; i < runs; i++) {
    await api({ type: 'vault.lock' });
    const t0 = performance.now();
    await api({ type: 'vault.unlock', passphrase: 'correct horse battery staple' });
    unlocks.push(performance.now() - t0);
  }
  console.log(`\nvault.unlock round trip, default parameters: median ${fmt(median(unlocks))}`);

  const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const secretFor = (i) => 'JBSWY3DPEHPK3PXP' + Array.from({ length: 8 }, (_, k) => B32[(i >> (5 * k)) & 31]).join('');
  const lines = Array.from({ length: 200 }, (_, i) => `otpauth://totp/Service${i}:user${i}%40example.com?secret=${secretFor(i)}&issuer=Service${i}`).join('\n');
  const imported = await api({ type: 'accounts.import', text: lines });
  if (imported.added.length !== 200) throw new Error(`imported ${imported.added.length} of 200: ${JSON.stringify(imported.errors.slice(0, 2))}`);
  const opens = [];
  for (let i = 0; i < runs; i++) {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    await popup.waitForSelector('html[data-ready="codes"]');
    opens.push(await popup.evaluate(() => performance.getEntriesByName('tessera:codes-ready')[0].startTime));
    await popup.close();
  }
  console.log(`Popup, open to all codes shown, 200 accounts: median ${fmt(median(opens))} (runs: ${opens.map((x) => x.toFixed(0)).join(', ')})`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
