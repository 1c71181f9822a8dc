// The anchor of issue 14: the Authenticator extension's popup (github.com/Authenticator-Extension/
// Authenticator, release v8.0.2, built for Chrome, unpacked) measured the same way as Tessera's in
// bench/extension.mjs: headless Debian Chromium, a fresh profile, N TOTP accounts, the popup page
// opened as a tab, the time from navigation start (performance.now() in the page) to the moment
// every account row in the document shows its code; optionally with the extension's service worker
// stopped before each open (as after 30 s idle).
//
// Only facts about Authenticator are used here (no code of it): where it keeps accounts and how its
// popup shows them, read from its v8.0.2 source:
//  - accounts are chrome.storage.local / .sync entries keyed by a v4 UUID, unencrypted when no
//    password is set: { dataType: "OTPStorage", encrypted: false, hash: <the key>, index, type: "totp",
//    secret (base32), issuer, account }; settings are the "UserSettings" entry, and
//    { storageLocation: "local" } there pins the area (otherwise it guesses it from the item counts;
//    sync could not hold 1,000 accounts anyway: 512 items at most);
//  - the popup is view/popup.html (Vue 2); each account is an `a.entry[data-x-role="entry"]` whose
//    `.code` shows bullets until its code is computed, then the digits; codes are computed when the
//    accounts are loaded, before the first render, and all rows are rendered at once (no windowing),
//    so "the first screen of codes" and "every code" are the same moment for it;
//  - its popup does not message its service worker when it opens: with the worker stopped first, the
//    worker stays stopped (seen through CDP ServiceWorker.workerVersionUpdated), so its "cold" open
//    differs from the warm one only by chance.
// The time taken is the DOM mutation that completes the last row's digits (a MutationObserver set
// before the page's scripts run). Tessera's mark "tessera:codes-ready" is set in a Preact effect,
// which runs after the next animation frame (rAF then a task), so `ms` is, if anything, early for
// Authenticator (it favours the anchor); `paintMs` takes the same rAF + task after that commit, the
// like-for-like reading. Both are returned, with the CPU time its renderer spent (see open()).
//
// Build of the anchor: bench/anchor/build-authenticator.sh (tag v8.0.2, release webpack config) →
// bench/anchor/authenticator-chrome (not in git), or wherever AUTHENTICATOR_DIR points.
// Run: node bench/support/authenticator.mjs [runs] [dir]   prints the medians at 20 / 200 / 1,000 accounts,
// with the worker running and with it stopped first.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { launchWithExtension, median } from './chromium.mjs';

/** Where the anchor's unpacked build is: AUTHENTICATOR_DIR, else bench/anchor/authenticator-chrome. */
export function authenticatorDir() {
  return resolve(process.env.AUTHENTICATOR_DIR ?? 'bench/anchor/authenticator-chrome');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
// 24 base32 characters = 15 bytes (no padding needed), distinct per account (the last 8 encode i).
const secretFor = (i) => 'JBSWY3DPEHPK3PXP' + Array.from({ length: 8 }, (_, k) => B32[Math.floor(i / 32 ** k) % 32]).join('');

// Runs in every page of the context before its scripts; acts only on the popup. The expected number
// of rows comes in the URL's hash (Authenticator's popup reads location.search, never the hash).
function watchCodes() {
  if (!location.pathname.endsWith('/view/popup.html')) return;
  const want = Number(/n=(\d+)/.exec(location.hash)?.[1] ?? 0);
  const result = (globalThis.__anchorBench = { ms: null, paintMs: null, rows: 0 });
  const check = () => {
    const rows = document.querySelectorAll('a.entry[data-x-role="entry"]');
    if (!rows.length || rows.length < want) return false;
    for (const row of rows) {
      const code = row.querySelector('.code')?.textContent.replace(/\s/g, '') ?? '';
      if (!/^\d{6,10}$/.test(code)) return false;
    }
    result.rows = rows.length;
    return true;
  };
  const observer = new MutationObserver(() => {
    if (result.ms !== null || !check()) return;
    result.ms = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (result.paintMs = performance.now()), 0));
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

/** CPU seconds → ms so far of the renderer behind a CDP session with Performance enabled (threadTicks). */
export async function cpu(session) {
  const m = Object.fromEntries((await session.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  return { main: 1000 * m.ThreadTime, process: 1000 * m.ProcessTime };
}

/**
 * Launches Chromium with Authenticator unpacked in a fresh profile; returns a session to seed
 * accounts, stop its service worker and open its popup (so a bench can interleave it with Tessera).
 * @param {{ dir?: string, timeoutMs?: number, log?: (line: string) => void }} options
 */
export async function launchAuthenticator({
  dir = authenticatorDir(),
  timeoutMs = 60_000,
  log = () => {},
} = {}) {
  const browser = await launchWithExtension(resolve(dir), 'authenticator-bench', null);
  const { context, id } = browser;
  const close = () => browser.close();
  try {
    await context.addInitScript(watchCodes);
    // On install Authenticator opens a help tab on the network (otp.ee/chromeissues): close any tab
    // that is not one of ours.
    const foreign = (p) => !p.url().startsWith('about:blank') && !p.url().startsWith(`chrome-extension://${id}/`);
    const closeForeign = (p) => foreign(p) && (log(`(closed a tab Authenticator opened: ${p.url()})`), p.close());
    context.on('page', (p) => void p.waitForLoadState('commit').then(() => closeForeign(p)).catch(() => {}));
    for (const p of context.pages()) await closeForeign(p);

    // A quiet extension page of Authenticator's own (its QR debugging page does nothing until
    // messaged) to write its storage from and to stop its worker through CDP, as Tessera's bench does
    // from its options page.
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/view/qrdebug.html`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    // CPU time, less sensitive to the machine's load than wall time: all pages of an extension (and
    // its worker) share one renderer process, so this page's session sees the popup's work too.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });

    let have = 0;
    return {
      id,
      context,
      close,
      /** Adds accounts until there are `count` (issuers Service0..Service<count-1>, in that order). */
      async seed(count) {
        const items = {};
        for (let i = have; i < count; i++) {
          const hash = randomUUID();
          items[hash] = { dataType: 'OTPStorage', encrypted: false, hash, index: i, type: 'totp', secret: secretFor(i), issuer: `Service${i}`, account: `user${i}@example.com` };
        }
        await page.evaluate((data) => chrome.storage.local.set({ ...data, UserSettings: { storageLocation: 'local' } }), items);
        have = Math.max(have, count);
      },
      /** Stops the extension's service worker (as after 30 s idle), like bench/extension.mjs. */
      async stopWorker() {
        await cdp.send('ServiceWorker.stopAllWorkers');
        await sleep(300);
      },
      /**
       * Opens the popup as a tab and closes it again. Returns, from navigation start, `ms` (DOM commit
       * of the last code) and `paintMs` (after the next frame); and the CPU the extension's renderer
       * process spent meanwhile: `mainCpuMs` (its main thread) and `cpuMs` (all its threads,
       * 10 ms resolution). The CPU figures include up to ~50 ms of polling after the codes showed.
       */
      async open() {
        const popup = await context.newPage();
        try {
          const before = await cpu(cdp);
          await popup.goto(`chrome-extension://${id}/view/popup.html#n=${have}`);
          const handle = await popup.waitForFunction(() => globalThis.__anchorBench?.paintMs != null && globalThis.__anchorBench, null, { timeout: timeoutMs, polling: 50 });
          const after = await cpu(cdp);
          const { ms, paintMs, rows } = await handle.jsonValue();
          if (rows !== have) throw new Error(`Authenticator's popup shows ${rows} rows, expected ${have}`);
          return { ms, paintMs, mainCpuMs: after.main - before.main, cpuMs: after.process - before.process };
        } finally {
          await popup.close();
        }
      },
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * Measures Authenticator's popup, open → every account row showing its code, `runs` opens per count.
 * @param {{ dir?: string, counts?: number[], runs?: number, coldStart?: boolean,
 *   timeoutMs?: number, log?: (line: string) => void }} options
 * @returns {Promise<Record<number, { median: number, paintMedian: number, mainCpuMedian: number, cpuMedian: number,
 *   runs: number[], paintRuns: number[] }>>} `median`: to the DOM commit of the last code; `paintMedian`:
 *   after the next frame; `mainCpuMedian` / `cpuMedian`: CPU ms of the extension's renderer (see open()).
 */
export async function measureAuthenticator({ counts = [20, 200, 1000], runs = 5, coldStart = false, log = () => {}, ...launch } = {}) {
  const session = await launchAuthenticator({ ...launch, log });
  try {
    const results = {};
    for (const count of [...counts].sort((a, b) => a - b)) {
      await session.seed(count);
      const ms = [];
      const paint = [];
      const mainCpu = [];
      const procCpu = [];
      for (let i = 0; i < runs; i++) {
        if (coldStart) await session.stopWorker();
        const r = await session.open();
        ms.push(r.ms);
        paint.push(r.paintMs);
        mainCpu.push(r.mainCpuMs);
        procCpu.push(r.cpuMs);
      }
      results[count] = { median: median(ms), paintMedian: median(paint), mainCpuMedian: median(mainCpu), cpuMedian: median(procCpu), runs: ms, paintRuns: paint };
      log(`Authenticator popup, ${String(count).padStart(4)} accounts, ${coldStart ? 'worker stopped first' : 'worker running'}: median ${median(ms).toFixed(1)} ms to codes in the DOM (runs ${ms.map((x) => x.toFixed(0)).join(', ')}), ${median(paint).toFixed(1)} ms after the next frame; CPU ${median(mainCpu).toFixed(0)} ms main thread, ${median(procCpu).toFixed(0)} ms renderer process`);
    }
    return results;
  } finally {
    await session.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.argv[2] ?? 5);
  const dir = process.argv[3];
  for (const coldStart of [false, true]) await measureAuthenticator({ dir, runs, coldStart, log: console.log });
}
