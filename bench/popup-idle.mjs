// The popup's idle CPU with 1,000 accounts (issue 14: ≤ 1 % of a core): main-thread task time
// over wall time (CDP Performance.getMetrics `TaskDuration`) of a popup left open, once it has
// settled (3 s: popup.init's answer, the issuer icons' chunk), in 4 s windows, with the search box
// focused (as the popup opens: its caret) and with nothing focused. Medians; a window that holds
// a time step (the rows' new codes) is shown as it is.
// Run: node bench/popup-idle.mjs [windows]   (npm run bench runs it with the others)
import { buildBench, demoUri, launchWithExtension, median } from './support/chromium.mjs';

const windows = Number(process.argv[2] ?? 6);
const browser = await launchWithExtension(buildBench(), 'tessera-idle');
const { context, id, api } = browser;
try {
  await api({ type: 'vault.setup', passphrase: 'correct horse battery staple' });
  await api({ type: 'accounts.import', text: Array.from({ length: 1000 }, (_, i) => demoUri(i)).join('\n') });
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.waitForSelector('html[data-ready="codes"]');
  const cdp = await context.newCDPSession(popup);
  await cdp.send('Performance.enable');
  const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  await new Promise((r) => setTimeout(r, 3000));
  for (const focused of [true, false]) {
    if (!focused) await popup.evaluate(() => document.activeElement?.blur());
    const shares = [];
    for (let i = 0; i < windows; i++) {
      const t0 = await task();
      const w0 = performance.now();
      await new Promise((r) => setTimeout(r, 4000));
      shares.push((100 * ((await task()) - t0)) / ((performance.now() - w0) / 1000));
    }
    console.log(`Popup idle with 1,000 accounts, ${focused ? 'search focused' : 'nothing focused'}: median ${median(shares).toFixed(2)} % of a core (windows ${shares.map((x) => x.toFixed(2)).join(', ')} %; goal ≤ 1 %)`);
  }
} finally {
  await browser.close();
}
