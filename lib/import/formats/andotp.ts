// andOTP backups (andOTP/andOTP, its backup code and wiki; Aegis' AndOtpImporter):
// plain: a JSON array of { secret (Base32), issuer, label, digits, type: TOTP | HOTP | STEAM,
// algorithm, period, counter, thumbnail, tags, ... }. Encrypted (`.json.aes`, binary):
//   current: iterations (4 bytes, big-endian) ‖ salt (12) ‖ IV (12) ‖ AES-256-GCM(ct ‖ tag),
//            key = PBKDF2-HMAC-SHA1(password, salt, iterations, 256 bits);
//   old (before 0.6.3): IV (12) ‖ AES-256-GCM(ct ‖ tag), key = SHA-256(password).
// The binary file carries no marker, so any binary file is a candidate (sniffed last); the
// current layout is tried when its iteration count is plausible, then the old one.
import { splitLabel } from '../../otp/label';
import { aesGcmOpen, pbkdf2Key } from '../crypto';
import {
  badPassphrase, Collector, entryAt, entryObject, isObject, needsPassword, optNum, optStr, parseDecryptedJson, str, toParams,
  wrongType, fileAt, type Context, type FormatParser, type Input,
} from '../core';

const HEADER = 4 + 12 + 12;

async function decrypt(bytes: Uint8Array, ctx: Context): Promise<unknown> {
  const password = needsPassword(ctx);
  const iterations = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, false);
  if (bytes.length >= HEADER + 16 && iterations >= 1000 && iterations <= ctx.limits.pbkdf2MaxIterations) {
    const key = await pbkdf2Key(password, bytes.subarray(4, 16), iterations, 'SHA-1', ctx.limits);
    const plain = await aesGcmOpen(key, bytes.subarray(16, 28), bytes.subarray(28));
    if (plain) return parseDecryptedJson(plain);
  }
  const key = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(password)));
  const plain = await aesGcmOpen(key, bytes.subarray(0, 12), bytes.subarray(12));
  if (plain) return parseDecryptedJson(plain);
  throw badPassphrase();
}

function oldLabel(label: string): { issuer: string; label: string } {
  const dash = label.indexOf(' - ');
  if (dash < 0) return { issuer: '', label };
  return splitLabel(label.slice(dash + 3), label.slice(0, dash));
}

function isAndOtpEntry(v: unknown): boolean {
  return isObject(v) && 'secret' in v && 'type' in v && ('label' in v || 'issuer' in v || 'thumbnail' in v);
}

// Files that are surely something else (PNG, JPEG, GIF, PDF, zip, gzip): not taken for andOTP.
const OTHER_MAGIC = [[0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff], [0x47, 0x49, 0x46, 0x38], [0x25, 0x50, 0x44, 0x46], [0x50, 0x4b, 0x03, 0x04], [0x1f, 0x8b]];
const isOther = (bytes: Uint8Array) => OTHER_MAGIC.some((m) => m.every((b, i) => bytes[i] === b));

export const andotp: FormatParser = {
  name: 'andotp',
  // Plain: an array of entries (or an empty array); encrypted: binary of at least one sealed byte.
  sniff: ({ json, text, bytes }) =>
    (Array.isArray(json) && (json.length === 0 || json.some(isAndOtpEntry))) || (text === null && bytes.length >= 12 + 16 + 1 && !isOther(bytes)),
  async parse(input: Input, ctx: Context) {
    const encrypted = input.text === null;
    const entries = encrypted ? await decrypt(input.bytes, ctx) : input.json;
    if (!Array.isArray(entries)) wrongType(fileAt(), 'entries');
    const out = new Collector();
    entries.forEach((e, i) => {
      const n = i + 1;
      const where = entryAt(n);
      const entry = entryObject(e, n);
      const kind = str(entry, 'type', where);
      // Before 0.6.3 there was no issuer field: the label read "Issuer - account" (as Aegis reads it).
      const names = 'issuer' in entry
        ? { issuer: optStr(entry, 'issuer', where), label: optStr(entry, 'label', where) }
        : oldLabel(optStr(entry, 'label', where));
      const raw = {
        kind,
        secret: str(entry, 'secret', where),
        ...names,
        algorithm: optStr(entry, 'algorithm', where),
        digits: optNum(entry, 'digits', where),
        period: optNum(entry, 'period', where),
        counter: kind.toUpperCase() === 'HOTP' ? optNum(entry, 'counter', where) : undefined,
      };
      out.add(n, names, () => toParams(raw));
    });
    return out.result('andotp', encrypted);
  },
};
