import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_LENGTH, parseImportText } from '../../../lib/otp/import';
import { serializeMigrationUri } from '../../../lib/otp/migration';
import { ProtoWriter } from '../../../lib/otp/protobuf';
import type { OtpParams } from '../../../lib/otp/account';
import { errorCode } from './helpers';

function params(p: Partial<OtpParams>): OtpParams {
  return { type: 'totp', secret: 'JBSWY3DPEHPK3PXP', issuer: '', label: 'x', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, extra: [], ...p };
}

describe('parseImportText', () => {
  it('reads one URI per line, with 1-based lines, skipping blank ones', () => {
    const migration = serializeMigrationUri([params({ issuer: 'M', label: 'one' }), params({ issuer: 'M', label: 'two' })], { index: 2, size: 3, id: 5 });
    const text = [
      'otpauth://totp/GitHub:octocat?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
      '',
      '   ',
      `  ${migration}  `,
      'https://example.com/',
      'otpauth://totp/a?secret=JBSWY3DPEHPK3PX1',
      'otpauth://hotp/b?secret=MZXW6&counter=3',
    ].join('\r\n');
    const r = parseImportText(text);
    expect(r.items).toEqual([
      { line: 1, params: params({ issuer: 'GitHub', label: 'octocat' }) },
      { line: 4, params: params({ issuer: 'M', label: 'one' }), batch: { index: 2, size: 3, id: 5 } },
      { line: 4, params: params({ issuer: 'M', label: 'two' }), batch: { index: 2, size: 3, id: 5 } },
      { line: 7, params: params({ type: 'hotp', secret: 'MZXW6', label: 'b', counter: 3 }) },
    ]);
    expect(r.errors.map(({ line, code }) => ({ line, code }))).toEqual([{ line: 5, code: 'bad-scheme' }, { line: 6, code: 'bad-secret' }]);
    expect(r.errors[0]!.message).toBe('Only otpauth:// and otpauth-migration:// links can be added.');
  });

  it('counts lines ended by \\n, \\r\\n or \\r alike', () => {
    const r = parseImportText('x\ny\r\nz\rotpauth://totp/a?secret=MZXW6');
    expect(r.items.map((i) => i.line)).toEqual([4]);
    expect(r.errors.map((e) => e.line)).toEqual([1, 2, 3]);
  });

  it('reports each unusable export entry on its line, named, and imports the rest', () => {
    const entry = (name: string, issuer: string, algorithm: number) =>
      new ProtoWriter().bytes(1, Uint8Array.of(1, 2, 3)).bytes(2, name).bytes(3, issuer).int(4, algorithm).int(6, 2).finish();
    const payload = new ProtoWriter().bytes(1, entry('Old:md5', 'Old', 4)).bytes(1, entry('New:ok', 'New', 2)).finish();
    const uri = `otpauth-migration://offline?data=${encodeURIComponent(btoa(String.fromCharCode(...payload)))}`;
    const r = parseImportText(`\n${uri}`);
    expect(r.items).toEqual([{ line: 2, params: params({ secret: 'AEBAG', issuer: 'New', label: 'ok', algorithm: 'SHA256' }), batch: { index: 1, size: 1, id: 0 } }]);
    expect(r.errors).toEqual([{ line: 2, code: 'bad-algorithm', message: 'Old (md5): Unsupported algorithm: use SHA1, SHA256 or SHA512.' }]);
  });

  it('reports a broken export on its line', () => {
    expect(parseImportText('otpauth-migration://offline?data=%%%').errors).toMatchObject([{ line: 1, code: 'bad-uri' }]);
  });

  it('gives nothing for empty text', () => {
    expect(parseImportText('')).toEqual({ items: [], errors: [] });
    expect(parseImportText('\n\n  \n')).toEqual({ items: [], errors: [] });
  });

  it('reports a too-long line as too-large, and throws for text over 1 MiB', () => {
    const long = `otpauth://totp/a?secret=MZXW6&x=${'y'.repeat(5000)}`;
    expect(parseImportText(long).errors).toMatchObject([{ line: 1, code: 'too-large' }]);
    expect(errorCode(() => parseImportText('\n'.repeat(MAX_IMPORT_LENGTH)))).toBeUndefined();
    expect(errorCode(() => parseImportText('\n'.repeat(MAX_IMPORT_LENGTH + 1)))).toBe('too-large');
  });

  it('uses only the API\'s import codes', () => {
    const lines = ['javascript:alert(1)', 'nonsense', 'otpauth://totp/a?secret=MZXW6&algorithm=MD5', 'otpauth://totp/a?secret=MZXW6&digits=4',
      'otpauth://totp/a?secret=MZXW6&period=0', 'otpauth://totp/a?secret=M1', `otpauth://totp/a?secret=MZXW6&x=${'y'.repeat(5000)}`];
    const codes = parseImportText(lines.join('\n')).errors.map((e) => e.code);
    expect(codes).toEqual(['bad-scheme', 'bad-uri', 'bad-algorithm', 'bad-digits', 'bad-period', 'bad-secret', 'too-large']);
  });
});
