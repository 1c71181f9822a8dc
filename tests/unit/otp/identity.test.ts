import { describe, expect, it } from 'vitest';
import { accountFromTypedSecret, sameAccount } from '../../../lib/otp/identity';
import { parseOtpauthUri, serializeOtpauthUri } from '../../../lib/otp/uri';
import { errorCode } from './helpers';

const a = { secret: 'JBSWY3DPEHPK3PXP', issuer: 'GitHub', label: 'octocat' };

describe('sameAccount (same secret, issuer and label)', () => {
  it('matches the same account written differently', () => {
    expect(sameAccount(a, { ...a })).toBe(true);
    expect(sameAccount(a, { secret: 'jbsw y3dp ehpk 3pxp', issuer: 'github', label: ' OctoCat ' })).toBe(true);
    expect(sameAccount({ ...a, label: 'e\u0301' }, { ...a, label: '\u00e9' })).toBe(true); // NFD vs NFC
    expect(sameAccount({ ...a, secret: 'MZXW6' }, { ...a, secret: 'MZXW7===' })).toBe(true); // same bytes
  });

  it('tells apart a different secret, issuer or label', () => {
    expect(sameAccount(a, { ...a, secret: 'GEZDGNBVGY3TQOJQ' })).toBe(false);
    expect(sameAccount(a, { ...a, issuer: 'GitLab' })).toBe(false);
    expect(sameAccount(a, { ...a, issuer: '' })).toBe(false);
    expect(sameAccount(a, { ...a, label: 'octocat2' })).toBe(false);
  });

  it('finds a URI import and a typed entry of one account to be the same', () => {
    const fromUri = parseOtpauthUri('otpauth://totp/GitHub:octocat?secret=JBSWY3DPEHPK3PXP&issuer=GitHub');
    const typed = accountFromTypedSecret({ issuer: 'GitHub', label: 'octocat', secret: 'jbsw y3dp ehpk 3pxp' });
    expect(sameAccount(fromUri, typed)).toBe(true);
  });
});

describe('accountFromTypedSecret', () => {
  it('fills the defaults and canonicalises the secret', () => {
    expect(accountFromTypedSecret({ issuer: ' ACME ', label: ' jo@acme.example ', secret: 'jbsw y3dp ehpk 3pxp' })).toEqual({
      type: 'totp', secret: 'JBSWY3DPEHPK3PXP', issuer: 'ACME', label: 'jo@acme.example',
      algorithm: 'SHA1', digits: 6, period: 30, counter: 0, extra: [],
    });
  });

  it('takes every parameter, as numbers or as form strings', () => {
    expect(accountFromTypedSecret({
      issuer: '', label: 'x', secret: 'MZXW6===', type: 'HOTP', algorithm: 'sha512', digits: ' 8', period: '45', counter: '12',
    })).toMatchObject({ type: 'hotp', secret: 'MZXW6', algorithm: 'SHA512', digits: 8, period: 45, counter: 12 });
    expect(accountFromTypedSecret({ issuer: 'i', label: 'x', secret: 'MZXW6', digits: 7, period: 60, counter: 3 }))
      .toMatchObject({ digits: 7, period: 60, counter: 3 });
  });

  it('keeps the label as typed (no "Issuer:" splitting), and it survives a URI round trip', () => {
    const p = accountFromTypedSecret({ issuer: '', label: 'Team:alice', secret: 'MZXW6' });
    expect(p).toMatchObject({ issuer: '', label: 'Team:alice' });
    expect(parseOtpauthUri(serializeOtpauthUri(p))).toEqual(p);
  });

  it.each([
    ['no label', { label: '  ' }, 'bad-input'],
    ['an unknown type', { type: 'motp' }, 'bad-input'],
    ['a negative counter', { counter: -1 }, 'bad-input'],
    ['a counter that is not a number', { counter: 'ten' }, 'bad-input'],
    ['a lone surrogate', { label: 'a\udc00' }, 'bad-input'],
    ['no secret', { secret: '' }, 'bad-secret'],
    ['a secret with a typo', { secret: 'JBSWY3DPEHPK3PX1' }, 'bad-secret'],
    ['MD5', { algorithm: 'MD5' }, 'bad-algorithm'],
    ['5 digits', { digits: 5 }, 'bad-digits'],
    ['9 digits as text', { digits: '9' }, 'bad-digits'],
    ['period 0', { period: 0 }, 'bad-period'],
    ['a fractional period', { period: 2.5 }, 'bad-period'],
    ['a label too long for a URI', { label: 'x'.repeat(4100) }, 'too-large'],
  ])('refuses %s', (_, change, code) => {
    expect(errorCode(() => accountFromTypedSecret({ issuer: 'I', label: 'L', secret: 'JBSWY3DPEHPK3PXP', ...change }))).toBe(code);
  });
});
