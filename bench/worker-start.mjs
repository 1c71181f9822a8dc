// The service worker's cold start (issue 14): what a popup opened after 30 s idle waits for
// before its first message is answered. Measured inside the real extension in headless Chromium:
//  - module load: time from the worker's start to the first line of its main (fetching, parsing
//    and running every module background.js imports; `tesseraBench.mainAt`, bench builds only);
//  - `vault.status` round trip from an extension page with the worker stopped first (worker start
//    + module load + the answer), and with it running;
//  - `popup.init` round trip at 200 and 1,000 accounts, stopped first and running (the vault's
//    records are opened again after a cold start), and running with `known` as a popup drawn from
//    its session view asks (the account list is then derived already: Vault.derived).
// Run: node bench/worker-start.mjs [runs]   (npm run bench runs it with the others)
import { buildBench, demoUri, launchWithExtension, median } from './support/chromium.mjs';

const runs = Number(process.argv[2] ?? 7);
const fmt = (ms) => `${ms.toFixed(1)} ms`;

const browser = await launchWithExtension(buildBench());
const { context, id, page, api } = browser;
let { sw } = browser;
try {
  // The round trip as the page sees it, timed in the page.
  const timed = (m) => page.evaluate(async (msg) => {
    const t0 = performance.now();
    const a = await chrome.runtime.sendMessage(msg);
    return { ms: performance.now() - t0, ok: a?.ok };
  }, m);
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const stopWorker = async () => {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 300));
  };
  /** The worker's own figure for its last start (read after a cold round trip woke it). */
  const mainAt = async () => {
    sw = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`)) ?? (await context.waitForEvent('serviceworker'));
    return sw.evaluate(() => globalThis.tesseraBench.mainAt);
  };

  await api({ type: 'vault.setup', passphrase: 'correct horse battery staple' });
  const uri = demoUri;

  const loads = [];
  const statusCold = [];
  const statusWarm = [];
  for (let i = 0; i < runs; i++) {
    await stopWorker();
    statusCold.push((await timed({ type: 'vault.status' })).ms);
    loads.push(await mainAt());
    statusWarm.push((await timed({ type: 'vault.status' })).ms);
  }
  console.log(`Worker start to main (module load): median ${fmt(median(loads))} (runs ${loads.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`vault.status round trip: median ${fmt(median(statusCold))} worker stopped first, ${fmt(median(statusWarm))} running`);

  let have = 0;
  for (const count of [200, 1000]) {
    const imported = await api({ type: 'accounts.import', text: Array.from({ length: count - have }, (_, k) => uri(have + k)).join('\n') });
    if (imported.added.length !== count - have) throw new Error(`imported ${imported.added.length} of ${count - have}`);
    have = count;
    const cold = [];
    const warm = [];
    const known = [];
    for (let i = 0; i < runs; i++) {
      await stopWorker();
      const c = await timed({ type: 'popup.init', first: 13 });
      if (!c.ok) throw new Error('popup.init failed after a cold start');
      cold.push(c.ms);
      warm.push((await timed({ type: 'popup.init', first: 13 })).ms);
      // As a popup drawn from the session view asks: naming the view's generation (`unchanged` answer).
      const generation = await page.evaluate(async () => JSON.parse((await chrome.storage.session.get('popupView')).popupView).generation);
      known.push((await timed({ type: 'popup.init', first: 13, known: generation })).ms);
    }
    console.log(`popup.init round trip, ${String(count).padStart(4)} accounts: median ${fmt(median(cold))} worker stopped first (runs ${cold.map((x) => x.toFixed(0)).join(', ')}), ${fmt(median(warm))} running, ${fmt(median(known))} running and naming the view (known)`);
  }
} finally {
  await browser.close();
}
