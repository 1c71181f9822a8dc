// Passphrase → 256-bit key: argon2id (RFC 9106), parameters carried in the vault header so they
// can be raised later (docs/vault-format.md, "Key derivation"; the parameters, their defaults and
// bounds are kdf-params.ts, which the background loads without this). Default: RFC 9106 §4's second
// recommended option, m = 64 MiB, t = 3, p = 4 (above OWASP's argon2id minimum m = 19 MiB, t = 2,
// p = 1), about 250 ms with hash-wasm on the reference machine (bench/kdf.mjs).
// hash-wasm runs it as WebAssembly ('wasm-unsafe-eval' in the extension CSP); @noble/hashes gives
// identical output in plain JS, 4–5× slower, and is used only where WebAssembly cannot run.
import { argon2id as wasmArgon2id } from 'hash-wasm';
import { argon2idAsync as nobleArgon2id } from '@noble/hashes/argon2.js';
import { fromBase64, utf8Encode } from './encoding';
import { assertKdfParams, DERIVED_KEY_BYTES, normalizePassphrase, type KdfParams } from './kdf-params';

export type KdfEngine = 'hash-wasm' | 'noble';

/** Derives the 32-byte key-wrapping key from a passphrase and a header's KDF parameters. */
export async function deriveKey(passphrase: string, p: KdfParams): Promise<Uint8Array> {
  return deriveKeyWith(await preferredEngine(), passphrase, p);
}

/** deriveKey with a chosen implementation (tests compare the two; benchmarks time them). */
export async function deriveKeyWith(engine: KdfEngine, passphrase: string, p: KdfParams): Promise<Uint8Array> {
  assertKdfParams(p);
  const salt = fromBase64(p.salt);
  return argon2idRaw(engine, utf8Encode(normalizePassphrase(passphrase)), salt, p);
}

/** Plain argon2id, RFC 9106 §3 (no secret, no associated data), version 0x13. */
export async function argon2idRaw(
  engine: KdfEngine,
  password: Uint8Array,
  salt: Uint8Array,
  p: Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>,
  dkLen = DERIVED_KEY_BYTES,
): Promise<Uint8Array> {
  // hash-wasm refuses an empty password, which RFC 9106 §3.1 allows (0 ≤ length): an empty
  // passphrase typed at unlock must fail as a wrong passphrase, not as an exception.
  if (engine === 'hash-wasm' && password.length > 0) {
    return wasmArgon2id({
      password,
      salt,
      memorySize: p.memoryKiB,
      iterations: p.iterations,
      parallelism: p.parallelism,
      hashLength: dkLen,
      outputType: 'binary',
    });
  }
  return nobleArgon2id(password, salt, { m: p.memoryKiB, t: p.iterations, p: p.parallelism, dkLen, maxmem: 2 ** 31 });
}

let engine: Promise<KdfEngine> | undefined;

/** hash-wasm when WebAssembly may run here (one tiny probe, remembered), else @noble/hashes. */
export function preferredEngine(): Promise<KdfEngine> {
  return (engine ??= probeWasm());
}

async function probeWasm(): Promise<KdfEngine> {
  if (typeof WebAssembly === 'undefined') return 'noble';
  try {
    await argon2idRaw('hash-wasm', new Uint8Array(1), new Uint8Array(8), { memoryKiB: 8, iterations: 1, parallelism: 1 });
    return 'hash-wasm';
  } catch {
    // A CSP without 'wasm-unsafe-eval' refuses to compile the module: fall back to pure JS.
    return 'noble';
  }
}
