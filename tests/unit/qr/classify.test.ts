// lib/qr/classify.ts: the kind of a decoded text, by scheme only (RFC 3986 §3.1, case-insensitive).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyQrText } from '../../../lib/qr/classify';

describe('classifyQrText', () => {
  it.each([
    ['otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example', 'otpauth'],
    ['otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=1', 'otpauth'],
    ['OTPAUTH://TOTP/X?SECRET=JBSWY3DPEHPK3PXP', 'otpauth'],
    ['  otpauth://totp/x?secret=A \n', 'otpauth'],
    // Malformed, but still an otpauth URI: the parser reports what is wrong with it.
    ['otpauth://totp/Example:alice?secret=NOT*BASE32&digits=12', 'otpauth'],
    ['otpauth:garbage', 'otpauth'],
    ['otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZXhhbXBsZS5jb20aB0V4YW1wbGUgASgBMAIQARgBIAA%3D', 'migration'],
    ['Otpauth-Migration://offline?data=', 'migration'],
    ['https://example.com/activate?code=123', 'other'],
    ['otpauthx://totp/x', 'other'],
    ['otpauth-migrationx://offline', 'other'],
    ['xotpauth://totp/x', 'other'],
    ['totp/otpauth://', 'other'],
    ['', 'other'],
    ['   ', 'other'],
    ['123-456-789', 'other'],
  ])('%j → %s', (text, kind) => {
    expect(classifyQrText(text)).toBe(kind);
  });

  it('is "other" for any text whose scheme is not otpauth or otpauth-migration', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(s)?.[1]?.toLowerCase();
        fc.pre(scheme !== 'otpauth' && scheme !== 'otpauth-migration');
        return classifyQrText(s) === 'other';
      }),
    );
  });

  it('ignores surrounding white space and letter case', () => {
    fc.assert(
      fc.property(fc.constantFrom('otpauth', 'otpauth-migration'), fc.string(), fc.boolean(), (scheme, rest, upper) => {
        const text = ` \t${upper ? scheme.toUpperCase() : scheme}://${rest}`;
        return classifyQrText(text) === (scheme === 'otpauth' ? 'otpauth' : 'migration');
      }),
    );
  });
});
