// The ciphers and key derivations other authenticators' encrypted exports use (docs/import.md),
// all from Web Crypto (PBKDF2, AES-GCM, AES-CBC), hash-wasm / @noble/hashes (scrypt, argon2id,
// MD5) and @noble/ciphers (HChaCha20, ChaCha20, Poly1305): nothing here is a primitive of its
// own. What is composed here are the apps' documented constructions: OpenSSL's EVP_BytesToKey
// (CryptoJS passphrase mode) and libsodium's crypto_secretstream_xchacha20poly1305 (Ente).
//
// KDF parameters come from the file, which may be hostile: they are capped (KdfLimits) so that
// a file cannot make the extension allocate gigabytes or compute for minutes. A file over the
// caps is 'bad-file' ("its key derivation … asks for more than Tessera allows").
import { hchacha, chacha20 } from '@noble/ciphers/chacha.js';
import { poly1305 } from '@noble/ciphers/_poly1305.js';
import { md5 } from '@noble/hashes/legacy.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { scrypt as wasmScrypt } from 'hash-wasm';
import { t } from '../i18n/i18n';
import { argon2idRaw, preferredEngine } from '../crypto/kdf';
import { badFile, binaryToBytes } from './core';

export interface KdfLimits {
  /** scrypt: 128·N·r bytes of memory at most, and N·r·p (the work) at most this. */
  scryptMaxMemoryBytes: number;
  scryptMaxWork: number;
  /** PBKDF2 iterations at most (any hash). */
  pbkdf2MaxIterations: number;
  /** argon2id memory (KiB) at most, and memory × passes (KiB·passes) at most. */
  argon2MaxMemoryKiB: number;
  argon2MaxCost: number;
}

/**
 * Defaults, with room above what the apps write: Aegis scrypt N=2^15 r=8 p=1 (32 MiB, work 2^18),
 * 2FAS PBKDF2 10,000, andOTP PBKDF2 140,000–160,000, Ente argon2id up to libsodium's "sensitive"
 * 1 GiB × 4 passes (or 256 MiB × 16 after its fallback), Authenticator 19 MiB × 2, Proton
 * argon2id defaults. Worst case on the reference machine: about 2–3 s and 1 GiB.
 */
export const DEFAULT_KDF_LIMITS: Readonly<KdfLimits> = {
  scryptMaxMemoryBytes: 256 * 1024 * 1024,
  scryptMaxWork: 2 ** 22,
  pbkdf2MaxIterations: 2_000_000,
  argon2MaxMemoryKiB: 1024 * 1024,
  argon2MaxCost: 4 * 1024 * 1024,
};

function tooCostly(desc: string): never {
  throw badFile(t('import.kdfTooCostly', desc));
}

const enc = new TextEncoder();

function isInt(n: unknown, min: number, max: number): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= min && n <= max;
}

/** scrypt (RFC 7914) with N, r, p from a file, checked against the limits first. */
export async function scryptKey(password: string | Uint8Array, salt: Uint8Array, n: unknown, r: unknown, p: unknown, limits: KdfLimits): Promise<Uint8Array> {
  const desc = `scrypt N=${String(n).slice(0, 20)}, r=${String(r).slice(0, 20)}, p=${String(p).slice(0, 20)}`;
  if (!isInt(n, 2, 2 ** 30) || (n & (n - 1)) !== 0 || !isInt(r, 1, 1024) || !isInt(p, 1, 1024)) throw badFile(t('import.badValue', t('import.at.file'), desc));
  if (128 * n * r > limits.scryptMaxMemoryBytes || n * r * p > limits.scryptMaxWork) tooCostly(desc);
  const pw = typeof password === 'string' ? enc.encode(password) : password;
  if ((await preferredEngine()) === 'hash-wasm' && pw.length > 0 && salt.length > 0) {
    return wasmScrypt({ password: pw, salt, costFactor: n, blockSize: r, parallelism: p, hashLength: 32, outputType: 'binary' });
  }
  return scryptAsync(pw, salt, { N: n, r, p, dkLen: 32, maxmem: limits.scryptMaxMemoryBytes + 1024 * 1024 });
}

/** PBKDF2 (RFC 8018 §5.2) through Web Crypto, 256-bit output. */
export async function pbkdf2Key(password: string, salt: Uint8Array, iterations: unknown, hash: 'SHA-1' | 'SHA-256', limits: KdfLimits): Promise<Uint8Array> {
  const desc = `PBKDF2-${hash} ${String(iterations).slice(0, 20)}`;
  if (!isInt(iterations, 1, Number.MAX_SAFE_INTEGER)) throw badFile(t('import.badValue', t('import.at.file'), desc));
  if (iterations > limits.pbkdf2MaxIterations) tooCostly(desc);
  const base = await crypto.subtle.importKey('raw', enc.encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash, salt: new Uint8Array(salt), iterations }, base, 256);
  return new Uint8Array(bits);
}

/** argon2id (RFC 9106), version 0x13, 32-byte output; memory in KiB. */
export async function argon2Key(password: Uint8Array, salt: Uint8Array, memoryKiB: unknown, passes: unknown, parallelism: unknown, limits: KdfLimits): Promise<Uint8Array> {
  const desc = `argon2id m=${String(memoryKiB).slice(0, 20)} KiB, t=${String(passes).slice(0, 20)}, p=${String(parallelism).slice(0, 20)}`;
  if (!isInt(passes, 1, 2 ** 32 - 1) || !isInt(parallelism, 1, 255) || !isInt(memoryKiB, 8 * (parallelism as number), 2 ** 32 - 1) || salt.length < 8) {
    throw badFile(t('import.badValue', t('import.at.file'), desc));
  }
  if (memoryKiB > limits.argon2MaxMemoryKiB || memoryKiB * passes > limits.argon2MaxCost) tooCostly(desc);
  return argon2idRaw(await preferredEngine(), password, salt, { memoryKiB, iterations: passes, parallelism });
}

/** AES-GCM open (NIST SP 800-38D) with a 128-bit tag at the end; null when it fails to authenticate. */
export async function aesGcmOpen(key: Uint8Array, iv: Uint8Array, sealed: Uint8Array, aad?: Uint8Array): Promise<Uint8Array | null> {
  if (sealed.length < 16 || iv.length === 0 || ![16, 24, 32].includes(key.length)) return null;
  try {
    const k = await crypto.subtle.importKey('raw', new Uint8Array(key), 'AES-GCM', false, ['decrypt']);
    const params: AesGcmParams = { name: 'AES-GCM', iv: new Uint8Array(iv), tagLength: 128 };
    if (aad) params.additionalData = new Uint8Array(aad);
    return new Uint8Array(await crypto.subtle.decrypt(params, k, new Uint8Array(sealed)));
  } catch {
    return null;
  }
}

/** AES-CBC with PKCS#7 padding (Web Crypto); null when the padding is wrong (wrong key). */
export async function aesCbcOpen(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array | null> {
  if (data.length === 0 || data.length % 16 !== 0 || iv.length !== 16) return null;
  try {
    const k = await crypto.subtle.importKey('raw', new Uint8Array(key), 'AES-CBC', false, ['decrypt']);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: new Uint8Array(iv) }, k, new Uint8Array(data)));
  } catch {
    return null;
  }
}

/**
 * CryptoJS.AES.decrypt(text, passphrase): OpenSSL's "Salted__" format, base64 of
 * "Salted__" ‖ salt(8) ‖ AES-256-CBC ciphertext, key and IV from EVP_BytesToKey(MD5, 1 round)
 * (OpenSSL crypto/evp/evp_key.c). Null when it does not decrypt; undefined when it is not that format.
 */
export async function cryptoJsDecrypt(b64: string, passphrase: string): Promise<Uint8Array | null | undefined> {
  let raw: Uint8Array;
  try {
    raw = binaryToBytes(atob(b64.replace(/\s+/g, '')));
  } catch {
    return undefined;
  }
  if (raw.length < 32 || new TextDecoder().decode(raw.subarray(0, 8)) !== 'Salted__') return undefined;
  const salt = raw.subarray(8, 16);
  const pass = enc.encode(passphrase);
  // EVP_BytesToKey: D_i = MD5(D_{i-1} ‖ pass ‖ salt) until 48 bytes (32 key + 16 IV).
  const out = new Uint8Array(48);
  let prev = new Uint8Array(0);
  for (let at = 0; at < 48; at += 16) {
    const block = new Uint8Array(prev.length + pass.length + salt.length);
    block.set(prev, 0);
    block.set(pass, prev.length);
    block.set(salt, prev.length + pass.length);
    prev = md5(block);
    out.set(prev, at);
  }
  return aesCbcOpen(out.subarray(0, 32), out.subarray(32, 48), raw.subarray(16));
}

// libsodium crypto_secretstream_xchacha20poly1305 (libsodium's secretstream documentation and
// crypto_secretstream/xchacha20poly1305/secretstream_xchacha20poly1305.c): header = 24 bytes;
// k = HChaCha20(key, header[0..16]); nonce = LE32(1) ‖ header[16..24]. Each message is
// E(tag) ‖ E(m) ‖ MAC: block 0 of ChaCha20-IETF(k, nonce) keys Poly1305, the tag byte is
// encrypted with block 1, the message from block 2 on; the MAC covers ad, pad, the 64-byte tag
// block, the ciphertext, pad (see below), LE64(|ad|), LE64(64 + |m|).
export const SECRETSTREAM_HEADER_BYTES = 24;
export const SECRETSTREAM_ABYTES = 17;
export const SECRETSTREAM_TAG_FINAL = 3;

function u32le(bytes: Uint8Array): Uint32Array {
  const out = new Uint32Array(bytes.length / 4);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = v.getUint32(4 * i, true);
  return out;
}

function u32ToBytes(words: Uint32Array): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  const v = new DataView(out.buffer);
  words.forEach((w, i) => v.setUint32(4 * i, w, true));
  return out;
}

const SIGMA = u32le(enc.encode('expand 32-byte k'));

function le64(n: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n), true);
  return out;
}

/** Opens the one message of a stream (Ente writes its export as a single final message). */
export function secretstreamOpenSingle(key: Uint8Array, header: Uint8Array, sealed: Uint8Array): { message: Uint8Array; tag: number } | null {
  if (key.length !== 32 || header.length !== SECRETSTREAM_HEADER_BYTES || sealed.length < SECRETSTREAM_ABYTES) return null;
  const sub = new Uint32Array(8);
  hchacha(SIGMA, u32le(key), u32le(header.subarray(0, 16)), sub);
  const k = u32ToBytes(sub);
  const nonce = new Uint8Array(12);
  nonce[0] = 1;
  nonce.set(header.subarray(16, 24), 4);
  const polyKey = chacha20(k, nonce, new Uint8Array(64), undefined, 0).subarray(0, 32);
  const block = new Uint8Array(64);
  block[0] = sealed[0]!;
  const tagBlock = chacha20(k, nonce, block, undefined, 1);
  const tag = tagBlock[0]!;
  tagBlock[0] = sealed[0]!;
  const mlen = sealed.length - SECRETSTREAM_ABYTES;
  const c = sealed.subarray(1, 1 + mlen);
  const mac = sealed.subarray(1 + mlen);
  // libsodium pads with (0x10 - sizeof block + mlen) & 0xf zero bytes, which is mlen mod 16 (not
  // the RFC 8439 padding of 64 + mlen): follow the reference code, or no real stream opens.
  const padLen = mlen & 0xf;
  const h = poly1305.create(polyKey);
  // No associated data: its length is 0 and needs no pad.
  h.update(tagBlock).update(c).update(new Uint8Array(padLen)).update(le64(0)).update(le64(64 + mlen));
  const expected = h.digest();
  let diff = 0;
  for (let i = 0; i < 16; i++) diff |= expected[i]! ^ mac[i]!;
  if (diff !== 0) return null;
  return { message: chacha20(k, nonce, c, undefined, 2), tag };
}
