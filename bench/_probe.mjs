import { launchWithExtension, demoUri } from '/work/main/bench/support/chromium.mjs';
const browser = await launchWithExtension('/work/main/.output/chrome-mv3-bench');
const { context, id, api, page } = browser;
await api({ type: 'vault.setup', passphrase: 'correct horse battery staple' });
await api({ type: 'accounts.import', text: Array.from({ length: Number(process.env.N ?? 200) }, (_, i) => demoUri(i)).join('\n') });
const cdp = await context.newCDPSession(page);
await cdp.send('ServiceWorker.enable');
for (let run = 0; run < 4; run++) {
  const cold = run % 2 === 1;
  if (cold) { await cdp.send('ServiceWorker.stopAllWorkers'); await new Promise(r => setTimeout(r, 300)); }
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/manifest.json`);
  const s = await context.newCDPSession(popup);
  const events = [];
  s.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => s.once('Tracing.tracingComplete', r));
  await s.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing', 'loading', 'toplevel'] }, transferMode: 'ReportEvents' });
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.waitForSelector('html[data-ready="codes"]');
  await s.send('Tracing.end'); await done;
  const threads = new Map();
  for (const e of events) if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const marks = events.filter(e => e.cat?.includes('blink.user_timing')).map(e => [e.name, e.ts]);
  const navStart = events.filter(e => e.name === 'navigationStart').map(e=>e.ts).pop();
  console.log(cold ? 'cold' : 'warm', marks.filter(m=>m[0].startsWith('tessera')||m[0].startsWith('dom')).map(([n, t]) => `${n}@${Math.round((t - navStart)/1000)}`).join(' '));
  const end = marks.find(m => m[0] === 'tessera:codes-ready')?.[1] ?? Infinity;
  // self time per event name on the renderer main thread (nested X events subtract from parents)
  const main = events.filter(e => e.ph === 'X' && e.dur && threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.ts >= navStart && e.ts <= end).sort((a,b)=>a.ts-b.ts || b.dur-a.dur);
  const self = new Map(); const stack = [];
  for (const e of main) {
    while (stack.length && stack[stack.length-1].ts + stack[stack.length-1].dur <= e.ts) stack.pop();
    const parent = stack[stack.length-1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
    stack.push(e);
  }
  const top = [...self].filter(([k,v]) => v > 1500).sort((a,b)=>b[1]-a[1]).slice(0,14);
  console.log('   ', top.map(([k,v]) => `${k}=${(v/1000).toFixed(1)}`).join('  '));
  await popup.close();
}
await browser.close();
