// Import-file numbers (issue 12, "Measure"), in Node on this machine: reading a 1,000-entry
// encrypted Aegis vault (scrypt N=2^15 r=8 p=1 + AES-256-GCM, Aegis' defaults) and a
// 1,000-entry encrypted 2FAS backup (PBKDF2-SHA256 10,000 + AES-256-GCM) with parseImportFile,
// with the key derivation's share measured on its own (same parameters, same implementation),
// and the plain files for reference. The files are built here with node:crypto.
// Prints medians; nothing is asserted. Results and the machine: docs/benchmarks.md.
//
//   node bench/import-files.mjs [runs]      (default 9 runs per row, after one warm-up)
//
// lib/ is TypeScript with extensionless imports: this script re-runs itself under
// --experimental-transform-types with a resolve hook that adds ".ts".
import { createCipheriv, pbkdf2Sync, randomBytes, scryptSync } from 'node:crypto';
import os from 'node:os';
import { loadTypeScript } from './support/typescript.mjs';

loadTypeScript(import.meta.url);

const { parseImportFile } = await import('../lib/import/file.ts');
const { scryptKey, pbkdf2Key, DEFAULT_KDF_LIMITS } = await import('../lib/import/crypto.ts');
const { preferredEngine } = await import('../lib/crypto/kdf.ts');
const { encodeBase32 } = await import('../lib/otp/base32.ts');

const runs = Math.max(1, Number(process.argv[2] ?? 9));
const N = 1000;
const password = 'bench-password';

const accounts = Array.from({ length: N }, (_, i) => ({
  issuer: `Service ${i}`, label: `user${i}@example.com`, secret: encodeBase32(randomBytes(20)),
  type: i % 10 === 0 ? 'hotp' : 'totp', algorithm: ['SHA1', 'SHA256', 'SHA512'][i % 3], digits: 6 + (i % 3), period: 30, counter: i,
}));

function gcm(key, iv, plain) {
  const c = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return { ct, tag: c.getAuthTag() };
}

// Aegis: docs/vault.md.
const aegisDb = {
  version: 3,
  entries: accounts.map((a) => ({ type: a.type, uuid: crypto.randomUUID(), name: a.label, issuer: a.issuer, note: '', icon: null,
    info: { secret: a.secret, algo: a.algorithm, digits: a.digits, ...(a.type === 'hotp' ? { counter: a.counter } : { period: a.period }) } })),
  groups: [],
};
const scrypt = { n: 2 ** 15, r: 8, p: 1 };
const aegisSalt = randomBytes(32);
const master = randomBytes(32);
const slotNonce = randomBytes(12);
const wrapped = gcm(scryptSync(password, aegisSalt, 32, { N: scrypt.n, r: scrypt.r, p: scrypt.p, maxmem: 64 * 2 ** 20 }), slotNonce, master);
const dbNonce = randomBytes(12);
const db = gcm(master, dbNonce, Buffer.from(JSON.stringify(aegisDb)));
const aegisPlain = new TextEncoder().encode(JSON.stringify({ version: 1, header: { slots: null, params: null }, db: aegisDb }));
const aegisEncrypted = new TextEncoder().encode(JSON.stringify({
  version: 1,
  header: {
    slots: [{ type: 1, uuid: crypto.randomUUID(), key: wrapped.ct.toString('hex'), key_params: { nonce: slotNonce.toString('hex'), tag: wrapped.tag.toString('hex') }, ...scrypt, salt: aegisSalt.toString('hex'), repaired: true }],
    params: { nonce: dbNonce.toString('hex'), tag: db.tag.toString('hex') },
  },
  db: db.ct.toString('base64'),
}));

// 2FAS: servicesEncrypted = ct+tag : salt : iv (base64), PBKDF2-SHA256 10,000.
const services = accounts.map((a, i) => ({ name: a.issuer, secret: a.secret, updatedAt: 1733300000000 + i,
  otp: { label: a.label, account: a.label, issuer: a.issuer, digits: a.digits, period: a.period, algorithm: a.algorithm, tokenType: a.type.toUpperCase(), counter: a.counter },
  order: { position: i } }));
const twofasSalt = randomBytes(256);
const twofasKey = pbkdf2Sync(password, twofasSalt, 10_000, 32, 'sha256');
const seal = (text) => { const iv = randomBytes(12); const { ct, tag } = gcm(twofasKey, iv, Buffer.from(text)); return `${Buffer.concat([ct, tag]).toString('base64')}:${twofasSalt.toString('base64')}:${iv.toString('base64')}`; };
const base = { groups: [], updatedAt: Date.now(), schemaVersion: 4, appVersionCode: 5000009, appOrigin: 'android' };
const twofasPlain = new TextEncoder().encode(JSON.stringify({ services, ...base }));
const twofasEncrypted = new TextEncoder().encode(JSON.stringify({ services: [], ...base, servicesEncrypted: seal(JSON.stringify(services)), reference: seal('reference') }));

async function median(fn) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function check(bytes, opts) {
  const r = await parseImportFile(bytes, opts);
  if (r.items.length !== N || r.errors.length !== 0) throw new Error(`expected ${N} accounts, got ${r.items.length} (+${r.errors.length} errors)`);
}

console.log(`${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, KDF engine ${await preferredEngine()}; ${runs} runs, medians`);
const rows = [
  ['Aegis, 1,000 entries, encrypted', await median(() => check(aegisEncrypted, { password })),
    await median(() => scryptKey(password, aegisSalt, scrypt.n, scrypt.r, scrypt.p, DEFAULT_KDF_LIMITS)), `scrypt N=2^15 r=8 p=1`, aegisEncrypted.length],
  ['Aegis, 1,000 entries, plain', await median(() => check(aegisPlain, {})), 0, '—', aegisPlain.length],
  ['2FAS, 1,000 entries, encrypted', await median(() => check(twofasEncrypted, { password })),
    await median(() => pbkdf2Key(password, twofasSalt, 10_000, 'SHA-256', DEFAULT_KDF_LIMITS)), 'PBKDF2-SHA256 10,000', twofasEncrypted.length],
  ['2FAS, 1,000 entries, plain', await median(() => check(twofasPlain, {})), 0, '—', twofasPlain.length],
];
console.log('| file | size | parse, total (ms) | of which KDF (ms) | rest: decrypt + read + validate (ms) | KDF |');
console.log('|---|---:|---:|---:|---:|---|');
for (const [name, total, kdf, what, size] of rows) {
  console.log(`| ${name} | ${(size / 1024).toFixed(0)} KiB | ${total.toFixed(1)} | ${kdf ? kdf.toFixed(1) : '—'} | ${(total - kdf).toFixed(1)} | ${what} |`);
}
