import { describe, expect, it } from 'vitest';
import { serializeMigrationUri } from '../../../lib/otp/migration';
import { interpretQrTexts } from '../../../lib/qr/interpret';
import type { OtpParams } from '../../../lib/otp/account';

const account = (i: number): OtpParams => ({
  type: 'totp', secret: 'JBSWY3DPEHPK3PX' + 'ABCDEFGHIJKLMNOP'[i]!, issuer: `Issuer${i}`, label: `user${i}`,
  algorithm: 'SHA1', digits: 6, period: 30, counter: 0, extra: [],
});

describe('interpretQrTexts', () => {
  it('reads otpauth accounts and names them without secrets', () => {
    const r = interpretQrTexts(['otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub']);
    expect(r.found).toEqual([{ kind: 'otpauth', accounts: [{ issuer: 'GitHub', label: 'alice' }] }]);
    expect(r.items).toHaveLength(1);
    expect(JSON.stringify(r.found)).not.toContain('JBSWY3DP');
  });

  it('explains malformed otpauth and other content, and adds nothing from them', () => {
    const r = interpretQrTexts(['otpauth://totp/X:y?secret=00', 'https://example.com/activate?code=123', 'garbage']);
    expect(r.found.map((f) => [f.kind, f.error?.code])).toEqual([['otpauth', 'bad-secret'], ['other', 'bad-scheme'], ['other', 'bad-scheme']]);
    expect(r.found[1]!.error!.message).toMatch(/not a 2-step verification code/);
    expect(r.items).toEqual([]);
    expect(r.errors.map((e) => e.line)).toEqual([1, 2, 3]);
  });

  it('reads export batches and says which are still missing', () => {
    const b2 = serializeMigrationUri([account(1), account(2)], { index: 2, size: 3, id: 42 });
    const r = interpretQrTexts([b2]);
    expect(r.found).toEqual([{ kind: 'migration', accounts: [{ issuer: 'Issuer1', label: 'user1' }, { issuer: 'Issuer2', label: 'user2' }], batch: { index: 2, size: 3 } }]);
    expect(r.items).toHaveLength(2);
    expect(r.missingBatches).toEqual([{ size: 3, missing: [1, 3] }]);
    const all = interpretQrTexts([1, 2, 3].map((k) => serializeMigrationUri([account(k)], { index: k, size: 3, id: 42 })));
    expect(all.missingBatches).toEqual([]);
  });
});
