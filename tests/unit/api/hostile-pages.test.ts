// Issue 11, the background's side of filling into pages it does not trust:
// point 2, plain-http pages (insecure-page, except on loopback hosts), and point 3, the popup's
// pick of an account not bound to the tab's site (ask first; autofill.fill with an explicit
// accountId keeps its contract). The tab is a fake (lib/api/autofill.ts TabsPort).
import { describe, expect, it } from 'vitest';
import { isInsecurePage, type FrameDetection, type TabsPort } from '../../../lib/api/autofill';
import { setLang } from '../../../lib/i18n/i18n';
import { makeApi } from './context';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

function fakeTab(frames: Array<{ frameId: number; url: string; found: boolean }>, tabUrl = frames[0]!.url) {
  const writes: Array<{ frameId: number; code: string }> = [];
  const port: TabsPort = {
    tabUrl: async (tabId) => (tabId === 1 ? tabUrl : null),
    frames: async () => frames.map(({ frameId, url }) => ({ frameId, url })),
    send: async <T,>(_tab: number, frameId: number, msg: Record<string, unknown>) => {
      const f = frames.find((x) => x.frameId === frameId)!;
      if (msg.type === 'autofill.detect') {
        const d: FrameDetection = { found: f.found, kind: f.found ? 'single' : null, length: 6, score: 10, frameUrl: f.url, top: frameId === 0, nonce: `N${frameId}` };
        return d as T;
      }
      writes.push({ frameId, code: String(msg.code) });
      return { filled: true, fields: 1 } as T;
    },
  };
  return { port, writes };
}

async function setup(frames: Parameters<typeof fakeTab>[0], tabUrl?: string) {
  const api = await makeApi();
  const tab = fakeTab(frames, tabUrl);
  api.ctx.services = { tabs: tab.port };
  const add = async (label: string, site?: string, type = 'totp') =>
    (await api.call({ type: 'accounts.import', text: `otpauth://${type}/Bank:${label}?secret=${SECRET}&issuer=Bank`, ...(site ? { site } : {}) })).added[0].id as string;
  const account = async (id: string) => (await api.call({ type: 'accounts.list' })).accounts.find((a: { id: string }) => a.id === id);
  return { ...api, ...tab, add, account };
}

describe('isInsecurePage (point 2)', () => {
  it.each([
    'http://login.bank.example/otp', 'http://192.168.1.10/login', 'http://10.0.0.1/', 'http://bank.test:8080/', 'HTTP://Example.COM/',
    'http://127.example/', 'http://localhost.example.com/', 'http://[::2]/', 'ws://chat.example/', 'http://0.0.0.0/', 'http://128.0.0.1/',
  ])('refuses %s', (url) => expect(isInsecurePage(url)).toBe(true));

  it.each([
    'https://login.bank.example/otp', 'http://127.0.0.1:4173/login', 'http://127.5.6.7/', 'http://localhost:3000/', 'http://app.localhost/',
    'http://[::1]:8080/', 'http://localhost./', 'about:blank', 'about:srcdoc', 'data:text/html,x', 'file:///tmp/x.html', 'not a url',
  ])('allows %s (https, loopback, or not a web page the site rules would fill)', (url) => expect(isInsecurePage(url)).toBe(false));
});

describe('autofill into plain-http pages (point 2)', () => {
  it('refuses a non-loopback http tab with insecure-page, bound account or explicit, and writes nothing', async () => {
    setLang('en');
    const s = await setup([{ frameId: 0, url: 'http://login.bank.example/otp', found: true }]);
    const id = await s.add('alice', 'bank.example');
    const a = await s.call({ type: 'autofill.fill', tabId: 1 });
    expect(a).toMatchObject({ ok: false, error: { code: 'insecure-page', message: expect.stringContaining('http') } });
    expect(await s.call({ type: 'autofill.fill', tabId: 1, accountId: id })).toMatchObject({ ok: false, error: { code: 'insecure-page' } });
    expect(s.writes).toEqual([]);
  });

  it('refuses an http frame inside an https tab', async () => {
    const s = await setup([{ frameId: 0, url: 'https://bank.example/', found: false }, { frameId: 3, url: 'http://bank.example/otp-frame', found: true }]);
    await s.add('alice', 'bank.example');
    expect(await s.call({ type: 'autofill.fill', tabId: 1 })).toMatchObject({ ok: false, error: { code: 'insecure-page' } });
    expect(s.writes).toEqual([]);
  });

  it('fills http on loopback hosts (development, tests)', async () => {
    const s = await setup([{ frameId: 0, url: 'http://127.0.0.1:4173/login', found: true }]);
    const id = await s.add('alice', '127.0.0.1');
    expect(await s.call({ type: 'autofill.fill', tabId: 1 })).toMatchObject({ ok: true, filled: true, accountId: id });
  });

  it('the chip and automatic fills get insecure-page too (the chip shows the message)', async () => {
    const { autofillRequest } = await import('../../../lib/api/content');
    const s = await setup([{ frameId: 0, url: 'http://login.bank.example/otp', found: true }]);
    await s.add('alice', 'bank.example');
    await s.ctx.settings.set({ autoFill: true });
    const sender = { id: 'ext', url: 'http://login.bank.example/otp', tab: { id: 1, url: 'http://login.bank.example/otp' }, frameId: 0 };
    expect(await autofillRequest({ type: 'autofill.request', reason: 'chip' }, sender, s.ctx)).toMatchObject({ ok: false, error: { code: 'insecure-page', message: expect.any(String) } });
    expect(await autofillRequest({ type: 'autofill.request', reason: 'auto' }, sender, s.ctx)).toMatchObject({ ok: false, error: { code: 'insecure-page' } });
    expect(s.writes).toEqual([]);
  });

  it('popup.use copies instead, and says why', async () => {
    setLang('en');
    const s = await setup([{ frameId: 0, url: 'http://login.bank.example/otp', found: true }]);
    const id = await s.add('alice', 'bank.example');
    const a = await s.call({ type: 'popup.use', id, tabId: 1 });
    expect(a).toMatchObject({ ok: true, action: 'copied', code: expect.stringMatching(/^\d{6}$/), notice: { code: 'insecure-page', message: expect.stringContaining('http') } });
    expect(s.writes).toEqual([]);
  });
});

describe('the popup on a site the account is not bound to (point 3)', () => {
  const LOOKALIKE = 'https://bank-login.example/verify';

  it('asks first: nothing is used or written, and the answer names the site', async () => {
    const s = await setup([{ frameId: 0, url: LOOKALIKE, found: true }]);
    const id = await s.add('alice', 'bank.example', 'hotp');
    const before = (await s.account(id)).counter;
    expect(await s.call({ type: 'popup.use', id, tabId: 1 })).toEqual({ ok: true, action: 'confirm', site: 'bank-login.example', accountId: id });
    expect(s.writes).toEqual([]);
    expect((await s.account(id)).counter).toBe(before);
    expect((await s.account(id)).sites).toEqual(['bank.example']);
  });

  it('"fill anyway" fills this once and binds nothing', async () => {
    const s = await setup([{ frameId: 0, url: LOOKALIKE, found: true }]);
    const id = await s.add('alice', 'bank.example');
    expect(await s.call({ type: 'popup.use', id, tabId: 1, unbound: 'fill' })).toMatchObject({ ok: true, action: 'filled', accountId: id });
    expect(s.writes).toHaveLength(1);
    expect((await s.account(id)).sites).toEqual(['bank.example']);
    // Asked again next time.
    expect(await s.call({ type: 'popup.use', id, tabId: 1 })).toMatchObject({ ok: true, action: 'confirm' });
  });

  it('"fill and bind" adds the site, then fills; afterwards no question', async () => {
    const s = await setup([{ frameId: 0, url: LOOKALIKE, found: true }]);
    const id = await s.add('alice', 'bank.example');
    expect(await s.call({ type: 'popup.use', id, tabId: 1, unbound: 'bind' })).toMatchObject({ ok: true, action: 'filled', accountId: id });
    expect((await s.account(id)).sites).toEqual(['bank.example', 'bank-login.example']);
    expect(await s.call({ type: 'popup.use', id, tabId: 1 })).toMatchObject({ ok: true, action: 'filled' });
    expect(s.writes).toHaveLength(2);
  });

  it('a bound account fills at once; no field means copy, no question', async () => {
    const s = await setup([{ frameId: 0, url: 'https://bank.example/otp', found: true }]);
    const id = await s.add('alice', 'bank.example');
    expect(await s.call({ type: 'popup.use', id, tabId: 1 })).toMatchObject({ ok: true, action: 'filled' });
    const t = await setup([{ frameId: 0, url: LOOKALIKE, found: false }]);
    const id2 = await t.add('bob', 'bank.example');
    expect(await t.call({ type: 'popup.use', id: id2, tabId: 1 })).toMatchObject({ ok: true, action: 'copied' });
  });

  it('autofill.fill with an explicit accountId keeps its contract: it fills, bound or not', async () => {
    const s = await setup([{ frameId: 0, url: LOOKALIKE, found: true }]);
    const id = await s.add('alice', 'bank.example');
    expect(await s.call({ type: 'autofill.fill', tabId: 1, accountId: id })).toEqual({ ok: true, filled: true, accountId: id, fields: 1, source: 'account' });
  });
});

describe('the write names the document that was checked (point 7)', () => {
  it('carries the detecting document’s nonce and the URL the browser listed for the frame', async () => {
    const api = await makeApi();
    const writes: Array<Record<string, unknown>> = [];
    api.ctx.services = {
      tabs: {
        tabUrl: async () => 'https://example.com/',
        frames: async () => [{ frameId: 0, url: 'https://example.com/' }, { frameId: 7, url: 'https://example.com/otp-frame' }],
        send: async <T,>(_t: number, frameId: number, msg: Record<string, unknown>) => {
          if (msg.type === 'autofill.detect') {
            const d: FrameDetection = { found: frameId === 7, kind: 'single', length: 6, score: 90, frameUrl: 'https://example.com/otp-frame', top: false, nonce: `nonce-of-${frameId}` };
            return d as T;
          }
          writes.push({ frameId, ...msg });
          return { filled: true, fields: 1 } as T;
        },
      } satisfies TabsPort,
    };
    await api.call({ type: 'accounts.import', text: `otpauth://totp/S:a?secret=${SECRET}`, site: 'example.com' });
    expect(await api.call({ type: 'autofill.fill', tabId: 1 })).toMatchObject({ ok: true, filled: true });
    expect(writes).toEqual([{ frameId: 7, type: 'autofill.write', code: expect.stringMatching(/^\d{6}$/), nonce: 'nonce-of-7', url: 'https://example.com/otp-frame' }]);
  });
});

describe('automatic triggers never move an HOTP counter (point 6)', () => {
  it('a field that appears with only an HOTP account bound: nothing filled, counter unchanged', async () => {
    const { autofillRequest } = await import('../../../lib/api/content');
    const s = await setup([{ frameId: 0, url: 'https://bank.example/otp', found: true }]);
    const id = await s.add('alice', 'bank.example', 'hotp');
    await s.ctx.settings.set({ autoFill: true });
    const sender = { id: 'ext', url: 'https://bank.example/otp', tab: { id: 1, url: 'https://bank.example/otp' }, frameId: 0 };
    const before = (await s.account(id)).counter;
    expect(await autofillRequest({ type: 'autofill.request', reason: 'auto' }, sender, s.ctx)).toMatchObject({ ok: false, error: { code: 'no-account-for-site' } });
    expect(s.writes).toEqual([]);
    expect((await s.account(id)).counter).toBe(before);
    // The chip (a person's click) does fill it and moves the counter once.
    expect(await autofillRequest({ type: 'autofill.request', reason: 'chip' }, sender, s.ctx)).toMatchObject({ ok: true, filled: true });
    expect((await s.account(id)).counter).toBe(before + 1);
  });
});

describe('page scans bind only what came from the tab’s own site (point 1)', () => {
  const A = 'otpauth://totp/Own:alice?secret=JBSWY3DPEHPK3PXP&issuer=Own';
  const B = 'otpauth://totp/Victim:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Victim';
  const C = 'otpauth://totp/Unknown:carol?secret=ONSWG4TFOQQGC3TE&issuer=Unknown';

  async function scanSetup(found: Array<{ text: string; sources: string[] }>, tabUrl = 'https://evil.example/page') {
    const api = await makeApi();
    api.ctx.services = {
      tabs: { tabUrl: async () => tabUrl, frames: async () => [], send: async () => undefined } satisfies TabsPort,
      qr: { scanPage: async () => found, scanRegion: async () => null },
    };
    const sitesOf = async () => Object.fromEntries((await api.call({ type: 'accounts.list' })).accounts.map((a: { issuer: string; sites: string[] }) => [a.issuer, a.sites]));
    return { ...api, sitesOf };
  }

  it('qr.scanTab (add): the tab’s own codes bound, another site’s and unknown ones added unbound, and `found` says where from', async () => {
    const s = await scanSetup([
      { text: A, sources: ['https://www.evil.example/qr.png'] },
      { text: B, sources: ['https://victim.example/settings/2fa/qr.png'] },
      { text: C, sources: [] },
    ]);
    const a = await s.call({ type: 'qr.scanTab', tabId: 1 });
    expect(a.ok).toBe(true);
    expect(a.found).toEqual([
      { kind: 'otpauth', accounts: [{ issuer: 'Own', label: 'alice' }] },
      { kind: 'otpauth', accounts: [{ issuer: 'Victim', label: 'bob' }], source: { site: 'victim.example' } },
      { kind: 'otpauth', accounts: [{ issuer: 'Unknown', label: 'carol' }], source: { site: null } },
    ]);
    expect(a.added).toHaveLength(3);
    expect(await s.sitesOf()).toEqual({ Own: ['evil.example'], Victim: [], Unknown: [] });
  });

  it('a code also shown by the tab’s own site counts as the site’s', async () => {
    const s = await scanSetup([{ text: A, sources: ['https://victim.example/qr.png', 'https://evil.example/page'] }]);
    const a = await s.call({ type: 'qr.scanTab', tabId: 1 });
    expect(a.found[0]).not.toHaveProperty('source');
    expect(await s.sitesOf()).toEqual({ Own: ['evil.example'] });
  });

  it('review: another site’s code is held with where it came from, and stays unbound unless the user binds it', async () => {
    const s = await scanSetup([
      { text: A, sources: ['https://evil.example/page'] },
      { text: B, sources: ['https://victim.example/qr.png'] },
    ]);
    const held = await s.call({ type: 'qr.scanTab', tabId: 1, add: false });
    expect(held.items).toEqual([
      { index: 0, position: 1, issuer: 'Own', label: 'alice' },
      { index: 1, position: 2, issuer: 'Victim', label: 'bob', from: 'victim.example' },
    ]);
    expect(held.sites).toEqual(['evil.example']);
    expect(JSON.stringify(held)).not.toContain('GEZDGNBVGY3TQOJQ');
    const done = await s.call({ type: 'qr.confirm', scanId: held.scanId, keep: [{ index: 0 }, { index: 1 }] });
    expect(done.added).toHaveLength(2);
    expect(await s.sitesOf()).toEqual({ Own: ['evil.example'], Victim: [] });
  });

  it('review: the user may bind another site’s code on purpose (bind: true) or leave the page’s own unbound (bind: false)', async () => {
    const s = await scanSetup([
      { text: A, sources: ['https://evil.example/page'] },
      { text: B, sources: ['https://victim.example/qr.png'] },
    ]);
    const held = await s.call({ type: 'qr.scanTab', tabId: 1, add: false });
    await s.call({ type: 'qr.confirm', scanId: held.scanId, keep: [{ index: 0, bind: false }, { index: 1, bind: true }], sites: ['victim.example'] });
    expect(await s.sitesOf()).toEqual({ Own: [], Victim: ['victim.example'] });
    const again = await s.call({ type: 'qr.scanTab', tabId: 1, add: false });
    expect(await s.call({ type: 'qr.confirm', scanId: again.scanId, keep: [{ index: 0, bind: 'yes' }] })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });
});
