// Aegis Authenticator vault export (beemdevelopment/Aegis, docs/vault.md):
//   { version: 1, header: { slots, params }, db }
// Plain: slots and params are null and db is the content object. Encrypted: db is base64 of
// AES-256-GCM(master key, params.nonce, content) with params.tag; each password slot (type 1)
// holds the master key wrapped with AES-256-GCM under scrypt(password, salt, N, r, p, 32 bytes)
// (key, key_params.nonce/tag; all hex). Content: { version, entries: [{ type, name, issuer,
// info: { secret, algo, digits, period | counter } }], groups }. Types: totp, hotp, steam,
// yandex, motp: the last three are reported, not imported. Slots not marked `repaired` whose
// password is over 64 bytes are also tried with Aegis' old password encoding (see below).
import { t } from '../../i18n/i18n';
import { aesGcmOpen, scryptKey } from '../crypto';
import {
  arr, badFile, badPassphrase, Collector, entryAt, entryObject, fileAt, fromBase64Loose, fromHex, isObject, needsPassword,
  obj, optNum, optStr, parseDecryptedJson, str, toParams, type Context, type FormatParser, type Input, type Json,
} from '../core';

const PASSWORD_SLOT = 1;
const enc = new TextEncoder();

/**
 * The password bytes Aegis used before its slots were "repaired" (CryptoUtils.toBytesOld): the
 * whole backing array of Java's UTF_8.encode buffer, i.e. the UTF-8 bytes followed by zeros up
 * to the buffer's capacity, which starts at (int)(chars × 1.1f) and grows to 2n + 1 while too
 * small. It differs from plain UTF-8 only for passwords over 64 bytes, the case Aegis retries
 * (PasswordSlotDecryptTask) when a slot is not marked `repaired`.
 */
export function aegisOldPasswordBytes(password: string): Uint8Array {
  const bytes = enc.encode(password);
  let capacity = Math.trunc(Math.fround(password.length * Math.fround(1.1)));
  while (capacity < bytes.length) capacity = 2 * capacity + 1;
  const out = new Uint8Array(capacity);
  out.set(bytes);
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

async function decryptDb(vault: Json, header: Json, ctx: Context): Promise<unknown> {
  const where = fileAt();
  const slots = arr(header, 'slots', where);
  const params = obj(header, 'params', where);
  const db = str(vault, 'db', where);
  const passwordSlots = slots.filter((s) => isObject(s) && s['type'] === PASSWORD_SLOT) as Json[];
  if (passwordSlots.length === 0) throw badFile(t('import.noSlot'));
  const password = needsPassword(ctx);
  let master: Uint8Array | null = null;
  for (const slot of passwordSlots) {
    const salt = fromHex(str(slot, 'salt', where), where, 'salt');
    const keyParams = obj(slot, 'key_params', where);
    const wrapped = concat(fromHex(str(slot, 'key', where), where, 'key'), fromHex(str(keyParams, 'tag', where), where, 'tag'));
    const nonce = fromHex(str(keyParams, 'nonce', where), where, 'nonce');
    const kek = await scryptKey(password, salt, slot['n'], slot['r'], slot['p'], ctx.limits);
    master = await aesGcmOpen(kek, nonce, wrapped);
    if (!master && slot['repaired'] !== true && enc.encode(password).length > 64) {
      const old = await scryptKey(aegisOldPasswordBytes(password), salt, slot['n'], slot['r'], slot['p'], ctx.limits);
      master = await aesGcmOpen(old, nonce, wrapped);
    }
    if (master) break;
  }
  if (!master) throw badPassphrase();
  const sealed = concat(fromBase64Loose(db, where, 'db'), fromHex(str(params, 'tag', where), where, 'tag'));
  const plain = await aesGcmOpen(master, fromHex(str(params, 'nonce', where), where, 'nonce'), sealed);
  // The master key opened, so the password is right: a failure here is a damaged vault.
  if (!plain) throw badFile(t('import.badValue', where, 'db'));
  return parseDecryptedJson(plain);
}

export const aegis: FormatParser = {
  name: 'aegis',
  sniff: ({ json }) => isObject(json) && isObject(json['header']) && 'db' in json && 'version' in json,
  async parse(input: Input, ctx: Context) {
    const vault = input.json as Json;
    const header = vault['header'] as Json;
    const encrypted = header['slots'] !== null && header['slots'] !== undefined;
    const content = encrypted ? await decryptDb(vault, header, ctx) : vault['db'];
    if (!isObject(content)) throw badFile(t('import.wrongType', fileAt(), 'db'));
    const entries = arr(content, 'entries', fileAt());
    const out = new Collector();
    entries.forEach((e, i) => {
      const n = i + 1;
      const where = entryAt(n);
      const entry = entryObject(e, n);
      const info = obj(entry, 'info', where);
      const names = { issuer: optStr(entry, 'issuer', where), label: optStr(entry, 'name', where) };
      const raw = {
        kind: str(entry, 'type', where),
        secret: str(info, 'secret', where),
        ...names,
        algorithm: optStr(info, 'algo', where),
        digits: optNum(info, 'digits', where),
        period: optNum(info, 'period', where),
        counter: optNum(info, 'counter', where),
      };
      out.add(n, names, () => toParams(raw));
    });
    return out.result('aegis', encrypted);
  },
};
