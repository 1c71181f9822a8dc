// The popup's first screen from the session view (issue 14, lib/popup/first-screen.ts): it must
// show exactly what popup.init shows while the view matches, and nothing (null: the popup waits
// for the background) as soon as the records, the stored settings or the key no longer match.
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../lib/crypto/encoding';
import { firstScreen, type FirstScreenInputs } from '../../../lib/popup/first-screen';
import { settingsStamp, type PopupView } from '../../../lib/popup/view';
import type { PopupViewPort } from '../../../lib/api/popup-init';
import { readRecordRows } from '../../../lib/vault/raw-rows';
import { hostInSite, hostOfUrl } from '../../../lib/sites/host-in-site';
import { makeApi } from '../api/context';
import { patchRecord } from '../vault/helpers';

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
  const inputs = async (over: Partial<FirstScreenInputs> = {}): Promise<FirstScreenInputs> => ({
    key: toBase64((await api.keyStore.get())!),
    view: state.saved,
    settings: state.stored,
    rows: await readRecordRows(api.dbName),
    tabUrl,
    ...over,
  });
  return { ...api, state, init, inputs, setTab: (u: string) => void (tabUrl = u) };
}

describe('popup first screen from the session view', () => {
  it('matches popup.init exactly: order, bound accounts first, codes of the first screen, settings', async () => {
    const t = await setUp();
    const init = await t.init();
    expect(t.state.saved).not.toBeNull();
    const quick = firstScreen(await t.inputs(), 10, t.clock.now);
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
    const all = firstScreen(await t.inputs(), 100, t.clock.now)!;
    expect(all.codes.find((c) => c.id === hot.id)).toEqual((await t.call({ type: 'codes.all' })).codes.find((c: { id: string }) => c.id === hot.id));
  });

  it('is null once the records change (an added account, a token, a deletion), until popup.init writes a new view', async () => {
    const t = await setUp();
    const init = await t.init();
    await t.call({ type: 'accounts.import', text: uri('New', 'n') });
    expect(firstScreen(await t.inputs(), 10, t.clock.now)).toBeNull();
    await t.init();
    expect(firstScreen(await t.inputs(), 10, t.clock.now)!.accounts).toHaveLength(init.accounts.length + 1);
    await t.call({ type: 'tokens.add', accountId: init.accounts[0]!.id, text: 'aaaa-1111\nbbbb-2222' });
    expect(firstScreen(await t.inputs(), 10, t.clock.now)).toBeNull();
    await t.init();
    expect(firstScreen(await t.inputs(), 10, t.clock.now)!.accounts.find((a) => a.id === init.accounts[0]!.id)!.tokensRemaining).toBe(2);
    expect(await t.call({ type: 'accounts.remove', id: init.accounts[1]!.id })).toMatchObject({ ok: true });
    expect(firstScreen(await t.inputs(), 10, t.clock.now)).toBeNull();
  });

  it('is null when the stored settings changed since the view (hide codes turned on must never show a code)', async () => {
    const t = await setUp();
    await t.init();
    expect(firstScreen(await t.inputs(), 10, t.clock.now)).not.toBeNull();
    expect(firstScreen(await t.inputs({ settings: { autoLockMinutes: 15, hideCodes: true } }), 10, t.clock.now)).toBeNull();
    t.state.stored = { autoLockMinutes: 15, hideCodes: true };
    await t.call({ type: 'settings.set', settings: { hideCodes: true } });
    await t.init();
    expect(firstScreen(await t.inputs(), 10, t.clock.now)!.settings).toEqual({ lowTokenThreshold: 2, hideCodes: true });
  });

  it('is null without the key, with another key, without rows, or with a view of another shape', async () => {
    const t = await setUp();
    await t.init();
    expect(firstScreen(await t.inputs({ key: undefined }), 10, t.clock.now)).toBeNull();
    expect(firstScreen(await t.inputs({ key: toBase64(new Uint8Array(32).fill(7)) }), 10, t.clock.now)).toBeNull();
    expect(firstScreen(await t.inputs({ key: 'not base64!' }), 10, t.clock.now)).toBeNull();
    expect(firstScreen(await t.inputs({ rows: null }), 10, t.clock.now)).toBeNull();
    expect(firstScreen(await t.inputs({ view: undefined }), 10, t.clock.now)).toBeNull();
    expect(firstScreen(await t.inputs({ view: { ...t.state.saved, v: 2 } }), 10, t.clock.now)).toBeNull();
    expect(firstScreen(await t.inputs({ view: { ...t.state.saved, accounts: [{ id: 1 }] } }), 10, t.clock.now)).toBeNull();
    // A view naming another vault: the rows do not open under its ids.
    expect(firstScreen(await t.inputs({ view: { ...t.state.saved!, vaultId: 'another' } }), 10, t.clock.now)).toBeNull();
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
    expect(firstScreen(await t.inputs(), 10, t.clock.now)).toBeNull();
    expect((await t.call({ type: 'popup.init', tabId: 3, first: 10 })).corrupt).toEqual([{ id: victim, kind: 'account' }]);
  });

  it('orders by the tab it opens over: no bound accounts on another site or a non-web page', async () => {
    const t = await setUp();
    const init = await t.init();
    t.setTab('https://other.example/');
    const other = firstScreen(await t.inputs(), 10, t.clock.now)!;
    expect(other.bound).toEqual([]);
    expect(other.codes.map((c) => c.id)).toEqual(init.accounts.slice(0, 10).map((a) => a.id));
    expect(firstScreen(await t.inputs({ tabUrl: 'chrome://settings' }), 10, t.clock.now)!.bound).toEqual([]);
    expect(firstScreen(await t.inputs({ tabUrl: 'https://ZED.example./login' }), 10, t.clock.now)!.bound).toEqual(init.bound);
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

describe('raw rows', () => {
  it('reads nothing and creates no database where there is no vault', async () => {
    const name = `absent-${Math.random()}`;
    expect(await readRecordRows(name)).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });
});
