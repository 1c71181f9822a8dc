// Verify before apply (issue 10, "Tests that must exist"), in Node on this machine: the cost of
// checking N incoming records from another device before any of them touches the vault —
//   1. the device manifest: open (XChaCha20-Poly1305) and match the digest of the records;
//   2. every record opened under the vault key with its stamp, kind, id and flag bound
//      (lib/record/accept.ts judgeRemote);
//   3. a whole sync round through the engine with an in-memory vault and backend (read, verify,
//      merge, apply with the vault's own second check, plan and write this device's snapshot);
// for N = 1,000 and 10,000. Prints medians; nothing is asserted. Figures: docs/benchmarks.md.
//
//   node bench/sync-verify.mjs [runs]      (default 9 runs per timing, after one warm-up)
//
// lib/ is TypeScript with extensionless imports and parameter properties: this script re-runs
// itself under --experimental-transform-types with a resolve hook that adds ".ts".
import os from 'node:os';
import { loadTypeScript } from './support/typescript.mjs';

loadTypeScript(import.meta.url);

const { keyring, sealVersion } = await import('../lib/record/envelope.ts');
const { judgeRemote } = await import('../lib/record/accept.ts');
const { openManifest, sealManifest, recordsDigest, matchesManifest } = await import('../lib/record/manifest.ts');
const { encodeHlc } = await import('../lib/record/hlc.ts');
const { SyncEngine } = await import('../lib/sync/engine.ts');
const { FakeReplica } = await import('../tests/unit/sync/fake-replica.ts');
const { MemoryBackend } = await import('../tests/unit/sync/memory-backend.ts');
const { typicalAccount } = await import('../tests/unit/sync/accounts.ts');

const runs = Math.max(1, Number(process.argv[2] ?? 9));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Wall time, and CPU time of this process (user + system): on a machine shared with other work
// the CPU time is the steadier figure (docs/benchmarks.md).
let lastCpu = 0;
const timeAsync = async (fn) => {
  await fn();
  const ts = [];
  const cs = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    ts.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cs.push((c.user + c.system) / 1000);
  }
  lastCpu = median(cs);
  return median(ts);
};
const fmt = (x, d = 1) => x.toFixed(d).padStart(8);
const cpu = () => `  (CPU ${lastCpu.toFixed(1)} ms)`;
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} (${os.cpus().length} cores); ${runs} runs per timing`);

const VAULT = 'benchVaultAAAAAAAAAAAA';
const key = crypto.getRandomValues(new Uint8Array(32));
const ring = keyring(VAULT, key);
const now = Date.now();
for (const N of [1_000, 10_000]) {
  const records = Array.from({ length: N }, (_, i) => {
    const a = typicalAccount('devB');
    return sealVersion(ring, { id: `a${i}`, kind: 'account', hlc: encodeHlc({ wall: now - N + i, counter: 0, device: 'devB' }), deleted: false }, a.data);
  });
  const manifest = sealManifest(ring, 'devB', { seq: 1, seen: {}, digest: recordsDigest(records), count: N, at: now });
  const cpuOf = {};
  const tManifest = await timeAsync(async () => {
    const m = openManifest(ring, 'devB', manifest);
    if (!matchesManifest(m, records)) throw new Error('digest');
  });
  cpuOf.manifest = cpu();
  const tRecords = await timeAsync(async () => {
    for (const r of records) if (judgeRemote(ring, r, now) !== 'ok') throw new Error('verify');
  });
  cpuOf.records = cpu();
  // A whole round: device A (empty) receives the N records of device B.
  const tRound = await timeAsync(async () => {
    const backend = new MemoryBackend();
    backend.store.set(VAULT, new Map([['devB', { vaultId: VAULT, deviceId: 'devB', writtenAt: now, header: null, records, format: 2, manifest, manifestKid: ring.kid }]]));
    const a = new FakeReplica({ device: 'devA', key });
    a.setup(VAULT);
    const engine = new SyncEngine({ replica: a, backend, deviceId: 'devA' });
    const r = await engine.syncNow();
    if (r.pulled !== N) throw new Error(`pulled ${r.pulled}`);
  });
  cpuOf.round = cpu();
  console.log(`\n${N.toLocaleString('en')} incoming records`);
  console.log(`   manifest: open + digest match        ${fmt(tManifest)} ms${cpuOf.manifest}`);
  console.log(`   every record opened (judgeRemote)    ${fmt(tRecords)} ms${cpuOf.records}`);
  console.log(`   whole round (verify, merge, apply with the vault's second check, plan, write) ${fmt(tRound)} ms${cpuOf.round}`);
}
