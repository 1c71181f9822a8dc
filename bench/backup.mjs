// Backup export and restore of 1,000 accounts (issue 12, "Measure"), in Node on this machine,
// through the real API handlers (lib/api/import-export.ts) over a real Vault on fake-indexeddb:
//   - backup.export: read and open every record, build the content, argon2id (64 MiB, t=3, p=4,
//     the vault's own cost), seal, base64;
//   - accounts.importFile of that backup into a fresh vault (every account and token added, one
//     commit) and into the vault it came from (everything a duplicate: the merge reads and plans,
//     writes nothing);
//   - the KDF alone (deriveKey with the default parameters), to show its share of each.
// Prints medians; nothing is asserted. Results and the machine: docs/benchmarks.md.
//
//   node bench/backup.mjs [runs]      (default 5 runs per timing, after one warm-up)
//
// lib/ is TypeScript with extensionless imports: this script re-runs itself under
// --experimental-transform-types with a resolve hook that adds ".ts" (as bench/sync-merge.mjs).
import os from 'node:os';
import { loadTypeScript } from './support/typescript.mjs';

loadTypeScript(import.meta.url);

await import('fake-indexeddb/auto');
const { Vault } = await import('../lib/vault/vault.ts');
const { memoryKeyStore } = await import('../lib/vault/memory-key-store.ts');
const { exportBackup, importFile } = await import('../lib/api/import-export.ts');
const { deriveKey, newKdfParams, preferredEngine } = await import('../lib/crypto/kdf.ts');
const { randomId, randomBytes } = await import('../lib/crypto/random.ts');
const { encodeBase32 } = await import('../lib/otp/base32.ts');
const { toBase64 } = await import('../lib/crypto/encoding.ts');

const runs = Math.max(1, Number(process.argv[2] ?? 5));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// The KDF alone is timed right before each run of an operation, so that its share (the median of
// the per-run ratios) is read under the same load as the operation itself.
const kdfOnce = async () => {
  const t0 = performance.now();
  await deriveKey('a backup password 2026', newKdfParams());
  return performance.now() - t0;
};
async function time(fn, before = async () => {}) {
  await before();
  await fn();
  const ts = [];
  const shares = [];
  const kdfs = [];
  for (let i = 0; i < runs; i++) {
    await before();
    const k = await kdfOnce();
    const t0 = performance.now();
    await fn();
    const t = performance.now() - t0;
    ts.push(t);
    kdfs.push(k);
    shares.push(k / t);
  }
  return { ms: median(ts), kdf: median(kdfs), share: median(shares) };
}
const fmt = (x) => x.toFixed(0).padStart(7);
const PASS = 'correct horse battery staple';
const fastKdf = () => ({ name: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1, salt: toBase64(randomBytes(16)) });

async function newContext() {
  const vault = await Vault.open({ db: `bench-${randomId()}`, keyStore: memoryKeyStore(), kdfParams: fastKdf });
  await vault.setup(PASS);
  const settings = { get: async () => ({}), set: async () => ({}) };
  return { vault, settings, now: () => Date.now() };
}

const ISSUERS = ['Google', 'GitHub', 'Microsoft', 'Amazon Web Services', 'Dropbox', 'Slack', 'Okta', 'Cloudflare', 'GitLab', 'Atlassian'];
const N = 1000;
const source = await newContext();
const put = [];
for (let i = 0; i < N; i++) {
  put.push({
    id: randomId(), kind: 'account',
    data: {
      type: 'totp', secret: encodeBase32(randomBytes(20)), issuer: ISSUERS[i % ISSUERS.length], label: `user${i}@example.com`,
      algorithm: 'SHA1', digits: 6, period: 30, counter: 0, extra: [], window: 1, sites: [`site${i % 50}.example.com`], createdAt: 1_700_000_000_000 + i,
    },
  });
}
// Emergency tokens: 20 entries of 10 tokens, 3 of each used.
for (let e = 0; e < 20; e++) {
  const accountId = randomId();
  put.push({ id: accountId, kind: 'account', data: { type: 'tokens', issuer: `Corp ${e}`, label: '', secret: '', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, extra: [], window: 1, sites: [], createdAt: 1 } });
  for (let k = 0; k < 10; k++) {
    const id = randomId();
    put.push({ id, kind: 'token', data: { accountId, value: `tok-${e}-${k}-${randomId().slice(0, 8)}`, addedAt: k } });
    if (k < 3) put.push({ id: `used:${id}`, kind: 'used', data: { usedAt: 5 } });
  }
}
await source.vault.commit({ put });

console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} (${os.cpus().length} cores); ${runs} runs per timing; KDF engine ${await preferredEngine()}`);
console.log(`${N} TOTP accounts + 20 emergency-token entries (200 tokens, 60 used)\n`);

let backup;
const exp = await time(async () => {
  backup = await exportBackup({ type: 'backup.export', password: 'a backup password 2026' }, source);
});
const bytes = Buffer.from(backup.data, 'base64').length;
const msg = { type: 'accounts.importFile', name: backup.filename, data: backup.data, password: 'a backup password 2026' };
let fresh;
let added = 0;
const restoreFresh = await time(async () => {
  added = (await importFile(msg, fresh)).added.length;
}, async () => {
  fresh = await newContext();
});
let dups = 0;
const restoreSame = await time(async () => {
  dups = (await importFile(msg, source)).duplicates;
});

const row = (label, r) => console.log(`${label.padEnd(46)}${fmt(r.ms)} ms   KDF ${fmt(r.kdf)} ms = ${(100 * Math.min(1, r.share)).toFixed(0).padStart(3)} %`);
console.log('(KDF: argon2id 64 MiB, t=3, p=4, timed alone just before each run)');
row('backup.export', exp);
row(`restore into a fresh vault (${added} added)`, restoreFresh);
row(`restore into the same vault (${dups} merged)`, restoreSame);
console.log(`\nbackup file: ${(bytes / 1024).toFixed(0)} KiB (${(bytes / (N + 20)).toFixed(0)} B per entry)`);
