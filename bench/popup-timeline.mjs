// Where a popup open's time goes (issue 14), 200 accounts by default, worker running and stopped
// first; with the worker running twice: opened straight after the previous popup (as the other
// benches do) and 1.5 s after it (the previous open's popup.init, sent after its first screen, is
// then done):
// medians of the page's own marks from navigation start — the document's response, the early
// script (entrypoints/popup-early.ts) running, the popup's own reads for its first screen done
// (components/popup/first-message.ts), the DOM ready, the first screen computed from the session
// view (lib/popup/first-screen.ts), and the first screen of codes shown (`tessera:codes-ready`).
// popup.init leaves after that screen when the view will do, so its marks are not shown.
// Run: node bench/popup-timeline.mjs [runs] [accounts]   (npm run bench runs it with the others)
import { buildBench, demoUri, launchWithExtension, median } from './support/chromium.mjs';

const runs = Number(process.argv[2] ?? 7);
const accounts = Number(process.argv[3] ?? 200);
const SETTLE_MS = 1500;
const browser = await launchWithExtension(buildBench());
const { context, sw, id, page, api } = browser;
try {
  await api({ type: 'vault.setup', passphrase: 'correct horse battery staple' });
  await api({ type: 'accounts.import', text: Array.from({ length: accounts }, (_, i) => demoUri(i)).join('\n') });
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  for (const mode of ['worker running', `worker running, ${SETTLE_MS / 1000} s between opens`, 'worker stopped first']) {
    const rows = [];
    for (let i = 0; i < runs; i++) {
      if (mode === 'worker stopped first') {
        await cdp.send('ServiceWorker.stopAllWorkers');
        await new Promise((r) => setTimeout(r, 300));
      } else if (mode !== 'worker running') await new Promise((r) => setTimeout(r, SETTLE_MS));
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${id}/popup.html`);
      await popup.waitForSelector('html[data-ready="codes"]');
      rows.push(await popup.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
        return {
          'document received': nav.responseEnd,
          'early script runs': mark('tessera:early'),
          'own reads done': mark('tessera:reads-done'),
          'DOM ready': nav.domContentLoadedEventEnd,
          'first screen computed': mark('tessera:first-screen'),
          'codes shown': mark('tessera:codes-ready'),
        };
      }));
      await popup.close();
    }
    console.log(`Popup over ${accounts} accounts, ${mode} (median ms from navigation start, ${runs} opens):`);
    for (const k of Object.keys(rows[0])) console.log(`  ${k.padEnd(20)} ${median(rows.map((r) => r[k])).toFixed(0).padStart(5)}`);
  }
} finally {
  await browser.close();
}
