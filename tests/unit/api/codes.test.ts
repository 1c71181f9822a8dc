// codes.get with `at` (shared/automation-api.md, codes.get): the code of a given moment for TOTP,
// checked against RFC 6238 Appendix B while the context's clock stands elsewhere; HOTP ignores it
// and its counter never moves.
import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../../lib/otp/base32';
import { makeApi } from './context';

const ascii = (s: string) => encodeBase32(new TextEncoder().encode(s));
const SEEDS = {
  SHA1: ascii('12345678901234567890'),
  SHA256: ascii('12345678901234567890123456789012'),
  SHA512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
};
// RFC 6238 Appendix B (8 digits, X = 30 s): T in seconds, then the SHA1, SHA256, SHA512 codes.
const VECTORS: Array<[number, string, string, string]> = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

async function rfcAccounts() {
  const api = await makeApi();
  const ids: Record<string, string> = {};
  for (const [algorithm, secret] of Object.entries(SEEDS)) {
    const a = await api.call({ type: 'accounts.import', text: `otpauth://totp/RFC:${algorithm}?secret=${secret}&digits=8&algorithm=${algorithm}` });
    ids[algorithm] = a.added[0].id;
  }
  return { ...api, ids };
}

describe('codes.get with at (TOTP)', () => {
  it.each(VECTORS)('T = %i s gives the RFC 6238 codes, whatever the clock says', async (seconds, sha1, sha256, sha512) => {
    const { call, clock, ids } = await rfcAccounts();
    clock.now = Date.UTC(2030, 0, 1); // far from every vector's time
    const at = seconds * 1000;
    const stepEnd = (Math.floor(seconds / 30) + 1) * 30_000;
    for (const [algorithm, expected] of [['SHA1', sha1], ['SHA256', sha256], ['SHA512', sha512]] as const) {
      expect(await call({ type: 'codes.get', id: ids[algorithm], at })).toEqual({ ok: true, code: expected, period: 30, expiresAt: stepEnd, acceptedUntil: stepEnd + 30_000 });
    }
  });

  it('answers the current code without at, and the same as at = now', async () => {
    const { call, clock, ids } = await rfcAccounts();
    clock.now = 59_000;
    expect((await call({ type: 'codes.get', id: ids.SHA1 })).code).toBe('94287082');
    clock.now = 1_111_111_109_000;
    const now = await call({ type: 'codes.get', id: ids.SHA1 });
    expect(now).toEqual(await call({ type: 'codes.get', id: ids.SHA1, at: clock.now }));
    expect(now.code).toBe('07081804');
  });

  it('gives the step boundaries of the moment asked: the first millisecond belongs to the new step', async () => {
    const { call, ids } = await rfcAccounts();
    const before = await call({ type: 'codes.get', id: ids.SHA1, at: 59_999 });
    const after = await call({ type: 'codes.get', id: ids.SHA1, at: 60_000 });
    expect(before).toMatchObject({ code: '94287082', expiresAt: 60_000 });
    expect(after.expiresAt).toBe(90_000);
    expect(after.code).not.toBe(before.code);
  });

  it('refuses an at that is not a whole number of epoch ms from 0 to 8.64e15, naming the field', async () => {
    const { call, ids } = await rfcAccounts();
    for (const at of [-1, 1.5, '59000', Number.NaN, Infinity, 8.64e15 + 1, true, { t: 1 }]) {
      expect(await call({ type: 'codes.get', id: ids.SHA1, at })).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringContaining('at') } });
    }
    expect(await call({ type: 'codes.get', id: ids.SHA1, at: 0 })).toMatchObject({ ok: true, expiresAt: 30_000 });
    expect(await call({ type: 'codes.get', id: ids.SHA1, at: 8.64e15 })).toMatchObject({ ok: true });
    expect(await call({ type: 'codes.get', id: ids.SHA1, at: null })).toMatchObject({ ok: true });
  });

  it('still answers not-found and wrong-type with at', async () => {
    const { call } = await rfcAccounts();
    const t = await call({ type: 'tokens.add', service: 'VPN', text: 'aaaa1111' });
    expect(await call({ type: 'codes.get', id: t.accountId, at: 59_000 })).toMatchObject({ ok: false, error: { code: 'wrong-type' } });
    expect(await call({ type: 'codes.get', id: 'nope', at: 59_000 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('codes.get with at (HOTP)', () => {
  it('ignores at: the code for the stored counter, which never moves', async () => {
    const { call } = await makeApi();
    // RFC 4226 Appendix D: count 0 → 755224, count 1 → 287082.
    const a = await call({ type: 'accounts.import', text: `otpauth://hotp/RFC:4226?secret=${SEEDS.SHA1}&counter=0` });
    const id = a.added[0].id;
    for (const at of [0, 59_000, 2_000_000_000_000]) {
      expect(await call({ type: 'codes.get', id, at })).toEqual({ ok: true, code: '755224', period: null, expiresAt: null, acceptedUntil: null });
    }
    expect((await call({ type: 'accounts.list' })).accounts[0].counter).toBe(0);
    // A use still moves it, so the next codes.get (with or without at) gives count 1.
    await call({ type: 'codes.use', id });
    expect((await call({ type: 'codes.get', id, at: 59_000 })).code).toBe('287082');
    expect(await call({ type: 'codes.get', id, at: 'soon' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });
});
