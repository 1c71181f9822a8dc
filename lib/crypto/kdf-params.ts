// Argon2id parameters (RFC 9106 §4) as the vault header carries them (docs/vault-format.md, "Key
// derivation"): the defaults for new headers, and the bounds a header read from anywhere must
// keep. No KDF code here: the background loads the argon2 engines (kdf.ts) only to derive a key.
import { fromBase64, toBase64 } from './encoding';
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
