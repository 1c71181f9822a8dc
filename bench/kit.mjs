// The Playwright kit's overheads (kit/, docs/testing-kit.md), with Debian's Chromium headless:
// - worker start: launchTessera (Chromium with the build, service worker, options page, vault
//   set-up with the KDF), what each Playwright worker pays once;
// - reset() before a test, with an empty vault and with 20 accounts;
// - code() (accounts.list + codes.get) and fill(page) (tab lookup + autofill.fill) round trips.
// Needs `npm run build` (.output/chrome-mv3); compiles the kit first (tsconfig.kit.json).
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';

if (spawnSync('npx', ['tsc', '-p', 'tsconfig.kit.json'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const { launchTessera } = await import('../dist/kit/playwright.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const options = { executablePath: CHROMIUM, extensionDir: '.output/chrome-mv3' };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end('<form><label for="otp">Code</label><input id="otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6"></form>');
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const site = `http://127.0.0.1:${server.address().port}`;

const starts = [];
for (let i = 0; i < 5; i++) {
  let t;
  starts.push(await time(async () => (t = await launchTessera(options))));
  await t.close();
}
console.log(`worker start (launch + vault set-up): median ${median(starts).toFixed(0)} ms (${starts.map((x) => x.toFixed(0)).join(', ')})`);

const tessera = await launchTessera(options);
const page = await tessera.context.newPage();
await page.goto(`${site}/login`);
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const empty = [], full = [], codes = [], fills = [];
for (let i = 0; i < 7; i++) empty.push(await time(() => tessera.reset()));
for (let i = 0; i < 7; i++) {
  for (let n = 0; n < 20; n++) await tessera.addAccount(SECRET, { issuer: `Issuer ${n}`, label: 'x', ...(n === 0 ? { site } : {}) });
  for (let k = 0; k < 3; k++) codes.push(await time(() => tessera.code('Issuer 7')));
  for (let k = 0; k < 3; k++) fills.push(await time(() => tessera.fill(page)));
  full.push(await time(() => tessera.reset()));
}
console.log(`reset(), empty vault: median ${median(empty).toFixed(0)} ms`);
console.log(`reset(), 20 accounts: median ${median(full).toFixed(0)} ms`);
console.log(`code(issuer), 20 accounts: median ${median(codes).toFixed(1)} ms`);
console.log(`fill(page), 20 accounts: median ${median(fills).toFixed(1)} ms`);
await tessera.close();
server.close();
