// Key-derivation candidates side by side, in Node: argon2id from hash-wasm (WebAssembly) and
// from @noble/hashes (pure JS) at the OWASP Password Storage Cheat Sheet settings
// (argon2id m=19 MiB t=2 p=1 and m=46 MiB t=1 p=1) and at 64 MiB t=3 (p=1, and RFC 9106 §4's p=4), plus WebCrypto
// PBKDF2-SHA256 with 600,000 iterations as a time reference only (not memory-hard: not a choice).
// Prints medians; nothing is asserted. The choice and its reasons: docs/vault-format.md.
//
//   node bench/kdf.mjs [runs]     (default 5 runs per row, after one warm-up)
import { argon2id as wasmArgon2id } from 'hash-wasm';
import { argon2idAsync as nobleArgon2id } from '@noble/hashes/argon2.js';
import os from 'node:os';

const runs = Math.max(1, Number(process.argv[2] ?? 5));
const password = new TextEncoder().encode('correct horse battery staple');
const salt = crypto.getRandomValues(new Uint8Array(16));

const settings = [
  { label: 'argon2id m=19 MiB t=2 p=1', m: 19 * 1024, t: 2, p: 1 },
  { label: 'argon2id m=46 MiB t=1 p=1', m: 46 * 1024, t: 1, p: 1 },
  { label: 'argon2id m=64 MiB t=3 p=1', m: 64 * 1024, t: 3, p: 1 },
  // RFC 9106 §4, the second recommended option (for when 2 GiB is too much).
  { label: 'argon2id m=64 MiB t=3 p=4', m: 64 * 1024, t: 3, p: 4 },
];

const candidates = [
  {
    name: 'hash-wasm',
    run: (s) =>
      wasmArgon2id({ password, salt, iterations: s.t, memorySize: s.m, parallelism: s.p, hashLength: 32, outputType: 'binary' }),
  },
  {
    name: '@noble/hashes',
    // asyncTick keeps the event loop responsive the way the extension would run it.
    run: (s) => nobleArgon2id(password, salt, { t: s.t, m: s.m, p: s.p, dkLen: 32, maxmem: 2 ** 32 - 1 }),
  },
];

async function pbkdf2() {
  const base = await crypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
  return crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600_000 }, base, 256);
}

async function median(fn) {
  await fn(); // warm-up: compiles the wasm module / JITs the JS
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  return times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
}

const fmt = (ms) => `${ms.toFixed(0).padStart(6)} ms`;

console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${os.platform()} ${os.release()}`);
console.log(`median of ${runs} runs after one warm-up\n`);
console.log(`${'setting'.padEnd(28)}${candidates.map((c) => c.name.padStart(16)).join('')}`);
for (const s of settings) {
  const cells = [];
  for (const c of candidates) cells.push(fmt(await median(() => c.run(s))).padStart(16));
  console.log(`${s.label.padEnd(28)}${cells.join('')}`);
}
console.log(`${'PBKDF2-SHA256 600k (ref.)'.padEnd(28)}${fmt(await median(pbkdf2)).padStart(16)}  (WebCrypto)`);
