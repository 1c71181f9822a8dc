// Search in the popup (issue 14): one keystroke filters 1,000 accounts in ≤ 16 ms. Measures
// lib/order/search.ts as the popup uses it: building the index once per list, then a filter
// per keystroke (each prefix of a query typed letter by letter), and sorting 1,000 accounts.
// Medians over several runs. Run: node bench/popup-search.mjs [runs]
import { createServer } from 'vite';

const runs = Number(process.argv[2] ?? 21);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await createServer({ server: { middlewareMode: true }, appType: 'custom', logLevel: 'error' });
try {
  const { SearchIndex } = await server.ssrLoadModule('/lib/order/search.ts');
  const { sortAccounts } = await server.ssrLoadModule('/lib/order/order.ts');
  const names = ['Google', 'GitHub', 'Microsoft', 'Amazon Web Services', 'Dropbox', 'Société Générale', 'さくら銀行', 'カブドットコム', '楽天', 'Discord'];
  const accounts = Array.from({ length: 1000 }, (_, i) => ({ id: `id${i}`, issuer: `${names[i % names.length]} ${i}`, label: `user${i}@example.com`, sites: [`site${i}.example`], tags: i % 7 ? [] : ['Work'] }));
  const build = [];
  const keystroke = [];
  const sort = [];
  // Run 0 warms up (JIT, ICU data) and is not counted.
  for (let r = 0; r <= runs; r++) {
    const count = r > 0;
    let t = performance.now();
    const index = new SearchIndex(accounts);
    if (count) build.push(performance.now() - t);
    for (const q of ['s', 'so', 'soc', 'soci', 'socie', 'societe', 'societe 9', 'さくら', 'user77']) {
      t = performance.now();
      index.filter(q);
      if (count) keystroke.push(performance.now() - t);
    }
    t = performance.now();
    sortAccounts(accounts);
    if (count) sort.push(performance.now() - t);
  }
  console.log(`Search index over 1,000 accounts: build median ${median(build).toFixed(2)} ms (once per list)`);
  console.log(`One keystroke's filter over 1,000 accounts: median ${median(keystroke).toFixed(3)} ms, 95th percentile ${[...keystroke].sort((a, b) => a - b)[Math.floor(keystroke.length * 0.95)].toFixed(3)} ms, worst ${Math.max(...keystroke).toFixed(3)} ms (goal ≤ 16 ms)`);
  console.log(`Sorting 1,000 accounts (issuer, label; collator 'ja'): median ${median(sort).toFixed(2)} ms`);
} finally {
  await server.close();
}
