// Sync numbers (issue 6, "Tests and benchmarks"), in Node on this machine:
//   1. merge time for 10,000 records (mergeSets of two replicas, 1 % of records differing;
//      then the whole round's planning: merge + who-stores-what);
//   2. bytes per account in storage.sync, with a breakdown (pack text, raw random bytes, seal,
//      base85, item keys, manifest), for typical and worst-case accounts;
//   3. how many accounts fit in storage.sync's 102,400 bytes (one device);
//   and for comparison, an account stored as its own item (sealed record as base64 JSON).
// Prints medians; nothing is asserted. Results and the machine: docs/sync.md.
//
//   node bench/sync-merge.mjs [runs]      (default 15 runs per timing, after one warm-up)
//
// lib/ is TypeScript with extensionless imports and parameter properties: this script re-runs
// itself under --experimental-transform-types with a resolve hook that adds ".ts".
import os from 'node:os';
import { loadTypeScript } from './support/typescript.mjs';

loadTypeScript(import.meta.url);

const { mergeSets } = await import('../lib/sync/merge.ts');
const { planOwnRecords } = await import('../lib/sync/ownership.ts');
const { encodeHlc } = await import('../lib/record/hlc.ts');
const { encodePack } = await import('../lib/sync/pack.ts');
const { vaultPackCrypto, packAd } = await import('../lib/sync/pack-crypto.ts');
const { encodeDeviceItems, itemBytes, SYNC_QUOTA } = await import('../lib/sync/backends/browser-sync.ts');
const { base85Length } = await import('../lib/sync/base85.ts');
const { keyring, sealVersion } = await import('../lib/record/envelope.ts');
const { toBase64 } = await import('../lib/crypto/encoding.ts');
const { randomId } = await import('../lib/crypto/random.ts');
const { typicalAccount } = await import('../tests/unit/sync/accounts.ts');

const runs = Math.max(1, Number(process.argv[2] ?? 15));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn) => {
  fn();
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
};
const fmt = (x, d = 1) => x.toFixed(d).padStart(8);

console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} (${os.cpus().length} cores); ${runs} runs per timing`);

// ---- 1. Merge ----------------------------------------------------------------------------------
const key = crypto.getRandomValues(new Uint8Array(32));
const ring = keyring('benchVaultAAAAAAAAAAAA', key);
// Format 2 (lib/record/envelope.ts): the stamp is bound into the seal.
const sealRecord = (_key, id, kind, data, hlc = encodeHlc({ wall: 1_700_000_000_000, counter: 0, device })) => sealVersion(ring, { id, kind, hlc, deleted: false }, data).sealed;
const device = randomId();
const N = 10_000;
const local = Array.from({ length: N }, (_, i) => {
  const data = typicalAccount(device).data;
  const id = randomId();
  const hlc = encodeHlc({ wall: 1_700_000_000_000 + i * 1000, counter: 0, device });
  return sealVersion(ring, { id, kind: 'account', hlc, deleted: false }, data);
});
const other = randomId();
const remote = local.map((r, i) =>
  i % 100 === 0 ? sealVersion(ring, { id: r.id, kind: 'account', hlc: encodeHlc({ wall: 1_800_000_000_000 + i, counter: 0, device: other }), deleted: false }, { edited: i }) : r,
);
const snapshots = [
  { vaultId: 'v', deviceId: device, writtenAt: 0, header: null, records: local },
  { vaultId: 'v', deviceId: other, writtenAt: 0, header: null, records: remote.filter((r, i) => i % 100 === 0) },
];
console.log('\n1. Merge, 10,000 records a side');
console.log(`   mergeSets, identical sets          ${fmt(time(() => mergeSets(local, local)))} ms`);
console.log(`   mergeSets, 1 % edited elsewhere    ${fmt(time(() => mergeSets(local, remote)))} ms`);
console.log(`   merge + plan own snapshot          ${fmt(time(() => planOwnRecords({ me: device, merged: mergeSets(local, remote).merged, snapshots, now: Date.now() })))} ms`);

// ---- 2 and 3. storage.sync ---------------------------------------------------------------------
const packCrypto = vaultPackCrypto(async () => ring);
const header = {
  format: 1, vaultId: randomId(), hlc: encodeHlc({ wall: Date.now(), counter: 0, device }),
  kdf: { name: 'argon2id', memoryKiB: 19456, iterations: 2, parallelism: 1, salt: toBase64(crypto.getRandomValues(new Uint8Array(16))) },
  wrappedKey: toBase64(crypto.getRandomValues(new Uint8Array(72))),
};
const snap = { vaultId: header.vaultId, deviceId: device, writtenAt: Date.now(), header };
const total = async (plain) => {
  const items = await encodeDeviceItems(snap, plain, packCrypto, 'k7x2m9q1abcd');
  let bytes = 0;
  for (const [k, v] of Object.entries(items)) bytes += itemBytes(k, v);
  return { bytes, items: Object.keys(items).length, manifest: itemBytes(`t1.${device}.m`, items[`t1.${device}.m`]) };
};
const fit = async (pool) => {
  let lo = 0;
  let hi = pool.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const t = await total(pool.slice(0, mid));
    if (t.bytes <= SYNC_QUOTA.QUOTA_BYTES && t.items <= SYNC_QUOTA.MAX_ITEMS) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};

console.log('\n2. Bytes per account in storage.sync (1,000 accounts, one device), and 3. how many fit in 102,400 bytes');
for (const worst of [false, true]) {
  const pool = Array.from({ length: 2500 }, () => typicalAccount(device, worst));
  const thousand = pool.slice(0, 1000);
  const packed = encodePack(thousand);
  // The pack starts with a version byte and a varint: the length of the deflated text.
  let textLen = 0;
  for (let i = 1, scale = 1; ; i++, scale *= 128) {
    textLen += (packed[i] & 0x7f) * scale;
    if (packed[i] < 0x80) break;
  }
  const sealedLen = packed.length + 40;
  const t = await total(thousand);
  const json = thousand.reduce((n, r) => n + JSON.stringify(r.data).length, 0) / 1000;
  console.log(`\n   ${worst ? 'worst case: issuer 16 and label 24 random letters/digits' : 'typical: real issuer names, user names or addresses as labels'}`);
  console.log(`     AccountData as JSON (for reference)         ${fmt(json)} B/account`);
  console.log(`     pack: deflated text (structure, names, times)${fmt(textLen / 1000)} B/account`);
  console.log(`     pack: raw bytes (16-byte id, 20-byte secret) ${fmt((packed.length - textLen) / 1000)} B/account`);
  console.log(`     sealed pack (+24-byte nonce, +16-byte tag)   ${fmt(sealedLen / 1000)} B/account`);
  console.log(`     as base85 text (+25 %)                       ${fmt(base85Length(sealedLen) / 1000)} B/account`);
  console.log(`     in items (keys, quotes, manifest ${t.manifest} B)     ${fmt(t.bytes / 1000)} B/account  (${t.items} items)`);
  console.log(`     accounts that fit in 102,400 bytes           ${String(await fit(pool)).padStart(8)}`);
}

// The per-account-item design for comparison: each account its own item, a sealed record in base64.
{
  let bytes = 0;
  const sample = Array.from({ length: 1000 }, () => typicalAccount(device));
  for (const r of sample) {
    const value = { hlc: r.hlc, kind: r.kind, sealed: toBase64(sealRecord(key, r.id, r.kind, r.data)) };
    bytes += itemBytes(`acct.${r.id}`, value);
  }
  console.log(`\n   for comparison, one item per account (sealed record, base64): ${fmt(bytes / 1000)} B/account, ${Math.floor(SYNC_QUOTA.QUOTA_BYTES / (bytes / 1000))} fit`);
}

// ---- A whole storage.sync write of 1,000 accounts (open, pack, seal, encode) ----------------
{
  const records = Array.from({ length: 1000 }, () => {
    const p = typicalAccount(device);
    return sealVersion(ring, { id: p.id, kind: p.kind, hlc: p.hlc, deleted: false }, p.data);
  });
  const ts = [];
  for (let i = 0; i < Math.max(3, Math.min(runs, 9)); i++) {
    const t0 = performance.now();
    const plain = [];
    for (const r of records) plain.push({ id: r.id, kind: r.kind, hlc: r.hlc, deleted: false, data: await packCrypto.openRecord(r) });
    await encodeDeviceItems(snap, plain, packCrypto, 'gen');
    ts.push(performance.now() - t0);
  }
  console.log(`\n   building the items of 1,000 accounts (open, pack, deflate, seal, base85): ${fmt(median(ts))} ms`);
  void packAd;
}
