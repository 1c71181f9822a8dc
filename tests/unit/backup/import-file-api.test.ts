// accounts.importFile and import.preview for files other than Tessera backups: they go through
// lib/import's parseImportFile (stubbed here with what a parser returns, so the handler's own
// rules are tested: keep, site, duplicates, errors passed through, whole-file errors, one commit).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { toBase64, utf8Encode } from '../../../lib/crypto/encoding';
import { TesseraError } from '../../../lib/messages/errors';
import { parseImportText } from '../../../lib/otp/import';
import { makeApi } from '../api/context';

const parse = vi.hoisted(() => ({ impl: null as null | ((bytes: Uint8Array, o: { password?: string }) => Promise<unknown>) }));
vi.mock('../../../lib/import/file', async (orig) => ({
  ...(await orig<typeof import('../../../lib/import/file')>()),
  parseImportFile: (bytes: Uint8Array, o: { password?: string }) => parse.impl!(bytes, o),
}));

const TEXT = [
  'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
  'otpauth://totp/Bad:x?secret=1',
  'otpauth://hotp/ACME:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME&counter=3',
  'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
].join('\n');
const data = toBase64(utf8Encode(TEXT));

beforeEach(() => {
  // A stand-in parser: plain otpauth lists, and a pretend encrypted format ("ENC:" + password + text).
  parse.impl = async (bytes, o) => {
    const text = new TextDecoder().decode(bytes);
    if (text.startsWith('ENC:')) {
      if (!o.password) throw new TesseraError('needs-password');
      if (!text.startsWith(`ENC:${o.password}\n`)) throw new TesseraError('bad-passphrase');
      const r = parseImportText(text.slice(text.indexOf('\n') + 1));
      return { format: 'aegis', encrypted: true, ...r };
    }
    if (!text.startsWith('otpauth')) throw new TesseraError('unsupported-format');
    return { format: 'otpauth-text', encrypted: false, ...parseImportText(text) };
  };
});

describe('accounts.importFile through parseImportFile', () => {
  it('adds what the parser read, counts duplicates and passes entry errors through', async () => {
    const { call, changes } = await makeApi();
    const r = await call({ type: 'accounts.importFile', name: 'list.txt', data, site: 'https://www.example.com/' });
    expect(r).toMatchObject({ ok: true, format: 'otpauth-text', duplicates: 1, errors: [{ line: 2, code: 'bad-secret' }] });
    expect(r.added.map((a: { issuer: string }) => a.issuer)).toEqual(['Example', 'ACME']);
    const list = (await call({ type: 'accounts.list' })).accounts;
    expect(list.every((a: { sites: string[] }) => a.sites[0] === 'example.com')).toBe(true);
    expect(list.find((a: { issuer: string }) => a.issuer === 'ACME')).toMatchObject({ type: 'hotp', counter: 3 });
    expect(changes()).toBe(1); // one commit
  });

  it('previews with duplicates marked (in the vault and earlier in the file) and imports only `keep`', async () => {
    const { call } = await makeApi();
    await call({ type: 'accounts.import', text: TEXT.split('\n')[2] });
    const p = await call({ type: 'import.preview', name: 'list.txt', data });
    expect(p).toMatchObject({ ok: true, format: 'otpauth-text', encrypted: false, errors: [{ line: 2 }] });
    expect(p.entries.map((e: { index: number; line: number; issuer: string; duplicate: boolean }) => [e.index, e.line, e.issuer, e.duplicate])).toEqual([
      [1, 1, 'Example', false], [2, 3, 'ACME', true], [3, 4, 'Example', true],
    ]);
    expect(JSON.stringify(p)).not.toContain('JBSWY3DP');
    expect((await call({ type: 'accounts.list' })).accounts).toHaveLength(1);
    const r = await call({ type: 'accounts.importFile', name: 'list.txt', data, keep: [3] });
    expect(r.added.map((a: { issuer: string }) => a.issuer)).toEqual(['Example']);
  });

  it('whole-file errors: needs-password, bad-passphrase, unsupported-format, an untyped parser error as bad-file', async () => {
    const { call } = await makeApi();
    const enc = toBase64(utf8Encode(`ENC:secret words\n${TEXT}`));
    expect(await call({ type: 'accounts.importFile', name: 'a.json', data: enc })).toMatchObject({ ok: false, error: { code: 'needs-password' } });
    expect(await call({ type: 'accounts.importFile', name: 'a.json', data: enc, password: 'nope' })).toMatchObject({ ok: false, error: { code: 'bad-passphrase' } });
    expect((await call({ type: 'accounts.list' })).accounts).toEqual([]);
    expect(await call({ type: 'accounts.importFile', name: 'a.json', data: enc, password: 'secret words' })).toMatchObject({ ok: true, format: 'aegis', duplicates: 1 });
    expect(await call({ type: 'accounts.importFile', name: 'x.bin', data: toBase64(utf8Encode('GIF89a')) })).toMatchObject({ ok: false, error: { code: 'unsupported-format' } });
    parse.impl = async () => {
      throw new TypeError('cannot read properties of undefined (reading "secret": JBSWY3DP)');
    };
    const r = await call({ type: 'accounts.importFile', name: 'x.json', data });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-file' } });
    expect(r.error.message).not.toContain('JBSWY3DP');
  });
});
