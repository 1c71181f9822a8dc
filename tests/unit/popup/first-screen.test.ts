// The popup's first screen from the session view (issue 14, lib/popup/plan.ts and
// first-screen.ts): it must show exactly what popup.init shows while the view matches, and
// nothing (null: the popup waits for the background) as soon as the vault was written, the stored
// settings changed, or the key or a row no longer match.
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../lib/crypto/encoding';
import { firstScreen, type FirstScreenReads } from '../../../lib/popup/first-screen';
import { planFirstScreen, shownIds } from '../../../lib/popup/plan';
import { parseView, settingsStamp, viewText, type PopupInit, type PopupView } from '../../../lib/popup/view';
import type { PopupViewPort } from '../../../lib/api/popup-init';
import { openVaultDbRaw, readRowsWithGeneration } from '../../../lib/vault/raw-read';
import { hostInSite, hostOfUrl } from '../../../lib/sites/host-in-site';
import { makeApi } from '../api/context';
import { failNthPut, patchRecord } from '../vault/helpers';

const SECRET = 'JBSWY3DPEHPK3PXP';
const uri = (issuer: string, label: string, extra = '') => `otpauth://totp/${issuer}:${label}?secret=${SECRET}&issuer=${issuer}${extra}`;
type Init = { accounts: Array<{ id: string; issuer: string; tokensRemaining: number }>; codes: Array<{ id: string; code: string }>; bound: string[]; settings: unknown };

/** An API whose popup.init leaves its view in `saved`, with stored settings `stored` (as storage.local would hold them). */
async function setUp() {
  const api = await makeApi();
  const state: { saved: PopupView | null; stored: unknown } = { saved: null, stored: { autoLockMinutes: 15 } };
  const port: PopupViewPort = {
    settingsStamp: async () => settingsStamp(state.stored),
    save: async (v) => void (state.saved = structuredClone(v)),
  };
  let tabUrl = 'https://login.zed.example/x';
  api.ctx.services = { popupViews: port, tabs: { tabUrl: async () => tabUrl, frames: async () => [] } } as never;
  await api.call({ type: 'accounts.import', text: Array.from({ length: 30 }, (_, i) => uri(`S${String(i).padStart(2, '0')}`, 'u')).join('\n') });
  await api.call({ type: 'accounts.import', text: uri('Zed', 'me'), site: 'zed.example' });
  await api.call({ type: 'accounts.import', text: `otpauth://hotp/Hot:h?secret=${SECRET}&counter=7&issuer=Hot` });
  const init = async (): Promise<Init> => {
    const a = await api.call({ type: 'popup.init', tabId: 3, first: 10 });
    await Promise.resolve(); // the view is saved after the answer
    return a;
  };
  /** The popup's whole path: plan from the view, one read of the rows and the generation, then open. */
  const screen = async (o: { first?: number; view?: unknown; settings?: unknown; tabUrl?: string | null; reads?: Partial<FirstScreenReads> } = {}): Promise<PopupInit | null> => {
    const plan = planFirstScreen('view' in o ? o.view : state.saved && viewText(state.saved), 'settings' in o ? o.settings : state.stored, o.tabUrl === undefined ? tabUrl : o.tabUrl, o.first ?? 10);
    const db = await openVaultDbRaw(api.dbName);
    const read = plan && db ? await readRowsWithGeneration(db, shownIds(plan)) : null;
    return firstScreen({ key: toBase64((await api.keyStore.get())!), plan, generation: read?.generation, rows: read?.rows ?? null, ...o.reads }, api.clock.now);
  };
  return { ...api, state, init, screen, setTab: (u: string) => void (tabUrl = u) };
}

describe('popup first screen from the session view', () => {
  it('matches popup.init exactly: order, bound accounts first, codes of the first screen, settings', async () => {
    const t = await setUp();
    const init = await t.init();
    expect(t.state.saved).not.toBeNull();
    const quick = (await t.screen());
    expect(quick).not.toBeNull();
    expect(quick!.accounts).toEqual(init.accounts);
    expect(quick!.bound).toEqual(init.bound);
    expect(quick!.bound).toHaveLength(1);
    expect(quick!.site).toBe('zed.example');
    expect(quick!.codes).toEqual(init.codes);
    expect(quick!.codes.map((c) => c.id)[0]).toBe(init.bound[0]);
    expect(quick!.settings).toEqual(init.settings);
    // The HOTP account's code is its counter's (7), as popup.init gives it, and showing it moves nothing.
    const hot = init.accounts.find((a) => a.issuer === 'Hot')!;
    const all = (await t.screen({ first: 100 }))!;
    expect(all.codes.find((c) => c.id === hot.id)).toEqual((await t.call({ type: 'codes.all' })).codes.find((c: { id: string }) => c.id === hot.id));
  });

  it('is null once the records change (an added account, a token, a deletion), until popup.init writes a new view', async () => {
    const t = await setUp();
    const init = await t.init();
    await t.call({ type: 'accounts.import', text: uri('New', 'n') });
    expect((await t.screen())).toBeNull();
    await t.init();
    expect((await t.screen())!.accounts).toHaveLength(init.accounts.length + 1);
    await t.call({ type: 'tokens.add', accountId: init.accounts[0]!.id, text: 'aaaa-1111\nbbbb-2222' });
    expect((await t.screen())).toBeNull();
    await t.init();
    expect((await t.screen())!.accounts.find((a) => a.id === init.accounts[0]!.id)!.tokensRemaining).toBe(2);
    expect(await t.call({ type: 'accounts.remove', id: init.accounts[1]!.id })).toMatchObject({ ok: true });
    expect((await t.screen())).toBeNull();
  });

  it('is null when the stored settings changed since the view (hide codes turned on must never show a code)', async () => {
    const t = await setUp();
    await t.init();
    expect((await t.screen())).not.toBeNull();
    expect((await t.screen({ settings: { autoLockMinutes: 15, hideCodes: true } }))).toBeNull();
    t.state.stored = { autoLockMinutes: 15, hideCodes: true };
    await t.call({ type: 'settings.set', settings: { hideCodes: true } });
    await t.init();
    expect((await t.screen())!.settings).toEqual({ lowTokenThreshold: 2, hideCodes: true });
  });

  it('is null without the key, with another key, without rows, or with a view of another shape', async () => {
    const t = await setUp();
    await t.init();
    expect((await t.screen({ reads: { key: undefined } }))).toBeNull();
    expect((await t.screen({ reads: { key: toBase64(new Uint8Array(32).fill(7)) } }))).toBeNull();
    expect((await t.screen({ reads: { key: 'not base64!' } }))).toBeNull();
    expect((await t.screen({ reads: { rows: null } }))).toBeNull();
    expect((await t.screen({ view: undefined }))).toBeNull();
    expect((await t.screen({ view: JSON.stringify({ ...t.state.saved, v: 1 }) }))).toBeNull();
    expect((await t.screen({ view: JSON.stringify({ ...t.state.saved, accounts: [{ id: 1 }], stamps: ['x'] }) }))).toBeNull();
    // A view naming another vault: the rows do not open under its ids.
    expect((await t.screen({ view: JSON.stringify({ ...t.state.saved!, vaultId: 'another' }) }))).toBeNull();
  });

  it('is null when a row it shows was tampered with in place (same stamp, other bytes), and the background says corrupt', async () => {
    const t = await setUp();
    const init = await t.init();
    const victim = init.codes[1]!.id;
    await patchRecord(t.dbName, victim, (r) => {
      const sealed = new Uint8Array(r.sealed as Uint8Array);
      sealed[sealed.length - 1]! ^= 1;
      return { ...r, sealed };
    });
    expect((await t.screen())).toBeNull();
    expect((await t.call({ type: 'popup.init', tabId: 3, first: 10 })).corrupt).toEqual([{ id: victim, kind: 'account' }]);
  });

  it('orders by the tab it opens over: no bound accounts on another site or a non-web page', async () => {
    const t = await setUp();
    const init = await t.init();
    t.setTab('https://other.example/');
    const other = (await t.screen())!;
    expect(other.bound).toEqual([]);
    expect(other.codes.map((c) => c.id)).toEqual(init.accounts.slice(0, 10).map((a) => a.id));
    expect((await t.screen({ tabUrl: 'chrome://settings' }))!.bound).toEqual([]);
    expect((await t.screen({ tabUrl: 'https://ZED.example./login' }))!.bound).toEqual(init.bound);
  });
});

describe('popup.init naming the view it drew from (known)', () => {
  it('leaves the accounts out while the vault is at that generation, and sends them once it is not', async () => {
    const t = await setUp();
    const init = await t.init();
    const generation = t.state.saved!.generation;
    const same = await t.call({ type: 'popup.init', tabId: 3, first: 10, known: generation });
    expect(same.unchanged).toBe(true);
    expect(same.accounts).toBeUndefined();
    expect(same.codes).toEqual(init.codes);
    expect(same.bound).toEqual(init.bound);
    await t.call({ type: 'accounts.import', text: uri('Later', 'l') });
    const moved = await t.call({ type: 'popup.init', tabId: 3, first: 10, known: generation });
    expect(moved.unchanged).toBeUndefined();
    expect(moved.accounts).toHaveLength(init.accounts.length + 1);
    expect((await t.call({ type: 'popup.init', tabId: 3, first: 10, known: 42 })).accounts).toHaveLength(init.accounts.length + 1);
  });
});

describe('host within a bound site', () => {
  it('reads hosts of web URLs only, lower-cased, without a trailing dot or IPv6 brackets', () => {
    expect(hostOfUrl('https://Login.Example.COM./x')).toBe('login.example.com');
    expect(hostOfUrl('http://[::1]:8080/')).toBe('::1');
    expect(hostOfUrl('http://127.0.0.1:3000/')).toBe('127.0.0.1');
    expect(hostOfUrl('chrome-extension://abc/popup.html')).toBeNull();
    expect(hostOfUrl('not a url')).toBeNull();
  });

  it('matches the site itself and its subdomains, never a look-alike', () => {
    expect(hostInSite('example.com', 'example.com')).toBe(true);
    expect(hostInSite('a.b.example.com', 'example.com')).toBe(true);
    expect(hostInSite('app.localhost', 'localhost')).toBe(true);
    expect(hostInSite('::1', '::1')).toBe(true);
    expect(hostInSite('badexample.com', 'example.com')).toBe(false);
    expect(hostInSite('example.com.evil.net', 'example.com')).toBe(false);
    expect(hostInSite('example.com', '')).toBe(false);
  });
});

describe('raw reads', () => {
  it('read nothing and create no database where there is no vault', async () => {
    const name = `absent-${Math.random()}`;
    expect(await openVaultDbRaw(name)).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });
});

describe('vault generation', () => {
  it('is kept across reads and replaced by every write, in the same transaction as the write', async () => {
    const t = await setUp();
    const a = (await t.vault.snapshot()).generation;
    expect(typeof a).toBe('string');
    expect((await t.vault.snapshot()).generation).toBe(a);
    await t.call({ type: 'accounts.update', id: (await t.init()).accounts[0]!.id, pinned: true });
    const b = (await t.vault.snapshot()).generation;
    expect(b).not.toBe(a);
    // A write that fails half-way (the record's put throws after the generation's) leaves the old generation.
    const undo = failNthPut(2, () => new DOMException('full', 'QuotaExceededError'));
    try {
      await expect(t.ctx.vault.commit({ put: [{ id: 'x', kind: 'setting', data: 1 }] })).rejects.toThrow();
    } finally {
      undo();
    }
    expect((await t.vault.snapshot()).generation).toBe(b);
  });

  it('a row replaced behind the view (another stamp, same generation) is not shown', async () => {
    const t = await setUp();
    const init = await t.init();
    await patchRecord(t.dbName, init.codes[0]!.id, (r) => ({ ...r, hlc: `${String(r.hlc).slice(0, -1)}9` }));
    expect(await t.screen()).toBeNull();
    expect(parseView('{')).toBeNull();
    expect(parseView(42)).toBeNull();
  });
});
