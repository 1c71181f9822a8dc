// The `tessera-backup` file (docs/backup-format.md): a JSON envelope, UTF-8, holding the KDF
// parameters in clear and the content sealed under a key derived from the backup's own password.
//   { "format": "tessera-backup", "version": 1,
//     "kdf": { "name": "argon2id", "memoryKiB", "iterations", "parallelism", "salt" },
//     "cipher": "xchacha20-poly1305", "sealed": base64(nonce ‖ ciphertext ‖ tag) }
// Key: argon2id (RFC 9106) of the NFKC password, as the vault's key-wrapping key is derived
// (lib/crypto/kdf.ts and kdf-params.ts: the same default cost, and the same bounds on what a
// file may ask for).
// Cipher: XChaCha20-Poly1305 (lib/crypto/aead.ts); the associated data is the envelope's header
// (format, version, kdf, cipher) re-serialised in a fixed order, so a file whose parameters were
// edited does not open. The plaintext is JSON (content.ts).
// Reading is defensive: anything but a well-formed version-1 envelope is `bad-file` naming the
// part that is wrong, a missing password `needs-password`, and a failed open `bad-passphrase`
// (a wrong password and an altered file cannot be told apart, and nothing is added either way).
import { open, seal } from '../crypto/aead';
import { fromBase64, toBase64, utf8Decode, utf8Encode } from '../crypto/encoding';
import { deriveKey } from '../crypto/kdf';
import { assertKdfParams, newKdfParams } from '../crypto/kdf-params';
import { t } from '../i18n/i18n';
import { TesseraError } from '../messages/errors';
import type { KdfParams } from '../vault/types';

export const BACKUP_FORMAT = 'tessera-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_CIPHER = 'xchacha20-poly1305';

interface Header {
  format: typeof BACKUP_FORMAT;
  version: number;
  kdf: KdfParams;
  cipher: typeof BACKUP_CIPHER;
}

/** The associated data: the header, written in one fixed order whatever order the file used. */
function headerBytes(h: Header): Uint8Array {
  const { name, memoryKiB, iterations, parallelism, salt } = h.kdf;
  return utf8Encode(JSON.stringify({ format: h.format, version: h.version, kdf: { name, memoryKiB, iterations, parallelism, salt }, cipher: h.cipher }));
}

/** Seals `content` (any JSON value) into a backup file's bytes. `kdf` defaults to the vault's cost. */
export async function sealBackup(content: unknown, password: string, kdf: KdfParams = newKdfParams()): Promise<Uint8Array> {
  const header: Header = { format: BACKUP_FORMAT, version: BACKUP_VERSION, kdf, cipher: BACKUP_CIPHER };
  const key = await deriveKey(password, kdf);
  const sealed = seal(key, utf8Encode(JSON.stringify(content)), headerBytes(header));
  const { name, memoryKiB, iterations, parallelism, salt } = kdf;
  const file = { ...header, kdf: { name, memoryKiB, iterations, parallelism, salt }, sealed: toBase64(sealed) };
  return utf8Encode(JSON.stringify(file, null, 1));
}

/**
 * True when the bytes look like a Tessera backup (a JSON object whose `format` says so): the
 * content decides, never the file name. Cheap: only a file that starts with '{' is parsed.
 */
export function isBackupFile(bytes: Uint8Array): boolean {
  const first = bytes.findIndex((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf);
  if (first < 0 || bytes[first] !== 0x7b) return false;
  try {
    const v = JSON.parse(utf8Decode(bytes).replace(/^\uFEFF/, '')) as { format?: unknown };
    return typeof v === 'object' && v !== null && v.format === BACKUP_FORMAT;
  } catch {
    return false;
  }
}

function damaged(where: string): never {
  throw new TesseraError('bad-file', t('error.bad-file', where));
}

/** Reads the envelope (no key derivation yet): `bad-file` saying which part is wrong. */
function readHeader(bytes: Uint8Array): { header: Header; sealed: Uint8Array } {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(utf8Decode(bytes).replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch {
    return damaged(t('backup.where.json'));
  }
  if (typeof v !== 'object' || v === null || v.format !== BACKUP_FORMAT) damaged(t('backup.where.format'));
  if (v.version !== BACKUP_VERSION) {
    throw new TesseraError('bad-file', t('backup.newer-version', String(v.version).slice(0, 12)));
  }
  if (v.cipher !== BACKUP_CIPHER) damaged(t('backup.where.cipher'));
  const kdf = v.kdf as KdfParams;
  try {
    if (typeof kdf !== 'object' || kdf === null) throw new Error('no kdf');
    assertKdfParams(kdf);
  } catch {
    return damaged(t('backup.where.kdf'));
  }
  let sealed: Uint8Array;
  try {
    sealed = fromBase64(String(v.sealed));
  } catch {
    return damaged(t('backup.where.sealed'));
  }
  if (sealed.length < 40) damaged(t('backup.where.sealed'));
  return { header: { format: BACKUP_FORMAT, version: BACKUP_VERSION, kdf, cipher: BACKUP_CIPHER }, sealed };
}

/** Opens a backup file: its parsed JSON content. Errors: needs-password, bad-passphrase, bad-file. */
export async function openBackup(bytes: Uint8Array, password: string | undefined): Promise<unknown> {
  const { header, sealed } = readHeader(bytes);
  if (password === undefined || password === '') throw new TesseraError('needs-password');
  const key = await deriveKey(password, header.kdf);
  let plain: Uint8Array;
  try {
    plain = open(key, sealed, headerBytes(header));
  } catch {
    throw new TesseraError('bad-passphrase', t('backup.bad-password'));
  }
  try {
    return JSON.parse(utf8Decode(plain));
  } catch {
    return damaged(t('backup.where.content'));
  }
}
