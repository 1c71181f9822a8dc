// backup.export → accounts.importFile (format tessera-backup) through the real handlers and a
// real Vault over fake-indexeddb: the round trip, the merge rules, whole-file errors, and the
// reminder (backup.status / backup.dismiss).
import { describe, expect, it } from 'vitest';
import { toBase64, utf8Encode } from '../../../lib/crypto/encoding';
import { sealBackup } from '../../../lib/backup/format';
import { makeApi, PASS } from '../api/context';
import { fastKdf } from '../vault/helpers';

const PW = 'backup password 1';
const S1 = 'JBSWY3DPEHPK3PXP';
const S2 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const LINKS = [
  `otpauth://totp/Example:alice@example.com?secret=${S1}&issuer=Example&image=https%3A%2F%2Fexample.com%2Fi.png`,
  `otpauth://hotp/ACME:bob?secret=${S2}&issuer=ACME&algorithm=SHA256&digits=8&counter=7`,
  `otpauth://totp/Slow:carol?secret=${S2}&issuer=Slow&algorithm=SHA512&digits=7&period=60`,
].join('\n');

type Api = Awaited<ReturnType<typeof makeApi>>;

/** A vault with three accounts (one bound to a site), a tokens entry with one used token. */
async function populated(): Promise<Api & { ids: string[]; tokensId: string }> {
  const api = await makeApi();
  // One at a time, a millisecond apart: accounts.list orders by creation time.
  const added = [];
  for (const link of LINKS.split('\n')) {
    added.push(...(await api.call({ type: 'accounts.import', text: link })).added);
    api.clock.now += 1;
  }
  await api.call({ type: 'accounts.update', id: added[0].id, sites: ['https://login.example.com/x'] });
  const tk = await api.call({ type: 'tokens.add', service: 'Corp SSO', text: 'tok-aaaa-1111 tok-bbbb-2222 tok-cccc-3333' });
  await api.call({ type: 'tokens.add', accountId: added[0].id, text: 'alice-tok-1 alice-tok-2' });
  api.clock.now += 1000;
  await api.call({ type: 'tokens.copy', accountId: tk.accountId });
  return { ...api, ids: added.map((a: { id: string }) => a.id), tokensId: tk.accountId };
}

async function backupOf(api: Api, password = PW): Promise<string> {
  const a = await api.call({ type: 'backup.export', password });
  expect(a).toMatchObject({ ok: true, filename: expect.stringMatching(/^tessera-backup-\d{4}-\d\d-\d\d-\d{4}\.json$/), data: expect.any(String) });
  return a.data;
}

/** Everything a user sees of a vault: the list, each code at a fixed time, each entry's tokens. */
async function view(api: Api) {
  const { accounts } = await api.call({ type: 'accounts.list' });
  const out = [];
  for (const a of accounts) {
    const code = a.type === 'tokens' ? null : (await api.call({ type: 'codes.get', id: a.id, at: Date.UTC(2026, 0, 1) })).code;
    const tokens = (await api.call({ type: 'tokens.list', accountId: a.id })).tokens;
    const values = [];
    for (const tk of tokens) values.push((await api.call({ type: 'tokens.reveal', accountId: a.id, tokenId: tk.id })).value);
    out.push({ ...a, code, tokens, values });
  }
  return out;
}

const restore = (api: Api, data: string, extra: Record<string, unknown> = {}) =>
  api.call({ type: 'accounts.importFile', name: 'backup.json', data, password: PW, ...extra });

describe('backup round trip', () => {
  it('restores on a fresh vault with identical accounts, sites, codes, tokens and used marks', async () => {
    const a = await populated();
    const data = await backupOf(a);
    expect(atob(data)).not.toMatch(/JBSWY3DP|alice|tok-aaaa/); // sealed
    const b = await makeApi();
    const r = await restore(b, data);
    expect(r).toMatchObject({ ok: true, format: 'tessera-backup', duplicates: 0, errors: [] });
    expect(r.added).toHaveLength(4);
    const [va, vb] = [await view(a), await view(b)];
    expect(vb).toEqual(va);
    expect(va.find((x) => x.type === 'tokens')!.tokens.filter((t: { used: boolean }) => t.used)).toHaveLength(1);
    expect(va.find((x) => x.issuer === 'Example')!.sites).toEqual(['example.com']);
    // Every parameter: the plain export of both vaults is the same text (extras included).
    const ea = await a.call({ type: 'accounts.export', format: 'otpauth', passphrase: PASS });
    const eb = await b.call({ type: 'accounts.export', format: 'otpauth', passphrase: PASS });
    expect(eb.text).toBe(ea.text);
    expect(ea.text).toContain('image=https%3A%2F%2Fexample.com%2Fi.png');
  });

  it('restoring twice adds nothing and changes nothing', async () => {
    const a = await populated();
    const data = await backupOf(a);
    const b = await makeApi();
    await restore(b, data);
    const before = await view(b);
    const again = await restore(b, data);
    expect(again).toMatchObject({ ok: true, added: [], duplicates: 4, updated: 0, tokensAdded: 0, marksAdded: 0 });
    expect(await view(b)).toEqual(before);
    // Restoring onto the vault it came from: the same.
    expect(await restore(a, data)).toMatchObject({ ok: true, added: [], duplicates: 4, tokensAdded: 0 });
  });

  it('merges: nothing removed, a newer local edit kept, a newer backup edit taken, used stays used', async () => {
    const a = await populated();
    const data1 = await backupOf(a);
    const b = await makeApi();
    b.clock.now = a.clock.now + 10_000;
    await restore(b, data1);
    const [exampleId] = a.ids;
    // B edits Example's label (newer than backup 1) and uses a token of Corp SSO.
    b.clock.now += 10_000;
    await b.call({ type: 'accounts.update', id: exampleId, label: 'alice (work)' });
    const used = await b.call({ type: 'tokens.copy', accountId: a.tokensId });
    // B also has an account of its own.
    await b.call({ type: 'accounts.import', text: 'otpauth://totp/Own:me?secret=KRSXG5CTMVRXEZLU&issuer=Own' });
    // A, later still, renames ACME's account and uses another Corp SSO token: backup 2.
    a.clock.now = b.clock.now + 60_000;
    await a.call({ type: 'accounts.update', id: a.ids[1], label: 'bob (ops)' });
    const unusedHere = (await a.call({ type: 'tokens.list', accountId: a.tokensId })).tokens.filter((t: { id: string; used: boolean }) => !t.used && t.id !== used.tokenId);
    await a.call({ type: 'tokens.copy', accountId: a.tokensId, tokenId: unusedHere[0].id });
    const data2 = await backupOf(a);

    const r = await restore(b, data1);
    expect(r).toMatchObject({ added: [], duplicates: 4, updated: 0 });
    let list = (await b.call({ type: 'accounts.list' })).accounts;
    expect(list.find((x: { id: string }) => x.id === exampleId).label).toBe('alice (work)'); // newer local edit kept
    expect(list.map((x: { issuer: string }) => x.issuer)).toContain('Own'); // nothing removed
    const tokens = (await b.call({ type: 'tokens.list', accountId: a.tokensId })).tokens;
    expect(tokens.find((t: { id: string }) => t.id === used.tokenId).used).toBe(true); // unused in the backup, used here: stays used

    const r2 = await restore(b, data2);
    expect(r2).toMatchObject({ added: [], duplicates: 4, updated: 1 });
    list = (await b.call({ type: 'accounts.list' })).accounts;
    expect(list.find((x: { id: string }) => x.id === a.ids[1]).label).toBe('bob (ops)'); // newer backup edit taken
    expect(list.find((x: { id: string }) => x.id === exampleId).label).toBe('alice (work)');
    const t2 = (await b.call({ type: 'tokens.list', accountId: a.tokensId })).tokens;
    expect(t2.filter((t: { used: boolean }) => t.used)).toHaveLength(3); // A's, B's, and A's second
    expect(list).toHaveLength(5);
  });

  it('matches an account added separately by its seed and names, and merges its tokens per value', async () => {
    const a = await populated();
    const data = await backupOf(a);
    const c = await makeApi();
    const { added } = await c.call({ type: 'accounts.import', text: LINKS.split('\n')[0] });
    await c.call({ type: 'tokens.add', accountId: added[0].id, text: 'alice-tok-2 own-tok-9' });
    await c.call({ type: 'tokens.copy', accountId: added[0].id }); // uses alice-tok-2 here
    const r = await restore(c, data);
    expect(r).toMatchObject({ ok: true, duplicates: 1 });
    expect(r.added).toHaveLength(3);
    const tokens = await c.call({ type: 'tokens.list', accountId: added[0].id });
    const values = [];
    for (const tk of tokens.tokens) values.push((await c.call({ type: 'tokens.reveal', accountId: added[0].id, tokenId: tk.id })).value);
    expect(values.sort()).toEqual(['alice-tok-1', 'alice-tok-2', 'own-tok-9']);
    expect(tokens.remaining).toBe(2);
  });

  it('an HOTP counter never goes back; a token used and cleared here does not come back', async () => {
    const a = await populated();
    const data = await backupOf(a);
    const b = await makeApi();
    await restore(b, data);
    const hotp = a.ids[1]!;
    // The counter moved on here (codes used since the backup), written through the vault's API.
    const rec = await b.ctx.vault.get<{ counter: number }>(hotp);
    await b.ctx.vault.commit({ put: [{ id: hotp, kind: 'account', data: { ...rec!.data, counter: 42 } }] });
    const accountId = a.tokensId;
    const { tokenId } = await b.call({ type: 'tokens.copy', accountId });
    await b.call({ type: 'tokens.clearUsed', accountId });
    const left = (await b.call({ type: 'tokens.list', accountId })).tokens.map((t: { id: string }) => t.id);
    await restore(b, data);
    const list = (await b.call({ type: 'accounts.list' })).accounts;
    expect(list.find((x: { id: string }) => x.id === hotp).counter).toBe(42);
    const after = (await b.call({ type: 'tokens.list', accountId })).tokens.map((t: { id: string }) => t.id);
    expect(after).not.toContain(tokenId);
    expect(after.sort()).toEqual(left.sort());
  });

  it('answers needs-password, bad-passphrase, bad-file and too-large with nothing added', async () => {
    const a = await populated();
    const data = await backupOf(a);
    const b = await makeApi();
    const file = (x: Record<string, unknown>) => b.call({ type: 'accounts.importFile', name: 'b.json', data, ...x });
    expect(await file({})).toMatchObject({ ok: false, error: { code: 'needs-password' } });
    expect(await file({ password: 'not the password' })).toMatchObject({ ok: false, error: { code: 'bad-passphrase' } });
    expect(await b.call({ type: 'import.preview', name: 'b.json', data })).toMatchObject({ ok: false, error: { code: 'needs-password' } });
    const cut = toBase64(utf8Encode(atob(data).replace(/"sealed": ?"[^"]{10}/, '"sealed":"')));
    expect(await file({ data: cut, password: PW })).toMatchObject({ ok: false, error: { code: 'bad-file' } });
    expect(await file({ data: 'A'.repeat(28 * 1024 * 1024) })).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(await file({ data: 'not base64!' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await b.call({ type: 'accounts.importFile', data })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect((await b.call({ type: 'accounts.list' })).accounts).toEqual([]);
  });

  it('reports a damaged account on its entry number and restores the others', async () => {
    const a = await populated();
    const { accounts } = await a.call({ type: 'accounts.list' });
    const good = (i: number) => ({ id: accounts[i].id, hlc: '1764000000000-0000-dev', data: { type: 'totp', secret: S1, issuer: `I${i}`, label: `l${i}`, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, extra: [], window: 1, sites: [], createdAt: 5 } });
    const content = {
      app: 'tessera', createdAt: 1,
      accounts: [good(0), { ...good(1), data: { ...good(1).data, digits: 9 } }, { ...good(2), data: { ...good(2).data, sites: ['not a site!'] } }, good(3)],
      tokens: [{ id: 'tk1', accountId: accounts[3].id, value: 'ok-token', addedAt: 1, usedAt: null }, { id: 'tk2', accountId: accounts[3].id, value: 'bad\u0000', addedAt: 1, usedAt: null }],
    };
    const data = toBase64(await sealBackup(content, PW, fastKdf()));
    const b = await makeApi();
    const r = await restore(b, data);
    expect(r.ok).toBe(true);
    expect(r.added.map((x: { issuer: string }) => x.issuer)).toEqual(['I0', 'I3']);
    expect(r.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([[2, 'bad-digits'], [3, 'bad-input'], [4, 'bad-input']]);
    expect(r.errors[0].message).toContain('I1');
    expect(r.tokensAdded).toBe(1);
    // Content that is not a backup's shape: the whole file is refused.
    const wrong = toBase64(await sealBackup({ app: 'tessera', accounts: 'x' }, PW, fastKdf()));
    expect(await restore(b, wrong)).toMatchObject({ ok: false, error: { code: 'bad-file' } });
  });

  it('previews without writing, marks duplicates, and imports only the entries kept', async () => {
    const a = await populated();
    const data = await backupOf(a);
    const b = await makeApi();
    await b.call({ type: 'accounts.import', text: LINKS.split('\n')[1] });
    const p = await b.call({ type: 'import.preview', name: 'x.json', data, password: PW });
    expect(p).toMatchObject({ ok: true, format: 'tessera-backup', encrypted: true, errors: [] });
    expect(p.entries.map((e: { issuer: string; duplicate: boolean; tokens: number }) => [e.issuer, e.duplicate, e.tokens])).toEqual([
      ['Example', false, 2], ['ACME', true, 0], ['Slow', false, 0], ['Corp SSO', false, 3],
    ]);
    expect(JSON.stringify(p)).not.toMatch(/JBSWY3DP|tok-aaaa/);
    expect((await b.call({ type: 'accounts.list' })).accounts).toHaveLength(1);
    const r = await restore(b, data, { keep: [3, 4], site: 'https://intra.example.co.jp/login' });
    expect(r.added.map((x: { issuer: string }) => x.issuer)).toEqual(['Slow', 'Corp SSO']);
    const list = (await b.call({ type: 'accounts.list' })).accounts;
    expect(list.find((x: { issuer: string }) => x.issuer === 'Slow').sites).toEqual(['example.co.jp']);
    expect(list.find((x: { issuer: string }) => x.issuer === 'Corp SSO').tokensTotal).toBe(3);
    expect(await restore(b, data, { keep: [0] })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('refuses a weak backup password', async () => {
    const a = await populated();
    expect(await a.call({ type: 'backup.export', password: 'short' })).toMatchObject({ ok: false, error: { code: 'weak-passphrase' } });
    expect(await a.call({ type: 'backup.export' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });
});

describe('accounts.export', () => {
  it('needs the vault passphrase again, and knows its ids', async () => {
    const a = await populated();
    expect(await a.call({ type: 'accounts.export', format: 'otpauth', passphrase: 'wrong passphrase' })).toMatchObject({ ok: false, error: { code: 'bad-passphrase' } });
    expect(await a.call({ type: 'accounts.export', format: 'otpauth' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await a.call({ type: 'accounts.export', format: 'otpauth', passphrase: PASS, ids: ['nope'] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await a.call({ type: 'accounts.export', format: 'otpauth', passphrase: PASS, ids: [a.tokensId] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await a.call({ type: 'accounts.export', format: 'csv', passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await a.call({ type: 'vault.status' })).toMatchObject({ state: 'unlocked' });
  });

  it('otpauth: one URI per line with every parameter, importable as it is', async () => {
    const a = await populated();
    const { text } = await a.call({ type: 'accounts.export', format: 'otpauth', passphrase: PASS });
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('otpauth://hotp/ACME:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME&algorithm=SHA256&digits=8&counter=7');
    const one = await a.call({ type: 'accounts.export', format: 'otpauth', passphrase: PASS, ids: [a.ids[2]] });
    expect(one.text).toBe('otpauth://totp/Slow:carol?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Slow&algorithm=SHA512&digits=7&period=60\n');
    const b = await makeApi();
    await b.call({ type: 'accounts.import', text });
    const strip = (v: Awaited<ReturnType<typeof view>>) => v.filter((x) => x.type !== 'tokens').map(({ id: _i, sites: _s, tokens: _t, values: _v, tokensRemaining: _r, tokensTotal: _tt, ...rest }) => rest)
      .sort((x, y) => (x.issuer < y.issuer ? -1 : 1));
    expect(strip(await view(b))).toEqual(strip(await view(a)));
  });

  it('migration: QR-sized batches the parser reads back; what the format cannot hold is skipped by name', async () => {
    const a = await populated();
    const many = Array.from({ length: 23 }, (_, i) => `otpauth://totp/Svc${i}:user${i}@example.com?secret=${S1}${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i]}A&issuer=Svc${i}`).join('\n');
    await a.call({ type: 'accounts.import', text: many });
    const e = await a.call({ type: 'accounts.export', format: 'migration', passphrase: PASS });
    expect(e.ok).toBe(true);
    expect(e.uris.length).toBeGreaterThanOrEqual(3);
    expect(e.skipped).toEqual([expect.objectContaining({ issuer: 'Slow', code: 'bad-digits' })]);
    const b = await makeApi();
    const r = await b.call({ type: 'accounts.import', text: e.uris.join('\n') });
    expect(r.errors).toEqual([]);
    expect(r.added).toHaveLength(25);
    const codesOf = async (api: Api) => {
      const out: Record<string, string> = {};
      for (const x of (await api.call({ type: 'accounts.list' })).accounts) {
        if (x.type !== 'tokens' && x.issuer !== 'Slow') out[`${x.issuer}/${x.label}/${x.counter}`] = (await api.call({ type: 'codes.get', id: x.id, at: 1e12 })).code;
      }
      return out;
    };
    expect(await codesOf(b)).toEqual(await codesOf(a));
  });
});

describe('backup reminder (backup.status, backup.dismiss)', () => {
  it('reminds after changes until a backup or a dismissal, and not while sync is healthy', async () => {
    const api = await makeApi();
    const status = async () => (await api.call({ type: 'backup.status' }));
    expect(await status()).toMatchObject({ ok: true, remind: false, lastBackupAt: null, reason: 'empty' });
    await api.call({ type: 'accounts.import', text: LINKS });
    expect(await status()).toMatchObject({ remind: true, reason: 'never' });
    await api.call({ type: 'backup.export', password: PW });
    expect(await status()).toMatchObject({ remind: false, reason: 'backed-up', lastBackupAt: api.clock.now });
    const { accountId } = await api.call({ type: 'tokens.add', service: 'VPN', text: 'abc-123-def' });
    expect(await status()).toMatchObject({ remind: true, reason: 'changed', lastBackupAt: api.clock.now });
    await api.call({ type: 'backup.dismiss' });
    expect(await status()).toMatchObject({ remind: false, reason: 'dismissed' });
    await api.call({ type: 'tokens.copy', accountId });
    expect(await status()).toMatchObject({ remind: true, reason: 'changed' });
    api.ctx.services = { sync: { status: async () => ({ backend: 'browser', state: 'idle', lastSyncAt: 5 }) } };
    expect(await status()).toMatchObject({ remind: false, reason: 'sync' });
    api.ctx.services = { sync: { status: async () => ({ backend: 'webdav', state: 'error', lastSyncAt: 5, error: { code: 'unreachable' } }) } };
    expect(await status()).toMatchObject({ remind: true });
  });
});
