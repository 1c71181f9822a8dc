// LastPass Authenticator JSON export (as exported by the Android and iOS apps; the format is
// read by Proton's and Aegis' importers): { deviceName, localDeviceId, version, accounts:
// [{ accountID, issuerName, originalIssuerName, userName, originalUserName, secret, timeStep,
// digits, algorithm, folderData, ... }], folders }. All accounts are TOTP. The issuer and name
// shown are issuerName / userName (the user's edits), falling back to the original ones.
import { arr, Collector, entryAt, entryObject, fileAt, isObject, optNum, optStr, str, toParams, type FormatParser, type Input, type Json } from '../core';

export const lastpass: FormatParser = {
  name: 'lastpass',
  sniff: ({ json }) => isObject(json) && Array.isArray(json['accounts']) && ('deviceName' in json || 'localDeviceId' in json || 'deviceSecret' in json),
  async parse(input: Input) {
    const accounts = arr(input.json as Json, 'accounts', fileAt());
    const out = new Collector();
    accounts.forEach((a, i) => {
      const n = i + 1;
      const where = entryAt(n);
      const acc = entryObject(a, n);
      const names = {
        issuer: optStr(acc, 'issuerName', where) || optStr(acc, 'originalIssuerName', where),
        label: optStr(acc, 'userName', where) || optStr(acc, 'originalUserName', where),
      };
      const raw = {
        kind: 'totp',
        secret: str(acc, 'secret', where),
        ...names,
        algorithm: optStr(acc, 'algorithm', where),
        digits: optNum(acc, 'digits', where),
        period: optNum(acc, 'timeStep', where),
      };
      out.add(n, names, () => toParams(raw));
    });
    return out.result('lastpass', false);
  },
};
