// Passkey unlock (issue 18), in Node on this machine: what the background spends once the page
// has the PRF output — HKDF-SHA-256 to the wrapping key and XChaCha20-Poly1305 to open the vault
// key (lib/passkey/wrap.ts), plus the header MAC check — beside the passphrase unwrap at the
// vault's default argon2id cost (lib/crypto/kdf.ts newKdfParams). The authenticator's own time
// (user verification, a touch) is not in it. Prints medians; nothing is asserted. Figures:
// docs/benchmarks.md.
//
//   node bench/passkey.mjs [runs]      (default 9 runs per timing, after one warm-up)
//
// lib/ is TypeScript with extensionless imports: this script re-runs itself under
// --experimental-transform-types with a resolve hook that adds ".ts" (as bench/sync-verify.mjs).
import os from 'node:os';
import { loadTypeScript } from './support/typescript.mjs';

loadTypeScript(import.meta.url);

const { wrapWithPrf, unwrapWithPrf, newPrfSalt } = await import('../lib/passkey/wrap.ts');
const { headerMac, verifyHeaderMac } = await import('../lib/record/header.ts');
const { keyId } = await import('../lib/record/envelope.ts');
const { newKdfParams } = await import('../lib/crypto/kdf.ts');
const { wrapVaultKey, unwrapVaultKey } = await import('../lib/vault/header.ts');

const runs = Math.max(1, Number(process.argv[2] ?? 9));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(label, fn) {
  await fn();
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  console.log(`${label.padEnd(58)} median ${median(xs).toFixed(median(xs) < 10 ? 3 : 0)} ms`);
}

const vaultKey = crypto.getRandomValues(new Uint8Array(32));
const vaultId = 'AAAAAAAAAAAAAAAAAAAAAA';
const prf = crypto.getRandomValues(new Uint8Array(32));
const cred = 'Q2hyb21lUGFzc2tleUlkMDEyMzQ1Njc4OQ';
const wrap = wrapWithPrf(vaultKey, vaultId, prf, { id: cred, name: 'Laptop', salt: newPrfSalt(), sync: true, created: Date.now(), rp: 'chrome-extension://x' });
const kdf = newKdfParams();
const fields = { format: 2, vaultId, hlc: '0000000000000000000000000000000000', kdf, wrappedKey: await wrapVaultKey(vaultKey, 'correct horse battery staple', vaultId, kdf), keyId: keyId(vaultKey), passkeys: [wrap] };
const header = { ...fields, mac: headerMac(vaultKey, fields) };

console.log(`${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${runs} runs`);
await time('passkey: HKDF + open the vault key', () => unwrapWithPrf(wrap, vaultId, prf));
await time('passkey: HKDF + open + verify the header MAC', () => {
  const k = unwrapWithPrf(wrap, vaultId, prf);
  if (!k || !verifyHeaderMac(k, header)) throw new Error('did not verify');
});
await time(`passphrase: argon2id m=${kdf.memoryKiB / 1024} MiB t=${kdf.iterations} p=${kdf.parallelism} + open`, () => unwrapVaultKey(header, 'correct horse battery staple'));
