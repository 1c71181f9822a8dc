import { describe, expect, it } from 'vitest';
import { makeApi } from './context';

describe('tokens.* (automation-api.md, Tokens)', () => {
  it('adds from a decorated paste, refuses duplicates and the 51st, never answers values but copy', async () => {
    const { call } = await makeApi();
    const a = await call({ type: 'tokens.add', service: 'Corp SSO', text: '1. "ab12-cd34"\n2. ef56-gh78\n• ij90-kl12, mn34-op56\tqr78-st90\nab12-cd34' });
    expect(a).toMatchObject({ ok: true, added: 5, duplicates: 1, rejected: [{ position: 6, reason: 'duplicate' }], remaining: 5 });
    const again = await call({ type: 'tokens.add', service: 'Corp SSO', text: 'ef56-gh78 new-token-1' });
    expect(again).toMatchObject({ accountId: a.accountId, added: 1, duplicates: 1, remaining: 6 });

    const many = Array.from({ length: 50 }, (_, i) => `bulk-${String(i).padStart(4, '0')}`).join('\n');
    const capped = await call({ type: 'tokens.add', accountId: a.accountId, text: many });
    expect(capped.added).toBe(44);
    expect(capped.rejected.filter((r: { reason: string }) => r.reason === 'limit')).toHaveLength(6);
    expect(capped.remaining).toBe(50);

    const list = await call({ type: 'tokens.list', accountId: a.accountId });
    expect(list.tokens).toHaveLength(50);
    expect(list.tokens[0]).toEqual({ id: expect.any(String), masked: expect.not.stringContaining('ab12'), used: false, usedAt: null });
    expect(JSON.stringify([a, again, capped, list])).not.toMatch(/ab12-cd34|ef56|bulk-0001/);
  });

  it('copy hands out the oldest unused token and uses it up; a used mark stays', async () => {
    const { call, clock } = await makeApi();
    const { accountId } = await call({ type: 'tokens.add', service: 'VPN', text: 'first-token-1\nsecond-token-2\nthird-token-3' });
    const c1 = await call({ type: 'tokens.copy', accountId });
    expect(c1).toMatchObject({ ok: true, value: 'first-token-1', tokenId: expect.any(String) });
    const usedAt = clock.now;
    clock.now += 60_000;
    const list = await call({ type: 'tokens.list', accountId });
    expect(list.remaining).toBe(2);
    expect(list.tokens[0]).toMatchObject({ id: c1.tokenId, used: true, usedAt });
    expect(list.tokens[0].masked).toBe('••••••••en-1');

    // Copying a used token again (the user may not have used it) keeps its first use time.
    expect(await call({ type: 'tokens.copy', accountId, tokenId: c1.tokenId })).toMatchObject({ value: 'first-token-1' });
    expect((await call({ type: 'tokens.list', accountId })).tokens[0].usedAt).toBe(usedAt);

    // Reveal never uses a token.
    const second = list.tokens[1].id;
    expect(await call({ type: 'tokens.reveal', accountId, tokenId: second })).toMatchObject({ value: 'second-token-2' });
    expect((await call({ type: 'tokens.list', accountId })).remaining).toBe(2);

    await call({ type: 'tokens.copy', accountId });
    await call({ type: 'tokens.copy', accountId });
    expect(await call({ type: 'tokens.copy', accountId })).toMatchObject({ ok: false, error: { code: 'none-left' } });

    // Clearing used tokens frees room; a duplicate check no longer sees them.
    expect(await call({ type: 'tokens.clearUsed', accountId })).toMatchObject({ cleared: 3, remaining: 0 });
    expect((await call({ type: 'tokens.list', accountId })).tokens).toEqual([]);
  });

  it('answers not-found and bad-input precisely', async () => {
    const { call } = await makeApi();
    expect(await call({ type: 'tokens.add', accountId: 'nope', text: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call({ type: 'tokens.add', text: 'abc' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await call({ type: 'tokens.list', accountId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const { accountId } = await call({ type: 'tokens.add', service: 'S', text: 'token-aaaa' });
    expect(await call({ type: 'tokens.copy', accountId, tokenId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('counts remaining tokens on the account in accounts.list, and removes tokens with their account', async () => {
    const { call } = await makeApi();
    const { added } = await call({ type: 'accounts.import', text: 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP' });
    const id = added[0].id;
    await call({ type: 'tokens.add', accountId: id, text: 'one-1111, two-2222' });
    await call({ type: 'tokens.copy', accountId: id });
    expect((await call({ type: 'accounts.list' })).accounts[0]).toMatchObject({ tokensRemaining: 1, tokensTotal: 2 });
    await call({ type: 'accounts.remove', id });
    expect(await call({ type: 'tokens.list', accountId: id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('messages arriving together', () => {
  it('two copies at once hand out two different tokens; two HOTP uses two different codes', async () => {
    const { call } = await makeApi();
    const { accountId } = await call({ type: 'tokens.add', service: 'VPN', text: 'one-1111 two-2222 three-3333' });
    const [a, b] = await Promise.all([call({ type: 'tokens.copy', accountId }), call({ type: 'tokens.copy', accountId })]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(new Set([a.value, b.value]).size).toBe(2);
    expect((await call({ type: 'tokens.list', accountId })).remaining).toBe(1);

    const { added } = await call({ type: 'accounts.import', text: 'otpauth://hotp/H:x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=0' });
    const id = added[0].id;
    const codes = await Promise.all([call({ type: 'codes.use', id }), call({ type: 'codes.use', id }), call({ type: 'accounts.update', id, label: 'renamed' })]);
    expect(codes.slice(0, 2).map((c) => c.code).sort()).toEqual(['287082', '755224']); // RFC 4226 counts 0 and 1
    expect((await call({ type: 'accounts.list' })).accounts.find((x: { id: string }) => x.id === id)).toMatchObject({ counter: 2, label: 'renamed' });
  });
});
