// Figures measured inside the real extension in headless Chromium (Debian's chromium):
//  - the KDF candidates where they really run (the service worker), medians;
//  - vault.unlock round trip with the default parameters (what a user waits for);
//  - the popup's time from opening to the first screen of codes shown (performance mark
//    "tessera:codes-ready", median of several opens) with 20, 200 and 1,000 accounts, with the
//    service worker running and with it stopped before the popup opens (issue 14);
//  (the popup's idle CPU is bench/popup-idle.mjs).
// Run: node bench/extension.mjs [runs]   (npm run bench runs it with the others)
import { buildBench, demoUri, launchWithExtension, median } from './support/chromium.mjs';

const runs = Number(process.argv[2] ?? 7);
const fmt = (ms) => `${ms.toFixed(1)} ms`;

const browser = await launchWithExtension(buildBench());
const { context, sw, id, page, api } = browser;
try {

  console.log(`KDF candidates in the service worker (argon2id, median of ${runs}):`);
  const rows = await sw.evaluate(async (n) => (await globalThis.tesseraBench.kdf()).benchKdf({ runs: n }), Math.max(3, Math.floor(runs / 2)));
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

  const uri = demoUri;
  const cdp = await context.newCDPSession(page);
  const openPopup = async () => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    await popup.waitForSelector('html[data-ready="codes"]');
    const ms = await popup.evaluate(() => performance.getEntriesByName('tessera:codes-ready')[0].startTime);
    return { popup, ms };
  };
  const stopWorker = async () => {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // Let the browser notice: the next message wakes the worker (a cold start).
    await new Promise((r) => setTimeout(r, 300));
  };
  let have = 0;
  const results = {};
  for (const count of [20, 200, 1000]) {
    const text = Array.from({ length: count - have }, (_, k) => uri(have + k)).join('\n');
    const imported = await api({ type: 'accounts.import', text });
    if (imported.added.length !== count - have) throw new Error(`imported ${imported.added.length} of ${count - have}`);
    have = count;
    const warm = [];
    const cold = [];
    for (let i = 0; i < runs; i++) {
      const { popup, ms } = await openPopup();
      warm.push(ms);
      await popup.close();
    }
    for (let i = 0; i < runs; i++) {
      await stopWorker();
      const { popup, ms } = await openPopup();
      cold.push(ms);
      await popup.close();
    }
    results[count] = { warm: median(warm), cold: median(cold) };
    console.log(`Popup, open to first screen of codes, ${String(count).padStart(4)} accounts: median ${fmt(median(warm))} (worker running; runs ${warm.map((x) => x.toFixed(0)).join(', ')}), ${fmt(median(cold))} (worker stopped first; runs ${cold.map((x) => x.toFixed(0)).join(', ')})`);
  }
  // Authenticator's figures as published in issue 14 (bench/popup-vs-authenticator.mjs measures it side by side).
  const anchor = { 20: 400, 200: 739, 1000: 2160 };
  for (const n of [200, 1000]) console.log(`  ${n} accounts: ${(results[n].warm / anchor[n]).toFixed(3)}× Authenticator's ${anchor[n]} ms (goal ≤ 0.3×); ${(results[n].warm / results[20].warm).toFixed(2)}× Tessera's own 20-account time (goal ≤ 1.3×)`);

} finally {
  await browser.close();
}
