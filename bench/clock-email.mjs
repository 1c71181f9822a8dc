// Issue 15 costs, in Node: the clock estimator (ClockEstimator.observe + estimate over 64 servers,
// the in-memory cap; and through SessionEstimator, which keeps samples across background restarts) and the e-mail code scoring (pickMailCode over 200 list rows, the reader's cap,
// each a ~300-character message with numbers). lib/clock and lib/email are bundled with Vite first,
// as the background gets them. Prints medians; nothing is asserted.
//
//   node bench/clock-email.mjs [runs]      (default 15 runs per row, after one warm-up)
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const runs = Math.max(1, Number(process.argv[2] ?? 15));
const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-clock-email-bench-'));
await build({
  root, configFile: false, publicDir: false, logLevel: 'warn',
  build: { outDir, emptyOutDir: true, minify: false, lib: { entry: { estimator: 'lib/clock/estimator.ts', memory: 'lib/clock/memory.ts', detect: 'lib/email/detect.ts' }, formats: ['es'] } },
});
const load = (name) => import(pathToFileURL(path.join(outDir, `${name}.js`)).href);
const { ClockEstimator } = await load('estimator');
const { pickMailCode } = await load('detect');
const { SessionEstimator } = await load('memory');

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
function measure(label, fn) {
  fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  console.log(`${label}: median ${median(times).toFixed(3)} ms (${runs} runs)`);
}

const now = Date.now();
measure('clock: 1,000 responses from 64 servers, then estimate', () => {
  const e = new ClockEstimator();
  for (let i = 0; i < 1000; i++) e.observe({ server: `s${i % 64}`, date: new Date(now - 47_000 + i).toUTCString(), receivedAt: now + i });
  e.estimate(now + 1000);
});
// The same through the background's SessionEstimator (lib/clock/memory.ts): a salted SHA-256 per
// response and a storage.session write when a server is new or moved, here a structured-clone map.
async function measureAsync(label, fn) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  console.log(`${label}: median ${median(times).toFixed(3)} ms (${runs} runs)`);
}
await measureAsync('clock: the same 1,000 responses kept across restarts (hash + session writes), then estimate', async () => {
  const data = {};
  const area = { get: async (k) => (k in data ? { [k]: structuredClone(data[k]) } : {}), set: async (items) => void Object.assign(data, structuredClone(items)) };
  const e = new SessionEstimator(area);
  for (let i = 0; i < 1000; i++) await e.observe({ server: `s${i % 64}`, date: new Date(now - 47_000 + i).toUTCString(), receivedAt: now + i });
  await e.estimate(now + 1000);
});
const texts = [
  'Your order number 773311 has shipped. Tracking 1Z999AA10123456784. Total $45.20, 3 items, delivered by 12/08.',
  'Weekend sale: 30% off everything. Use coupon code 884422 at checkout. Unsubscribe. Call 0120-123-456.',
  'ワンタイムパスワードをお知らせします。ワンタイムパスワード：538201 有効期限は30秒です。お問い合わせ番号 2026-1205。',
];
const items = Array.from({ length: 200 }, (_, i) => ({ text: texts[i % 3].repeat(2), times: [new Date(now - (i % 20) * 60_000).toISOString()] }));
measure('email: pickMailCode over 200 messages', () => pickMailCode(items, now));
await rm(outDir, { recursive: true, force: true });
