// Ente Auth's encrypted export (ente-io/ente, docs/docs/auth/migration/export.md, "Auth
// Encrypted Export format", version 1):
//   { version: 1, kdfParams: { memLimit, opsLimit, salt }, encryptedData, encryptionNonce }
// key = argon2id (libsodium crypto_pwhash, ALG_ARGON2ID13: memLimit in bytes → memLimit/1024
// KiB, opsLimit passes, 1 lane, 32 bytes) of the password with the base64 salt; the data is one
// libsodium secretstream (XChaCha20-Poly1305) message with encryptionNonce as its header, and
// decrypts to the plain export: otpauth:// links, one per line (read by otpauth-text.ts).
import { t } from '../../i18n/i18n';
import { argon2Key, SECRETSTREAM_TAG_FINAL, secretstreamOpenSingle } from '../crypto';
import {
  badFile, badPassphrase, decodeText, fileAt, fromBase64Loose, isObject, needsPassword, obj, str, type Context, type FormatParser,
  type Input, type Json,
} from '../core';
import { parseLinkLines } from './otpauth-text';

export const enteEncrypted: FormatParser = {
  name: 'ente',
  sniff: ({ json }) => isObject(json) && 'kdfParams' in json && 'encryptedData' in json,
  async parse(input: Input, ctx: Context) {
    const file = input.json as Json;
    const where = fileAt();
    if (file['version'] !== 1) throw badFile(t('import.badValue', where, 'version'));
    const kdf = obj(file, 'kdfParams', where);
    const salt = fromBase64Loose(str(kdf, 'salt', where), where, 'salt');
    const data = fromBase64Loose(str(file, 'encryptedData', where), where, 'encryptedData');
    const header = fromBase64Loose(str(file, 'encryptionNonce', where), where, 'encryptionNonce');
    const memLimit = kdf['memLimit'];
    if (typeof memLimit !== 'number' || !Number.isSafeInteger(memLimit) || memLimit < 8192) throw badFile(t('import.badValue', where, 'memLimit'));
    if (header.length !== 24) throw badFile(t('import.badValue', where, 'encryptionNonce'));
    const password = needsPassword(ctx);
    const key = await argon2Key(new TextEncoder().encode(password), salt, Math.floor(memLimit / 1024), kdf['opsLimit'], 1, ctx.limits);
    const opened = secretstreamOpenSingle(key, header, data);
    if (!opened) throw badPassphrase();
    if (opened.tag !== SECRETSTREAM_TAG_FINAL) throw badFile(t('import.cipherShort'));
    const text = decodeText(opened.message);
    if (text === null) throw badFile(t('import.notText'));
    return parseLinkLines(text, 'ente', true);
  },
};
