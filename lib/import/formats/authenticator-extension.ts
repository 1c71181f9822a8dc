// The "Authenticator" browser extension's backup (Authenticator-Extension/Authenticator:
// src/definitions/otp.d.ts, src/models/storage.ts, src/import.ts). A JSON object keyed by each
// entry's hash: { "<hash>": { account, issuer, secret, type, counter, period, digits,
// algorithm, encrypted, index, hash } }. Types: totp, hotp, hex / hhex (TOTP / HOTP with a hex
// secret), steam and battle (not supported). Encrypted backups, three generations:
//   v3 (current): entries { dataType: "EncOTPStorage", keyId, data } and keys { dataType: "Key",
//     id, salt, hash }; the entry key is the base64 (unpadded) argon2id hash of the password
//     (salt = the key's salt as UTF-8, m=19 MiB, t=2, p=1, 32 bytes), checked against the key's
//     `hash` (an argon2id encoded hash of that key); `data` = CryptoJS.AES(JSON of the entry, key);
//   v2: a `key` { enc, hash } (or top-level enc/hash): enc = CryptoJS.AES(random key, password)
//     and each `encrypted: true` entry's secret = CryptoJS.AES(secret, hex of that key);
//   v1: each `encrypted: true` entry's secret = CryptoJS.AES(secret, password).
// CryptoJS.AES with a passphrase: see cryptoJsDecrypt (OpenSSL "Salted__", EVP_BytesToKey-MD5,
// AES-256-CBC).
import { t } from '../../i18n/i18n';
import { argon2Key, cryptoJsDecrypt } from '../crypto';
import {
  badFile, badPassphrase, binaryToBytes, Collector, decodeText, entryAt, fileAt, hexSecret, isObject, needsPassword, optNum, optStr,
  parseDecryptedJson, str, toParams, wrongType, type Context, type FormatParser, type Input, type Json,
} from '../core';
import { toBase64 } from '../../crypto/encoding';

// Not entries: the v2 key (and its top-level form), and the settings a raw storage dump carries.
const KEY_FIELDS = new Set(['key', 'enc', 'hash', 'UserSettings']);
const ARGON = { memoryKiB: 19 * 1024, passes: 2, parallelism: 1 };
const enc = new TextEncoder();

function b64NoPad(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/=+$/, '');
}

function b64Decode(s: string): Uint8Array | null {
  try {
    return binaryToBytes(atob(s + '='.repeat((4 - (s.length % 4)) % 4)));
  } catch {
    return null;
  }
}

/** v3: the entry key of a Key record, or bad-passphrase. */
async function unlockKey(key: Json, password: string, ctx: Context): Promise<string> {
  const where = fileAt();
  const salt = str(key, 'salt', where);
  const encoded = str(key, 'hash', where);
  const derived = b64NoPad(await argon2Key(enc.encode(password), enc.encode(salt), ARGON.memoryKiB, ARGON.passes, ARGON.parallelism, ctx.limits));
  // "$argon2id$v=19$m=19456,t=2,p=1$<salt b64>$<hash b64>" (PHC string format).
  const m = /^\$argon2id\$v=19\$m=(\d{1,10}),t=(\d{1,10}),p=(\d{1,3})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(encoded);
  const checkSalt = m ? b64Decode(m[4]!) : null;
  const checkHash = m ? b64Decode(m[5]!) : null;
  if (!m || !checkSalt || !checkHash || checkHash.length !== 32) throw badFile(t('import.badValue', where, 'hash'));
  const check = await argon2Key(enc.encode(derived), checkSalt, Number(m[1]), Number(m[2]), Number(m[3]), ctx.limits);
  if (b64NoPad(check) !== b64NoPad(checkHash)) throw badPassphrase();
  return derived;
}

async function decryptText(b64: unknown, passphrase: string, where: string, field: string): Promise<string> {
  if (typeof b64 !== 'string') wrongType(where, field);
  const plain = await cryptoJsDecrypt(b64, passphrase);
  if (plain === undefined) throw badFile(t('import.badValue', where, field));
  const text = plain === null ? null : decodeText(plain);
  // CBC has no authentication: a wrong key shows as bad padding or as bytes that are not text.
  if (text === null || text === '') throw badPassphrase();
  return text;
}

function isEntryLike(v: unknown): boolean {
  return isObject(v) && (['OTPStorage', 'EncOTPStorage', 'Key'].includes(v['dataType'] as string) || ('secret' in v && 'type' in v && ('hash' in v || 'encrypted' in v)));
}

export const authenticatorExtension: FormatParser = {
  name: 'authenticator-extension',
  sniff: ({ json }) => {
    if (!isObject(json)) return false;
    const values = Object.entries(json).filter(([k]) => !KEY_FIELDS.has(k)).map(([, v]) => v);
    return values.length > 0 && values.every(isObject) && values.some(isEntryLike);
  },
  async parse(input: Input, ctx: Context) {
    const file = input.json as Json;
    const records = Object.entries(file).filter(([k]) => !KEY_FIELDS.has(k)).map(([, v]) => v as Json);
    const keys = new Map(records.filter((r) => r['dataType'] === 'Key').map((r) => [r['id'], r]));
    const entries = records.filter((r) => r['dataType'] !== 'Key');
    const encrypted = entries.some((e) => e['dataType'] === 'EncOTPStorage' || e['encrypted'] === true);
    const password = encrypted ? needsPassword(ctx) : '';

    // v2: the key that encrypts the secrets is itself encrypted with the password.
    let v2Key: string | null = null;
    const oldKey = isObject(file['key']) ? file['key'] : typeof file['enc'] === 'string' ? { enc: file['enc'] } : null;
    if (encrypted && oldKey) {
      const plain = await cryptoJsDecrypt(str(oldKey, 'enc', fileAt()), password);
      if (plain === undefined) throw badFile(t('import.badValue', fileAt(), 'key'));
      if (plain === null || plain.length === 0) throw badPassphrase();
      v2Key = Array.from(plain, (b) => b.toString(16).padStart(2, '0')).join('');
    }

    // Decrypt everything first: a wrong password fails the whole file, never half of it.
    const unlocked = new Map<unknown, string>();
    const plainEntries: Json[] = [];
    for (const [i, e] of entries.entries()) {
      const where = entryAt(i + 1);
      if (e['dataType'] === 'EncOTPStorage') {
        const keyId = e['keyId'];
        const key = keys.get(keyId);
        if (!key) throw badFile(t('import.unknownKey', where));
        if (!unlocked.has(keyId)) unlocked.set(keyId, await unlockKey(key, password, ctx));
        const data = parseDecryptedJson(enc.encode(await decryptText(e['data'], unlocked.get(keyId)!, where, 'data')));
        if (!isObject(data)) wrongType(where, 'data');
        plainEntries.push(data);
      } else if (e['encrypted'] === true) {
        const secret = await decryptText(e['secret'], v2Key ?? password, where, 'secret');
        plainEntries.push({ ...e, secret });
      } else {
        plainEntries.push(e);
      }
    }

    const out = new Collector();
    plainEntries.forEach((entry, i) => {
      const n = i + 1;
      const where = entryAt(n);
      const names = { issuer: optStr(entry, 'issuer', where), label: optStr(entry, 'account', where) };
      const type = (optStr(entry, 'type', where) || 'totp').toLowerCase();
      const secretText = str(entry, 'secret', where);
      const hex = type === 'hex' || type === 'hhex';
      const kind = type === 'hex' ? 'totp' : type === 'hhex' ? 'hotp' : type === 'battle' ? 'Blizzard' : type;
      out.add(n, names, () =>
        toParams({
          kind,
          secret: hex ? hexSecret(secretText) : secretText,
          ...names,
          algorithm: optStr(entry, 'algorithm', where),
          digits: optNum(entry, 'digits', where),
          period: optNum(entry, 'period', where),
          counter: kind === 'hotp' ? optNum(entry, 'counter', where) : undefined,
        }),
      );
    });
    return out.result('authenticator-extension', encrypted);
  },
};
