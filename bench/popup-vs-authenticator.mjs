// Issue 14's comparison, side by side: Tessera's popup (performance mark "tessera:codes-ready", as in
// bench/extension.mjs) and the Authenticator extension's (bench/support/authenticator.mjs), both browsers running at
// once, opens interleaved (T, A, A, T, T, A, ...) so that the machine's load hits both alike; with the
// service worker running and with it stopped before each open; medians and ratios. After each
// seeding, one uncounted open each (see below): the figures are for the popup as it is used, not
// for the first open after thousands of accounts were just written.
// The anchor is built from its source by bench/anchor/build-authenticator.sh (not shipped, not in
// git); without it this bench says so and measures nothing.
// Run: node bench/popup-vs-authenticator.mjs [runs]   (AUTHENTICATOR_DIR: the anchor's build)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { authenticatorDir, cpu, launchAuthenticator } from './support/authenticator.mjs';
import { buildBench, demoUri, launchWithExtension, median } from './support/chromium.mjs';

const runs = Number(process.argv[2] ?? 7);
const authDir = authenticatorDir();
if (!existsSync(join(authDir, 'manifest.json'))) {
  console.log(`skipped: no Authenticator build at ${authDir} (bench/anchor/build-authenticator.sh makes one; AUTHENTICATOR_DIR points elsewhere)`);
  process.exit(0);
}
const tesseraDir = buildBench();
const counts = [20, 200, 1000];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function launchTessera(dir) {
  const browser = await launchWithExtension(dir, 'tessera-sbs');
  const { context, id, page } = browser;
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const uri = demoUri;
  // As bench/extension.mjs: a vault with a passphrase, unlocked (its key stays in storage.session
  // while the worker is stopped), then the accounts imported through the automation API.
  await page.evaluate((msg) => chrome.runtime.sendMessage(msg), { type: 'vault.setup', passphrase: 'correct horse battery staple' });
  let have = 0;
  return {
    async seed(count) {
      const text = Array.from({ length: count - have }, (_, k) => uri(have + k)).join('\n');
      const imported = await page.evaluate((msg) => chrome.runtime.sendMessage(msg), { type: 'accounts.import', text });
      if (imported?.added?.length !== count - have) throw new Error(`Tessera imported ${imported?.added?.length} of ${count - have}: ${JSON.stringify(imported).slice(0, 200)}`);
      have = count;
    },
    async stopWorker() {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await sleep(300);
    },
    async open() {
      const popup = await context.newPage();
      try {
        const before = await cpu(cdp);
        await popup.goto(`chrome-extension://${id}/popup.html`);
        await popup.waitForSelector('html[data-ready="codes"]', { timeout: 60_000 });
        const after = await cpu(cdp);
        const ms = await popup.evaluate(() => performance.getEntriesByName('tessera:codes-ready')[0].startTime);
        return { ms, mainCpuMs: after.main - before.main, cpuMs: after.process - before.process };
      } finally {
        await popup.close();
      }
    },
    close: () => browser.close(),
  };
}

const tessera = await launchTessera(tesseraDir);
const auth = await launchAuthenticator({ dir: authDir, log: console.log });
const loads = [];
const load = async () => loads.push((await import('node:os')).loadavg()[0]);
try {
  const table = {};
  for (const count of counts) {
    await tessera.seed(count);
    await auth.seed(count);
    // Let the imports settle, then one open each that is not counted: the first popup after a
    // change to the vault has no session view to draw from yet (it is written by that open), and
    // the anchor's first open after its storage was rewritten is its slowest too.
    await sleep(2000);
    await tessera.open();
    await auth.open();
    for (const cold of [false, true]) {
      const t = [];
      const a = [];
      const ap = [];
      const tc = [];
      const ac = [];
      const tp = [];
      const apc = [];
      for (let i = 0; i < runs; i++) {
        await load();
        const order = i % 2 === 0 ? ['t', 'a'] : ['a', 't'];
        for (const who of order) {
          const s = who === 't' ? tessera : auth;
          if (cold) await s.stopWorker();
          const r = await s.open();
          if (who === 't') (t.push(r.ms), tc.push(r.mainCpuMs), tp.push(r.cpuMs));
          else (a.push(r.ms), ap.push(r.paintMs), ac.push(r.mainCpuMs), apc.push(r.cpuMs));
        }
      }
      const row = { tessera: median(t), auth: median(a), authPaint: median(ap), tesseraCpu: median(tc), authCpu: median(ac), tesseraProc: median(tp), authProc: median(apc) };
      table[`${count} ${cold ? 'cold' : 'warm'}`] = row;
      const f = (xs) => xs.map((x) => x.toFixed(0)).join(', ');
      console.log(`${String(count).padStart(4)} accounts, ${cold ? 'worker stopped first' : 'worker running     '}: Tessera ${row.tessera.toFixed(0)} ms (${f(t)}); Authenticator ${row.auth.toFixed(0)} ms to the DOM (${f(a)}), ${row.authPaint.toFixed(0)} ms after the next frame (${f(ap)}); ratio ${(row.tessera / row.auth).toFixed(2)}× (DOM) / ${(row.tessera / row.authPaint).toFixed(2)}× (frame)`);
      console.log(`      CPU of the extension's renderer, main thread: Tessera ${row.tesseraCpu.toFixed(0)} ms (${f(tc)}), Authenticator ${row.authCpu.toFixed(0)} ms (${f(ac)}), ratio ${(row.tesseraCpu / row.authCpu).toFixed(2)}×; whole process: ${row.tesseraProc.toFixed(0)} vs ${row.authProc.toFixed(0)} ms, ${(row.tesseraProc / row.authProc).toFixed(2)}×`);
    }
  }
  for (const kind of ['warm', 'cold']) {
    const t20 = table[`20 ${kind}`].tessera;
    for (const n of [200, 1000]) console.log(`  ${kind} ${n}: Tessera ${(table[`${n} ${kind}`].tessera / t20).toFixed(2)}× its own 20-account time (goal ≤ 1.3×)`);
  }
  console.log(`1-min load average during the runs: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (2 cores)`);
} finally {
  await tessera.close();
  await auth.close();
}
