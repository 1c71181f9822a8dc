import { describe, expect, it } from 'vitest';
import { serialiseMigration } from './migration-fixture';
import { makeApi, PASS } from './context';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const uri = (issuer: string, label: string, extra = '') => `otpauth://totp/${issuer}:${label}?secret=${SECRET}&issuer=${issuer}${extra}`;

describe('gating rules (automation-api.md, General rules)', () => {
  it('answers no-vault, then locked, and lets vault.* and sync.status through', async () => {
    const { call } = await makeApi({ unlocked: false });
    expect(await call({ type: 'vault.status' })).toEqual({ ok: true, state: 'new' });
    expect(await call({ type: 'accounts.list' })).toMatchObject({ ok: false, error: { code: 'no-vault' } });
    expect(await call({ type: 'vault.unlock', passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'no-vault' } });
    await call({ type: 'vault.setup', passphrase: PASS });
    await call({ type: 'vault.lock' });
    expect(await call({ type: 'codes.get', id: 'x' })).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringMatching(/locked/) } });
    expect(await call({ type: 'vault.unlock', passphrase: 'nope nope' })).toMatchObject({ ok: false, error: { code: 'bad-passphrase' } });
    expect(await call({ type: 'vault.unlock', passphrase: PASS })).toEqual({ ok: true });
  });

  it('refuses malformed messages with bad-input', async () => {
    const { call } = await makeApi();
    expect(await call({ type: 'accounts.import' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await call({ type: 'accounts.import', text: 42 })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await call({ type: 'no.such' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await call({ type: 'toString' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });
});

describe('accounts.import', () => {
  it('adds, counts duplicates and reports per-line errors with 1-based lines', async () => {
    const { call, changes } = await makeApi();
    const text = [uri('GitHub', 'alice'), '', 'otpauth://totp/X:y?secret=not*base32', uri('GitHub', 'alice'), 'http://example.com', 'otpauth://totp/X:y?secret=JBSWY3DP&digits=12', 'otpauth://totp/X:y?secret=JBSWY3DP&algorithm=MD5', 'otpauth://totp/X:y?secret=JBSWY3DP&period=0'].join('\n');
    const a = await call({ type: 'accounts.import', text, site: 'https://github.com/login' });
    expect(a.ok).toBe(true);
    expect(a.added).toEqual([{ id: expect.any(String), issuer: 'GitHub', label: 'alice' }]);
    expect(a.duplicates).toBe(1);
    expect(a.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [3, 'bad-secret'], [5, 'bad-scheme'], [6, 'bad-digits'], [7, 'bad-algorithm'], [8, 'bad-period'],
    ]);
    const list = await call({ type: 'accounts.list' });
    expect(list.accounts).toEqual([{ id: a.added[0].id, type: 'totp', issuer: 'GitHub', label: 'alice', algorithm: 'SHA1', digits: 6, period: 30, counter: null, sites: ['github.com'], tokensRemaining: 0, tokensTotal: 0, pinned: false, order: null, tags: [] }]);
    expect(changes()).toBeGreaterThan(0);
  });

  it('answers ok with every item failed, and too-large for oversize text', async () => {
    const { call } = await makeApi();
    const a = await call({ type: 'accounts.import', text: 'garbage\nmore garbage' });
    expect(a).toMatchObject({ ok: true, added: [], duplicates: 0 });
    expect(a.errors).toHaveLength(2);
    expect(await call({ type: 'accounts.import', text: 'x'.repeat(2 * 1024 * 1024) })).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('imports a Google Authenticator export with many accounts', async () => {
    const { call } = await makeApi();
    const a = await call({ type: 'accounts.import', text: serialiseMigration(10) });
    expect(a.added).toHaveLength(10);
    const again = await call({ type: 'accounts.import', text: serialiseMigration(10) });
    expect(again).toMatchObject({ added: [], duplicates: 10 });
  });
});

describe('accounts.update / remove and codes', () => {
  it('edits issuer, label and sites; refuses bad sites; removes', async () => {
    const { call } = await makeApi();
    const { added } = await call({ type: 'accounts.import', text: uri('Acme', 'bob') });
    const id = added[0].id;
    const u = await call({ type: 'accounts.update', id, issuer: 'ACME Inc', sites: ['https://login.acme.co.jp/x', 'acme.co.jp', '127.0.0.1:8080'] });
    expect(u.account).toMatchObject({ issuer: 'ACME Inc', label: 'bob', sites: ['acme.co.jp', '127.0.0.1'] });
    expect(await call({ type: 'accounts.update', id, sites: ['chrome://settings'] })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await call({ type: 'accounts.update', id, sites: 'acme.com' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await call({ type: 'accounts.update', id: 'missing' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call({ type: 'accounts.remove', id })).toEqual({ ok: true });
    expect(await call({ type: 'accounts.remove', id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await call({ type: 'accounts.list' })).accounts).toEqual([]);
  });

  it('gives the RFC 6238 code, the end of the step and the acceptance window', async () => {
    const { call, clock } = await makeApi();
    clock.now = 59_000; // RFC 6238 Appendix B, T = 59 s → 94287082 (8 digits, SHA1)
    const { added } = await call({ type: 'accounts.import', text: `otpauth://totp/RFC:6238?secret=${SECRET}&digits=8` });
    const c = await call({ type: 'codes.get', id: added[0].id });
    expect(c).toEqual({ ok: true, code: '94287082', period: 30, expiresAt: 60_000, acceptedUntil: 90_000 });
    await call({ type: 'accounts.update', id: added[0].id, window: 2 });
    expect((await call({ type: 'codes.get', id: added[0].id })).acceptedUntil).toBe(120_000);
    const all = await call({ type: 'codes.all' });
    expect(all.codes).toEqual([{ id: added[0].id, code: '94287082', period: 30, expiresAt: 60_000, acceptedUntil: 120_000 }]);
  });

  it('answers wrong-type for a tokens entry and not-found for an unknown id', async () => {
    const { call } = await makeApi();
    const t = await call({ type: 'tokens.add', service: 'VPN', text: 'aaaa1111' });
    expect(await call({ type: 'codes.get', id: t.accountId })).toMatchObject({ ok: false, error: { code: 'wrong-type' } });
    expect(await call({ type: 'codes.get', id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('adds a typed secret with validation', async () => {
    const { call } = await makeApi();
    const a = await call({ type: 'accounts.add', account: { issuer: 'Typed', label: 'me', secret: 'jbsw y3dp ehpk 3pxp', digits: 8, period: 60, algorithm: 'SHA256' } });
    expect(a.added).toHaveLength(1);
    const list = await call({ type: 'accounts.list' });
    expect(list.accounts[0]).toMatchObject({ issuer: 'Typed', digits: 8, period: 60, algorithm: 'SHA256' });
    expect(await call({ type: 'accounts.add', account: { issuer: 'T', label: 'x', secret: '0000' } })).toMatchObject({ ok: false, error: { code: 'bad-secret' } });
  });
});

describe('malformed input says bad-input, in words', () => {
  it('refuses a typed account with non-text fields and settings that are not an object', async () => {
    const { call } = await makeApi();
    expect(await call({ type: 'accounts.add', account: { issuer: 5, label: { x: 1 }, secret: 'JBSWY3DPEHPK3PXP' } })).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringContaining('label') } });
    expect(await call({ type: 'settings.set', settings: 'fast' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const { added } = await call({ type: 'accounts.import', text: 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP' });
    expect(await call({ type: 'accounts.update', id: added[0].id, sites: [1] })).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringContaining('sites') } });
  });
});

describe('order, pins and groups (issue 14; automation-api.md, Stable hooks)', () => {
  const ids = async (call: (m: Record<string, unknown>) => Promise<any>) => (await call({ type: 'accounts.list' })).accounts.map((a: { issuer: string }) => a.issuer);
  it('lists by issuer then label by default, case- and accent-insensitively', async () => {
    const { call } = await makeApi();
    await call({ type: 'accounts.import', text: [uri('zeta', 'a'), uri('%C3%89cole', 'a'), uri('apple', 'a'), uri('Bank', 'a')].join('\n') });
    expect(await ids(call)).toEqual(['apple', 'Bank', 'École', 'zeta']);
  });

  it("keeps the user's order and pins, through a lock and unlock, and validates the fields", async () => {
    const { call } = await makeApi();
    await call({ type: 'accounts.import', text: [uri('a', 'x'), uri('b', 'x'), uri('c', 'x')].join('\n') });
    const list = (await call({ type: 'accounts.list' })).accounts as Array<{ id: string; issuer: string }>;
    const [a, b, c] = list.map((x) => x.id);
    expect(await call({ type: 'accounts.reorder', ids: [c, a, b] })).toEqual({ ok: true, changed: 3 });
    expect(await ids(call)).toEqual(['c', 'a', 'b']);
    expect(await call({ type: 'accounts.reorder', ids: [c, b, a] })).toEqual({ ok: true, changed: 2 });
    const pinned = await call({ type: 'accounts.update', id: a, pinned: true, tags: [' Work ', 'Work', 'Home'] });
    expect(pinned.account).toMatchObject({ pinned: true, tags: ['Work', 'Home'] });
    await call({ type: 'vault.lock' });
    await call({ type: 'vault.unlock', passphrase: PASS });
    expect(await ids(call)).toEqual(['a', 'c', 'b']);
    expect(await call({ type: 'accounts.update', id: a, pinned: 'yes' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await call({ type: 'accounts.update', id: a, tags: 'Work' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await call({ type: 'accounts.update', id: a, order: 1.5 })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await call({ type: 'accounts.reorder', ids: [a, a] })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await call({ type: 'accounts.reorder', ids: ['nope'] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await ids(call)).toEqual(['a', 'c', 'b']);
  });

  it('popup.init answers the list order, bound accounts first, and codes for the first screen only', async () => {
    const { call, ctx } = await makeApi();
    await call({ type: 'accounts.import', text: Array.from({ length: 40 }, (_, i) => uri(`S${String(i).padStart(2, '0')}`, 'u')).join('\n') });
    await call({ type: 'accounts.import', text: uri('Zed', 'me'), site: 'zed.example' });
    ctx.services = { tabs: { tabUrl: async () => 'https://login.zed.example/x', frames: async () => [] } } as never;
    const init = await call({ type: 'popup.init', tabId: 7, first: 10 });
    const list = (await call({ type: 'accounts.list' })).accounts;
    expect(init.accounts.map((a: { id: string }) => a.id)).toEqual(list.map((a: { id: string }) => a.id));
    expect(init.site).toBe('zed.example');
    expect(init.bound).toEqual([list[40].id]);
    expect(init.codes.map((c: { id: string }) => c.id)).toEqual([list[40].id, ...list.slice(0, 9).map((a: { id: string }) => a.id)]);
    expect(init.settings).toEqual({ lowTokenThreshold: 2, hideCodes: false });
    const more = await call({ type: 'popup.codes', ids: [list[20].id, 'gone'] });
    expect(more.codes).toEqual([expect.objectContaining({ id: list[20].id, code: expect.stringMatching(/^\d{6}$/) })]);
  });

  it('popup.init derives the account list once per vault generation: again after a write or a lock, never stale', async () => {
    const { call, ctx, vault } = await makeApi();
    await call({ type: 'accounts.import', text: Array.from({ length: 30 }, (_, i) => uri(`S${String(i).padStart(2, '0')}`, 'u')).join('\n') });
    ctx.services = { tabs: { tabUrl: async () => 'https://zed.example/', frames: async () => [] } } as never;
    const snapshot = vault.snapshot.bind(vault);
    let reads = 0;
    vault.snapshot = async () => (reads++, snapshot());
    const first = await call({ type: 'popup.init', tabId: 1, first: 5 });
    const again = await call({ type: 'popup.init', tabId: 1, first: 5 });
    expect(reads).toBe(1);
    expect(again.accounts).toEqual(first.accounts);
    expect(again.codes).toEqual(first.codes);
    // A write (here: binding an account to the tab's site) is seen at once: bound, order, list.
    const id = first.accounts[3].id;
    await call({ type: 'accounts.update', id, sites: ['zed.example'] });
    const after = await call({ type: 'popup.init', tabId: 1, first: 5 });
    expect(reads).toBe(2);
    expect(after.bound).toEqual([id]);
    expect(after.codes[0].id).toBe(id);
    expect(after.accounts.find((a: { id: string }) => a.id === id).sites).toEqual(['zed.example']);
    // A lock forgets it; after unlock it is derived again.
    await call({ type: 'vault.lock' });
    expect(await call({ type: 'popup.init', tabId: 1 })).toMatchObject({ ok: false, error: { code: 'locked' } });
    await call({ type: 'vault.unlock', passphrase: PASS });
    expect((await call({ type: 'popup.init', tabId: 1, first: 5 })).accounts).toEqual(after.accounts);
    expect(reads).toBe(3);
  });
});
