// The kit's browser-free parts (kit/core.ts): the otpauth:// URI a bare secret becomes (read back
// with Tessera's own parser), account lookup by id / "Issuer:label" / issuer, and the typed error.
// The helpers against a real browser: tests/e2e/kit.spec.ts and kit.firefox.spec.ts.
import { describe, expect, it } from 'vitest';
import { otpauthName, otpauthUri, pickAccount, TesseraApiError, TesseraSession, throwawayPassphrase } from '../../../kit/core';
import { parseOtpauthUri } from '../../../lib/otp/uri';
import type { AccountSummary } from '../../../lib/api/contract';
import { makeApi } from '../api/context';

describe('otpauthUri', () => {
  it('gives a URI Tessera parses back to the same parameters', () => {
    expect(parseOtpauthUri(otpauthUri('jbsw y3dp-ehpk 3pxp'))).toMatchObject({ type: 'totp', issuer: 'Tessera test', label: 'tester', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30 });
    const p = parseOtpauthUri(otpauthUri('JBSWY3DPEHPK3PXP', { issuer: 'ACME: Inc & Co', label: 'a/b?c', algorithm: 'SHA512', digits: 8, period: 60 }));
    expect(p).toMatchObject({ issuer: 'ACME: Inc & Co', label: 'a/b?c', algorithm: 'SHA512', digits: 8, period: 60 });
    expect(parseOtpauthUri(otpauthUri('JBSWY3DPEHPK3PXP', { type: 'hotp', counter: 7 }))).toMatchObject({ type: 'hotp', counter: 7 });
  });
});

describe('otpauthName', () => {
  it('reads the issuer (parameter first) and label a URI names, as Tessera stores them', () => {
    for (const o of [{ issuer: 'ACME: Inc & Co', label: 'a/b?c' }, { issuer: 'Tessera test', label: 'tester' }]) {
      const uri = otpauthUri('JBSWY3DPEHPK3PXP', o);
      const parsed = parseOtpauthUri(uri);
      expect(otpauthName(uri)).toEqual({ issuer: parsed.issuer, label: parsed.label });
    }
    for (const uri of [
      'otpauth://totp/Path:me?secret=JBSWY3DP&issuer=Param',
      'otpauth://totp/param:%20me?secret=JBSWY3DP&issuer=Param',
      'otpauth://totp/Only%20label?secret=JBSWY3DP',
      'otpauth://totp/A+B:c+d?secret=JBSWY3DP&issuer=A+B',
      'otpauth://totp/%E6%97%A5%E6%9C%AC:%E5%A4%AA%E9%83%8E?secret=JBSWY3DP',
    ]) {
      const { issuer, label } = parseOtpauthUri(uri);
      expect(otpauthName(uri), uri).toEqual({ issuer, label });
    }
    expect(otpauthName('otpauth://totp/%E0%A4%A?secret=x')).toBeNull();
  });
});

describe('pickAccount', () => {
  const acc = (id: string, issuer: string, label: string): AccountSummary => ({ id, type: 'totp', issuer, label, algorithm: 'SHA1', digits: 6, period: 30, counter: null, sites: [], tokensRemaining: 0 });
  const list = [acc('id1', 'GitHub', 'alice'), acc('id2', 'GitHub', 'bob'), acc('id3', 'Acme', 'carol')];

  it('finds by id, { id }, "Issuer:label" and issuer, case-insensitively for names', () => {
    expect(pickAccount(list, 'id2', 'x').label).toBe('bob');
    expect(pickAccount(list, { id: 'id3' }, 'x').label).toBe('carol');
    expect(pickAccount(list, 'github:ALICE', 'x').id).toBe('id1');
    expect(pickAccount(list, 'acme', 'x').id).toBe('id3');
  });

  it('throws TesseraApiError not-found, or ambiguous with candidates', () => {
    const missing = (() => { try { pickAccount(list, 'Nobody', 'codes.get'); } catch (e) { return e; } })();
    expect(missing).toBeInstanceOf(TesseraApiError);
    expect(missing).toMatchObject({ code: 'not-found', messageType: 'codes.get', name: 'TesseraApiError' });
    const twice = (() => { try { pickAccount(list, 'GitHub', 'codes.get'); } catch (e) { return e; } })() as TesseraApiError;
    expect(twice.code).toBe('ambiguous');
    expect(twice.candidates?.map((c) => c.id)).toEqual(['id1', 'id2']);
    expect(twice.message).toContain('GitHub:alice');
  });
});

describe('TesseraSession over the real handlers', () => {
  /** The session's extension page, replaced by the background's dispatcher (no browser). */
  async function session() {
    const { call } = await makeApi({ unlocked: false });
    const page = { evaluate: async (_fn: unknown, message: Record<string, unknown>) => call(message) };
    const s = new TesseraSession(page, throwawayPassphrase());
    await s.setUp();
    return s;
  }

  it('sets up a vault, adds and reads accounts, and throws typed errors with the answer', async () => {
    const s = await session();
    expect(s.passphrase).toMatch(/^tessera-kit-[\w-]{24}$/);
    const a = await s.addAccount('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', { issuer: 'RFC', label: '6238', digits: 8 });
    expect(await s.code(a, { at: 59_000 })).toBe('94287082');
    expect(await s.code('RFC', { at: new Date(59_000) })).toBe('94287082');
    expect((await s.addAccount('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', { issuer: 'RFC', label: '6238', digits: 8 })).id).toBe(a.id);
    const e = await s.addAccount('otpauth://totp/X:y?secret=JBSWY3DP&digits=12').catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'bad-digits', messageType: 'accounts.import' });
    const locked = await s.lock().then(() => s.accounts()).catch((x: unknown) => x);
    expect(locked).toMatchObject({ code: 'locked', answer: { ok: false, error: { code: 'locked' } } });
    await s.reset();
    expect(await s.accounts()).toEqual([]);
  });

  it('adds and copies emergency tokens by service name', async () => {
    const s = await session();
    expect(await s.addTokens('VPN', ['aaaa1111', 'bbbb2222'])).toMatchObject({ added: 2, remaining: 2 });
    expect(await s.copyToken('VPN')).toBe('aaaa1111');
    expect((await s.tokens('VPN')).remaining).toBe(1);
  });
});
