// Bitwarden JSON export (Bitwarden Help Center, "Condition a Bitwarden .json file for import";
// Aegis' BitwardenImporter): { encrypted: false, folders, items: [{ type: 1 (login), name,
// login: { username, totp } }] }. `login.totp` is an otpauth:// URI, a bare Base32 secret
// (TOTP, 6 digits, 30 s, SHA1; named by the item's name and username) or steam://<secret>
// (not supported). Items without a TOTP (other logins, notes, cards) are skipped silently: the
// entry number is the item's position among all items. Password-protected and account-
// restricted exports (encrypted: true) cannot be read and are refused as such.
import { t } from '../../i18n/i18n';
import { TesseraError } from '../../messages/errors';
import {
  arr, Collector, entryAt, entryObject, fileAt, isObject, optStr, toParams, wrongType, type FormatParser, type Input, type Json,
} from '../core';

export const bitwarden: FormatParser = {
  name: 'bitwarden',
  sniff: ({ json }) => isObject(json) && typeof json['encrypted'] === 'boolean' && ('items' in json || 'data' in json || 'folders' in json),
  async parse(input: Input) {
    const file = input.json as Json;
    if (file['encrypted'] === true) throw new TesseraError('unsupported-format', t('import.bitwardenEncrypted'));
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
    return out.result('bitwarden', false);
  },
};
