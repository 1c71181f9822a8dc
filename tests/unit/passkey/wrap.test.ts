// lib/passkey/wrap.ts: the vault key wrapped under an HKDF key from a PRF output, bound to the
// vault and the credential.
import { describe, expect, it } from 'vitest';
import { randomBytes, randomId } from '../../../lib/crypto/random';
import { cleanName, newPrfSalt, unwrapWithPrf, wrapWithPrf } from '../../../lib/passkey/wrap';
import { keyId } from '../../../lib/record/envelope';
import { isPasskeyWrap } from '../../../lib/record/header';
import { FakeCredential } from './fake-authenticator';

describe('passkey wraps', () => {
  const vaultKey = randomBytes(32);
  const vaultId = randomId();
  const cred = new FakeCredential();
  const salt = newPrfSalt();
  const wrap = wrapWithPrf(vaultKey, vaultId, cred.prf(salt), { id: cred.id, name: ' Laptop\u202e ', salt, sync: false, created: 5, rp: 'chrome-extension://abc' });

  it('opens with the same PRF output and names the key it holds', () => {
    expect(isPasskeyWrap(wrap)).toBe(true);
    expect(wrap.keyId).toBe(keyId(vaultKey));
    expect(wrap.name).toBe('Laptop');
    expect(unwrapWithPrf(wrap, vaultId, cred.prf(salt))).toEqual(vaultKey);
    expect(JSON.stringify(wrap)).not.toContain(Buffer.from(cred.prf(salt)).toString('base64'));
  });

  it('opens with nothing else: another credential, another salt, another vault, a wrap moved to another credential id', () => {
    expect(unwrapWithPrf(wrap, vaultId, new FakeCredential().prf(salt))).toBeNull();
    expect(unwrapWithPrf(wrap, vaultId, cred.prf(newPrfSalt()))).toBeNull();
    expect(unwrapWithPrf(wrap, randomId(), cred.prf(salt))).toBeNull();
    const other = new FakeCredential();
    expect(unwrapWithPrf({ ...wrap, id: other.id }, vaultId, cred.prf(salt))).toBeNull();
    expect(unwrapWithPrf(wrap, vaultId, new Uint8Array(16))).toBeNull();
  });

  it('refuses malformed input', () => {
    expect(() => wrapWithPrf(vaultKey, vaultId, new Uint8Array(31), { id: cred.id, name: 'x', salt, sync: false, created: 1, rp: '' })).toThrow();
    expect(() => wrapWithPrf(vaultKey, vaultId, cred.prf(salt), { id: 'short', name: 'x', salt, sync: false, created: 1, rp: '' })).toThrow();
    expect(() => wrapWithPrf(vaultKey, vaultId, cred.prf(salt), { id: cred.id, name: 'x', salt: 'AAAA', sync: false, created: 1, rp: '' })).toThrow();
    expect(isPasskeyWrap({ ...wrap, salt: 'AAAA' })).toBe(false);
    expect(isPasskeyWrap({ ...wrap, v: 2 })).toBe(false);
    expect(isPasskeyWrap({ ...wrap, sync: 'yes' })).toBe(false);
  });

  it('cleans names: control and bidi characters out, at most 64 characters', () => {
    expect(cleanName('\u0007a\u200fb ')).toBe('ab');
    expect([...cleanName('日'.repeat(100))].length).toBe(64);
  });
});
