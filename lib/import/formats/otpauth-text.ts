// Text files of links, one per line (blank lines skipped; any of \n, \r\n, \r ends a line):
// - `google-authenticator`: every line an otpauth-migration:// export URI (Google
//   Authenticator's "Transfer accounts", as saved by QR readers and other apps);
// - `ente`: Ente Auth's plain export, otpauth:// links that carry Ente's `codeDisplay`
//   parameter (and otpauth://steam/ for Steam, which is reported);
// - `otpauth-text`: any other list of otpauth:// links (Aegis, FreeOTP+, 2FAS, Authenticator
//   and Proton all export this too), and otpauth-migration:// lines mixed in.
// Every line is read with lib/otp (the same rules as pasted links); a line that is not a
// link is reported on its line. Ente's encrypted export decrypts to this same text (ente.ts).
import { TesseraError } from '../../messages/errors';
import { t } from '../../i18n/i18n';
import { isEntryError, parseMigrationUri } from '../../otp/migration';
import { entryName } from '../../otp/import';
import { Collector, type FormatParser, type Input } from '../core';
import type { FileFormat, FileImport } from '../file';
import { toErrorInfo } from '../../messages/errors';

function lines(text: string): Array<[number, string]> {
  return text
    .split(/\r\n|\n|\r/)
    .map((l, i) => [i + 1, l.trim()] as [number, string])
    .filter(([, l]) => l !== '');
}

const isLink = (l: string) => /^otpauth(-migration)?:\/\//i.test(l);
const isMigration = (l: string) => /^otpauth-migration:/i.test(l);

/** Reads link lines into accounts and per-line errors (shared with Ente's decrypted export). */
export function parseLinkLines(text: string, format: FileFormat, encrypted: boolean): FileImport {
  const out = new Collector();
  for (const [line, l] of lines(text)) {
    if (!isMigration(l)) {
      out.addUri(line, l);
      continue;
    }
    try {
      const { accounts } = parseMigrationUri(l);
      for (const a of accounts) {
        if (!isEntryError(a)) out.items.push({ line, params: a });
        else out.errors.push({ line, code: a.error.code, message: t('otp.entryError', entryName(a.issuer, a.label), a.error.message) });
      }
    } catch (e) {
      if (!(e instanceof TesseraError)) throw e;
      out.errors.push({ line, ...toErrorInfo(e) });
    }
  }
  return out.result(format, encrypted);
}

/** A text file whose first non-blank line is a link. */
function linkText(input: Input): Array<[number, string]> | null {
  if (input.text === null || input.json !== undefined) return null;
  const ls = lines(input.text);
  return ls.length > 0 && isLink(ls[0]![1]) ? ls : null;
}

export const googleAuthenticator = {
  name: 'google-authenticator',
  sniff: (input: Input) => linkText(input)?.every(([, l]) => isMigration(l)) ?? false,
  parse: async (input: Input) => parseLinkLines(input.text!, 'google-authenticator', false),
} satisfies FormatParser;

export const entePlain = {
  name: 'ente',
  sniff: (input: Input) => linkText(input)?.some(([, l]) => /^otpauth:\/\/[^?]*\?(.*&)?codeDisplay=/i.test(l)) ?? false,
  parse: async (input: Input) => parseLinkLines(input.text!, 'ente', false),
} satisfies FormatParser;

export const otpauthText = {
  name: 'otpauth-text',
  sniff: (input: Input) => linkText(input) !== null,
  parse: async (input: Input) => parseLinkLines(input.text!, 'otpauth-text', false),
} satisfies FormatParser;
