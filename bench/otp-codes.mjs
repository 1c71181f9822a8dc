// Code generation and parsing costs of lib/otp, in Node: codeFor() for 1,000 TOTP accounts per
// algorithm (the popup computes one code per account), parseOtpauthUri() on 1,000 URIs, and
// parseMigrationUri() on a 10-account Google Authenticator export. lib/otp is bundled first with
// Vite exactly as the extension gets it (browser build of otpauth, "otpauth/slim", with HMAC from
// @noble/hashes), into a temporary folder. Prints medians; nothing is asserted.
//
//   node bench/otp-codes.mjs [runs]      (default 15 runs per row, after one warm-up)
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const runs = Math.max(1, Number(process.argv[2] ?? 15));
const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-otp-bench-'));

await build({
  root, configFile: false, publicDir: false, logLevel: 'warn',
  build: {
    outDir, emptyOutDir: true, minify: false,
    lib: { entry: { codes: 'lib/otp/codes.ts', uri: 'lib/otp/uri.ts', migration: 'lib/otp/migration.ts' }, formats: ['es'] },
  },
});
const load = (name) => import(pathToFileURL(path.join(outDir, `${name}.js`)).href);
const { codeFor } = await load('codes');
const { parseOtpauthUri, serializeOtpauthUri } = await load('uri');
const { parseMigrationUri, serializeMigrationUri } = await load('migration');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(f) {
  f(); // warm-up
  const t = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return median(t);
}

const randomSecret = (n) => {
  const a = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => a[b & 31]).join('');
};
const account = (i, algorithm) => ({
  type: 'totp', secret: randomSecret(32), issuer: `Issuer ${i}`, label: `user${i}@example.com`,
  algorithm, digits: 6, period: 30, counter: 0, window: 1, extra: [],
});

const rows = [];
for (const algorithm of ['SHA1', 'SHA256', 'SHA512']) {
  const accounts = Array.from({ length: 1000 }, (_, i) => account(i, algorithm));
  const now = Date.now();
  rows.push([`codeFor, 1,000 TOTP accounts, ${algorithm}`, time(() => accounts.forEach((a) => codeFor(a, now)))]);
}
const uris = Array.from({ length: 1000 }, (_, i) => serializeOtpauthUri({ ...account(i, 'SHA1'), window: undefined, extra: [['image', 'https://example.com/logo.png']] }));
rows.push(['parseOtpauthUri, 1,000 URIs', time(() => uris.forEach(parseOtpauthUri))]);
const ten = Array.from({ length: 10 }, (_, i) => ({ ...account(i, 'SHA256'), window: undefined }));
const migration = serializeMigrationUri(ten, { index: 1, size: 1, id: 1 });
rows.push([`parseMigrationUri, 10 accounts (${migration.length} chars)`, time(() => parseMigrationUri(migration))]);

await rm(outDir, { recursive: true, force: true });
console.log(`Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${runs} runs, median ms`);
for (const [name, ms] of rows) console.log(`${name.padEnd(52)} ${ms.toFixed(2).padStart(8)}`);
