// Bitwarden JSON export (Bitwarden Help Center, "Condition a Bitwarden .json file for import";
// Aegis' BitwardenImporter): { encrypted: false, folders, items: [{ type: 1 (login), name,
// login: { username, totp } }] }. `login.totp` is an otpauth:// URI, a bare Base32 secret
// (TOTP, 6 digits, 30 s, SHA1; named by the item's name and username) or steam://<secret>
// (not supported). Items without a TOTP (other logins, notes, cards) are skipped silently: the
// entry number is the item's position among all items.
// Password-protected exports (bitwarden/sdk, crates/bitwarden-exporters encrypted_json.rs;
// bitwarden-crypto): { encrypted: true, passwordProtected: true, salt, kdfType (0 PBKDF2-SHA256,
// 1 argon2id), kdfIterations, kdfMemory (MiB), kdfParallelism, encKeyValidation_DO_NOT_EDIT, data }.
// key = PBKDF2-SHA256(password, UTF-8 of the salt text, iterations, 32) or argon2id(password,
// SHA-256(salt text), memory, iterations, parallelism, 32); stretched with HKDF-Expand-SHA256
// into an AES key (info "enc") and a MAC key (info "mac"). `data` and the validation string are
// EncStrings of type 2: "2.<iv>|<ciphertext>|<mac>" (base64), AES-256-CBC with
// HMAC-SHA256(mac key, iv ‖ ciphertext). The validation string opening proves the password;
// `data` is the plain JSON export. Account-restricted exports (encrypted: true without
// passwordProtected) need the Bitwarden account's key and are refused as such.
import { expand } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { t } from '../../i18n/i18n';
import { TesseraError } from '../../messages/errors';
import { aesCbcOpen, argon2Key, pbkdf2Key } from '../crypto';
import {
  arr, badFile, badPassphrase, Collector, entryAt, entryObject, fileAt, fromBase64Loose, isObject, needsPassword, optStr,
  parseDecryptedJson, str, toParams, wrongType, type Context, type FormatParser, type Input, type Json,
} from '../core';

const enc = new TextEncoder();

interface Keys {
  encKey: Uint8Array;
  macKey: Uint8Array;
}

async function deriveKeys(file: Json, password: string, ctx: Context): Promise<Keys> {
  const where = fileAt();
  const salt = enc.encode(str(file, 'salt', where));
  const type = file['kdfType'];
  let key: Uint8Array;
  if (type === 0) {
    key = await pbkdf2Key(password, salt, file['kdfIterations'], 'SHA-256', ctx.limits);
  } else if (type === 1) {
    const memory = file['kdfMemory'];
    if (typeof memory !== 'number' || !Number.isSafeInteger(memory) || memory < 1 || memory > 2 ** 22) throw badFile(t('import.badValue', where, 'kdfMemory'));
    key = await argon2Key(enc.encode(password), sha256(salt), memory * 1024, file['kdfIterations'], file['kdfParallelism'], ctx.limits);
  } else {
    throw badFile(t('import.badValue', where, 'kdfType'));
  }
  return { encKey: expand(sha256, key, enc.encode('enc'), 32), macKey: expand(sha256, key, enc.encode('mac'), 32) };
}

/** Opens an EncString of type 2; null when its MAC does not match (wrong key or altered). */
async function openEncString(text: string, keys: Keys, field: string): Promise<Uint8Array | null> {
  const where = fileAt();
  const m = /^2\.([^|]+)\|([^|]+)\|([^|]+)$/.exec(text);
  if (!m) throw badFile(t('import.badValue', where, field));
  const iv = fromBase64Loose(m[1]!, where, field);
  const data = fromBase64Loose(m[2]!, where, field);
  const mac = fromBase64Loose(m[3]!, where, field);
  const hmacKey = await crypto.subtle.importKey('raw', new Uint8Array(keys.macKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const signed = new Uint8Array(iv.length + data.length);
  signed.set(iv);
  signed.set(data, iv.length);
  if (!(await crypto.subtle.verify('HMAC', hmacKey, new Uint8Array(mac), signed))) return null;
  return aesCbcOpen(keys.encKey, iv, data);
}

async function decrypt(file: Json, ctx: Context): Promise<unknown> {
  const where = fileAt();
  const validation = str(file, 'encKeyValidation_DO_NOT_EDIT', where);
  const data = str(file, 'data', where);
  const password = needsPassword(ctx);
  const keys = await deriveKeys(file, password, ctx);
  if (!(await openEncString(validation, keys, 'encKeyValidation_DO_NOT_EDIT'))) throw badPassphrase();
  const plain = await openEncString(data, keys, 'data');
  if (!plain) throw badFile(t('import.badValue', where, 'data'));
  return parseDecryptedJson(plain);
}

export const bitwarden: FormatParser = {
  name: 'bitwarden',
  sniff: ({ json }) => isObject(json) && typeof json['encrypted'] === 'boolean' && ('items' in json || 'data' in json || 'folders' in json),
  async parse(input: Input, ctx: Context) {
    const outer = input.json as Json;
    const encrypted = outer['encrypted'] === true;
    if (encrypted && outer['passwordProtected'] !== true) throw new TesseraError('unsupported-format', t('import.bitwardenEncrypted'));
    const file = encrypted ? await decrypt(outer, ctx) : outer;
    if (!isObject(file)) wrongType(fileAt(), 'data');
    const items = arr(file, 'items', fileAt());
    const out = new Collector();
    items.forEach((it, i) => {
      const n = i + 1;
      const where = entryAt(n);
      const item = entryObject(it, n);
      if (item['login'] === undefined || item['login'] === null) return;
      if (!isObject(item['login'])) wrongType(where, 'login');
      const login = item['login'];
      const totp = optStr(login, 'totp', where).trim();
      if (totp === '') return;
      const names = { issuer: optStr(item, 'name', where), label: optStr(login, 'username', where) };
      if (/^otpauth:/i.test(totp)) {
        out.addUri(n, totp);
      } else if (/^steam:\/\//i.test(totp)) {
        out.add(n, names, () => toParams({ kind: 'steam', secret: '', ...names }));
      } else {
        out.add(n, names, () => toParams({ kind: 'totp', secret: totp, ...names }));
      }
    });
    return out.result('bitwarden', encrypted);
  },
};
