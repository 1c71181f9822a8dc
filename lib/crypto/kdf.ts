// Passphrase → 256-bit key: argon2id (RFC 9106), parameters carried in the vault header so they
// can be raised later (docs/vault-format.md, "Key derivation"). Default: RFC 9106 §4's second
// recommended option, m = 64 MiB, t = 3, p = 4 (above OWASP's argon2id minimum m = 19 MiB, t = 2,
// p = 1), about 250 ms with hash-wasm on the reference machine (bench/kdf.mjs).
// hash-wasm runs it as WebAssembly ('wasm-unsafe-eval' in the extension CSP); @noble/hashes gives
// identical output in plain JS, 4–5× slower, and is used only where WebAssembly cannot run.
import { argon2id as wasmArgon2id } from 'hash-wasm';
import { argon2idAsync as nobleArgon2id } from '@noble/hashes/argon2.js';
import { fromBase64, toBase64, utf8Encode } from './encoding';
import { randomBytes } from './random';

/** Key-derivation parameters, written into the vault header so they can be raised later. */
export interface KdfParams {
  name: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  /** base64 of 16 random bytes */
  salt: string;
}

export const DERIVED_KEY_BYTES = 32;
export const SALT_BYTES = 16;

/** Parameters for new headers (the salt is added by newKdfParams). */
export const DEFAULT_KDF: Readonly<Omit<KdfParams, 'salt'>> = {
  name: 'argon2id',
  memoryKiB: 64 * 1024,
  iterations: 3,
  parallelism: 4,
};

/** OWASP Password Storage Cheat Sheet, argon2id: the least we ever choose for a new header. */
export const OWASP_MINIMUM = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 } as const;

// Bounds on parameters read from a header (which may come from a sync backend): room to raise
// the cost well past today's 64 MiB × 3 passes, but no header can make this device allocate more
// than 256 MiB or run much past ten seconds (≈ 1.3 ms per MiB-pass here, docs/benchmarks.md).
// RFC 9106 §3.1: m ≥ 8·p KiB, 1 ≤ p < 2^24, t ≥ 1.
const MAX_MEMORY_KIB = 256 * 1024;
const MAX_ITERATIONS = 10;
const MAX_COST_KIB_PASSES = 8 * 64 * 1024 * 3;
const MAX_PARALLELISM = 16;
const MAX_SALT_BYTES = 64;

export type KdfEngine = 'hash-wasm' | 'noble';

/** Fresh parameters for a new header: the defaults (or `base`) with a new random salt. */
export function newKdfParams(base: Omit<KdfParams, 'salt'> = DEFAULT_KDF): KdfParams {
  return { ...base, salt: toBase64(randomBytes(SALT_BYTES)) };
}

/**
 * NFKC (Unicode UAX #15), as NIST SP 800-63B §5.1.1.2 recommends for passwords: the same
 * passphrase can reach us as different code points — "é" precomposed (Windows) or as e + U+0301
 * (macOS), full-width "ｐａｓｓ" from a Japanese IME in full-width mode or half-width "pass" —
 * and must derive the same key on every device and keyboard.
 */
export function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFKC');
}

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

/** Throws unless `p` is argon2id with sane bounds and a salt of at least 16 bytes. */
export function assertKdfParams(p: KdfParams): void {
  const int = (n: unknown, min: number, max: number) => Number.isSafeInteger(n) && (n as number) >= min && (n as number) <= max;
  if (p.name !== 'argon2id') throw new Error(`unsupported KDF: ${String(p.name).slice(0, 20)}`);
  if (!int(p.parallelism, 1, MAX_PARALLELISM)) throw new Error('argon2id parallelism out of range');
  if (!int(p.iterations, 1, MAX_ITERATIONS)) throw new Error('argon2id iterations out of range');
  if (!int(p.memoryKiB, 8 * p.parallelism, MAX_MEMORY_KIB)) throw new Error('argon2id memory out of range');
  if (p.memoryKiB * p.iterations > MAX_COST_KIB_PASSES) throw new Error('argon2id cost out of range');
  if (typeof p.salt !== 'string' || p.salt.length > 2 * MAX_SALT_BYTES) throw new Error('argon2id salt too long');
  const salt = fromBase64(p.salt).length;
  if (salt < SALT_BYTES || salt > MAX_SALT_BYTES) throw new Error('argon2id salt out of range');
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
