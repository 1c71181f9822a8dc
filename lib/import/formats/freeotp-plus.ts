// FreeOTP+ JSON export (helloworld1/FreeOTPPlus, Token.java / TokenPersistence; Aegis'
// FreeOtpPlusImporter): { tokenOrder: ["issuer:label", ...], tokens: [{ algo, counter, digits,
// issuerExt, issuerInt, label, period, secret: [signed bytes], type: TOTP | HOTP }] }.
// FreeOTP+ stores the HOTP counter it last used: the next code is counter + 1 (as Aegis reads it).
// A TOTP token issued by "Steam" is a Steam account (FreeOTP+ shows it with 5 letters): reported.
import { t } from '../../i18n/i18n';
import { arr, badFile, Collector, entryAt, entryObject, fileAt, isObject, optNum, optStr, str, toParams, type FormatParser, type Input, type Json } from '../core';

function secretBytes(v: unknown, where: string): Uint8Array {
  if (!Array.isArray(v) || !v.every((b) => Number.isInteger(b) && b >= -128 && b <= 255)) throw badFile(t('import.badValue', where, 'secret'));
  return Uint8Array.from(v as number[], (b) => b & 0xff);
}

export const freeotpPlus: FormatParser = {
  name: 'freeotp-plus',
  sniff: ({ json }) => isObject(json) && Array.isArray(json['tokens']),
  async parse(input: Input) {
    const tokens = arr(input.json as Json, 'tokens', fileAt());
    const out = new Collector();
    tokens.forEach((tk, i) => {
      const n = i + 1;
      const where = entryAt(n);
      const token = entryObject(tk, n);
      const issuer = optStr(token, 'issuerExt', where) || optStr(token, 'issuerInt', where);
      const names = { issuer, label: optStr(token, 'label', where) };
      const type = str(token, 'type', where);
      const secret = secretBytes(token['secret'], where);
      const counter = optNum(token, 'counter', where);
      const hotp = type.toUpperCase() === 'HOTP';
      const steam = !hotp && issuer === 'Steam';
      out.add(n, names, () =>
        toParams({
          kind: steam ? 'steam' : type,
          secret,
          ...names,
          algorithm: optStr(token, 'algo', where),
          digits: optNum(token, 'digits', where),
          period: optNum(token, 'period', where),
          counter: hotp && counter !== undefined ? Number(counter) + 1 : undefined,
        }),
      );
    });
    return out.result('freeotp-plus', false);
  },
};
