// Proton Authenticator export (protonpass/proton-pass-common, proton-authenticator/src/entry:
// exporter.rs, password_exporter.rs, crypto.rs):
//   plain: { version: 1, entries: [{ id, content: { uri, entry_type: "Totp" | "Steam", name }, note }] }
//     where `uri` is an otpauth:// link (or steam://<secret>);
//   encrypted: { version: 1, salt, content }: key = argon2id(password, salt (16 bytes, base64),
//     m=19 MiB, t=2, p=1, 32 bytes); content = base64 of nonce (12) ‖ AES-256-GCM(plain export,
//     AAD "proton.authenticator.export.v1").
// Proton Pass's own export keeps its TOTP links in items' `content.totpUri`: its `data.json`, and
// the zip Proton Pass writes around it ("Proton Pass/data.json"), are read too (not its PGP one).
import { unzipSync } from 'fflate';
import { t } from '../../i18n/i18n';
import { aesGcmOpen, argon2Key } from '../crypto';
import {
  arr, badFile, badPassphrase, Collector, entryAt, entryObject, fileAt, fromBase64Loose, isObject, needsPassword, obj, optStr,
  parseDecryptedJson, str, toParams, wrongType, type Context, type FormatParser, type Input, type Json,
} from '../core';

const AAD = new TextEncoder().encode('proton.authenticator.export.v1');
const ARGON = { memoryKiB: 19 * 1024, passes: 2, parallelism: 1 };

async function decrypt(file: Json, ctx: Context): Promise<unknown> {
  const where = fileAt();
  const salt = fromBase64Loose(str(file, 'salt', where), where, 'salt');
  const content = fromBase64Loose(str(file, 'content', where), where, 'content');
  if (salt.length !== 16) throw badFile(t('import.badValue', where, 'salt'));
  if (content.length < 12 + 16) throw badFile(t('import.cipherShort'));
  const password = needsPassword(ctx);
  const key = await argon2Key(new TextEncoder().encode(password), salt, ARGON.memoryKiB, ARGON.passes, ARGON.parallelism, ctx.limits);
  const plain = await aesGcmOpen(key, content.subarray(0, 12), content.subarray(12), AAD);
  if (!plain) throw badPassphrase();
  return parseDecryptedJson(plain);
}

function readEntries(file: unknown, out: Collector): void {
  if (!isObject(file)) wrongType(fileAt(), 'entries');
  arr(file, 'entries', fileAt()).forEach((e, i) => {
    const n = i + 1;
    const where = entryAt(n);
    const content = obj(entryObject(e, n), 'content', where);
    const uri = str(content, 'uri', where).trim();
    const type = optStr(content, 'entry_type', where);
    const name = optStr(content, 'name', where);
    if (type.toLowerCase() === 'steam' || /^steam:/i.test(uri)) {
      out.add(n, { issuer: 'Steam', label: name }, () => toParams({ kind: 'steam', secret: '', issuer: 'Steam', label: name }));
    } else {
      out.addUri(n, uri);
    }
  });
}

/** Proton Pass data.json: { encrypted: false, vaults: { id: { items: [{ data: { metadata: { name }, content: { totpUri, itemEmail, itemUsername } } }] } } } */
function readPass(file: Json, out: Collector): void {
  const where = fileAt();
  let n = 0;
  for (const vault of Object.values(obj(file, 'vaults', where))) {
    if (!isObject(vault)) wrongType(where, 'vaults');
    for (const it of arr(vault, 'items', where)) {
      n++;
      const w = entryAt(n);
      const item = entryObject(it, n);
      const data = isObject(item['data']) ? item['data'] : {};
      const content = isObject(data['content']) ? data['content'] : {};
      const uri = optStr(content, 'totpUri', w).trim();
      if (uri === '') continue;
      const metadata = isObject(data['metadata']) ? data['metadata'] : {};
      const names = { issuer: optStr(metadata, 'name', w), label: optStr(content, 'itemEmail', w) || optStr(content, 'itemUsername', w) };
      if (/^otpauth:/i.test(uri)) out.addUri(n, uri);
      else out.add(n, names, () => toParams({ kind: 'totp', secret: uri, ...names }));
    }
  }
}

export const proton: FormatParser = {
  name: 'proton',
  sniff: ({ json }) =>
    isObject(json) &&
    (('version' in json && Array.isArray(json['entries'])) ||
      ('version' in json && typeof json['salt'] === 'string' && typeof json['content'] === 'string') ||
      (isObject(json['vaults']) && ('userId' in json || 'encrypted' in json))),
  async parse(input: Input, ctx: Context) {
    const file = input.json as Json;
    const out = new Collector();
    if (isObject(file['vaults'])) {
      readPass(file, out);
      return out.result('proton', false);
    }
    const encrypted = !Array.isArray(file['entries']);
    readEntries(encrypted ? await decrypt(file, ctx) : file, out);
    return out.result('proton', encrypted);
  },
};

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** The largest data.json taken out of a zip (its declared size, checked before inflating). */
const MAX_ZIPPED_JSON = 20 * 1024 * 1024;

/** The name of Proton Pass' data.json in a zip, read from its directory only (nothing inflated). */
function passJsonName(bytes: Uint8Array): string | null {
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) return null;
  let found: string | null = null;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (found === null && /(^|\/)data\.json$/.test(f.name)) found = f.name;
        return false;
      },
    });
  } catch {
    return null;
  }
  return found;
}

export const protonPassZip: FormatParser = {
  name: 'proton',
  sniff: ({ bytes }) => passJsonName(bytes) !== null,
  async parse(input: Input) {
    const name = passJsonName(input.bytes)!;
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(input.bytes, { filter: (f) => f.name === name && f.originalSize <= MAX_ZIPPED_JSON });
    } catch {
      throw badFile(t('import.badValue', fileAt(), name));
    }
    const data = files[name];
    if (!data || data.length > MAX_ZIPPED_JSON) throw badFile(t('import.badValue', fileAt(), name));
    const file = parseDecryptedJson(data);
    if (!isObject(file) || !isObject(file['vaults'])) throw badFile(t('import.missing', fileAt(), 'vaults'));
    const out = new Collector();
    readPass(file, out);
    return out.result('proton', false);
  },
};
