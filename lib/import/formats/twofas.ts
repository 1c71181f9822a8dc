// 2FAS Authenticator backup (`.2fas`; its format as the 2FAS apps write it and as Aegis'
// TwoFASImporter reads it): { services: [...], groups, schemaVersion, appOrigin, ... }.
// Encrypted: services is empty and `servicesEncrypted` is "ct:salt:iv" (each base64), ct being
// AES-256-GCM (tag at the end) of the services JSON array under PBKDF2-HMAC-SHA256(password,
// salt, 10,000 iterations, 256 bits); `reference` is a fixed text sealed the same way.
// A service: { name, secret, otp: { account, label, issuer, digits, period, algorithm,
// tokenType: TOTP | HOTP | STEAM, counter } }. The issuer shown is the service's name (what the
// user saw in 2FAS), falling back to otp.issuer; the label is otp.account, then otp.label.
import { t } from '../../i18n/i18n';
import { aesGcmOpen, pbkdf2Key } from '../crypto';
import {
  badFile, badPassphrase, Collector, entryAt, entryObject, fileAt, fromBase64Loose, isObject, needsPassword,
  optNum, optStr, parseDecryptedJson, str, toParams, wrongType, type Context, type FormatParser, type Input, type Json,
} from '../core';

export const TWOFAS_PBKDF2_ITERATIONS = 10_000;

async function decryptServices(file: Json, ctx: Context): Promise<unknown> {
  const where = fileAt();
  const parts = str(file, 'servicesEncrypted', where).split(':');
  if (parts.length !== 3) throw badFile(t('import.badValue', where, 'servicesEncrypted'));
  const [ct, salt, iv] = parts.map((p) => fromBase64Loose(p, where, 'servicesEncrypted')) as [Uint8Array, Uint8Array, Uint8Array];
  const password = needsPassword(ctx);
  const key = await pbkdf2Key(password, salt, TWOFAS_PBKDF2_ITERATIONS, 'SHA-256', ctx.limits);
  const plain = await aesGcmOpen(key, iv, ct);
  if (!plain) throw badPassphrase();
  return parseDecryptedJson(plain);
}

export const twofas: FormatParser = {
  name: '2fas',
  sniff: ({ json }) => isObject(json) && Array.isArray(json['services']) && ('schemaVersion' in json || 'servicesEncrypted' in json || 'appOrigin' in json),
  async parse(input: Input, ctx: Context) {
    const file = input.json as Json;
    const encrypted = typeof file['servicesEncrypted'] === 'string';
    const services = encrypted ? await decryptServices(file, ctx) : file['services'];
    if (!Array.isArray(services)) wrongType(fileAt(), 'services');
    const out = new Collector();
    services.forEach((s, i) => {
      const n = i + 1;
      const where = entryAt(n);
      const service = entryObject(s, n);
      const otp = isObject(service['otp']) ? service['otp'] : {};
      if (service['otp'] !== undefined && !isObject(service['otp'])) wrongType(where, 'otp');
      const issuer = optStr(service, 'name', where) || optStr(otp, 'issuer', where);
      const label = optStr(otp, 'account', where) || optStr(otp, 'label', where);
      const tokenType = optStr(otp, 'tokenType', where) || 'TOTP';
      const raw = {
        kind: tokenType,
        secret: str(service, 'secret', where),
        issuer,
        label,
        algorithm: optStr(otp, 'algorithm', where),
        digits: optNum(otp, 'digits', where),
        period: optNum(otp, 'period', where),
        counter: tokenType.toUpperCase() === 'HOTP' ? optNum(otp, 'counter', where) : undefined,
      };
      out.add(n, { issuer, label }, () => toParams(raw));
    });
    return out.result('2fas', encrypted);
  },
};
