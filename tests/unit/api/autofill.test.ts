import { describe, expect, it } from 'vitest';
import type { FrameDetection, TabsPort } from '../../../lib/api/autofill';
import { makeApi } from './context';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** A tab with frames whose content scripts answer detect and record writes. */
function fakeTab(frames: Array<{ frameId: number; url: string; found: boolean; score?: number }>, tabUrl = frames[0]!.url) {
  const writes: Array<{ frameId: number; code: string }> = [];
  const port: TabsPort = {
    tabUrl: async (tabId) => (tabId === 1 ? tabUrl : null),
    frames: async () => frames.map(({ frameId, url }) => ({ frameId, url })),
    send: async <T,>(_tab: number, frameId: number, msg: Record<string, unknown>) => {
      const f = frames.find((x) => x.frameId === frameId)!;
      if (msg.type === 'autofill.detect') {
        const d: FrameDetection = { found: f.found, kind: f.found ? 'single' : null, length: 6, score: f.score ?? 10, frameUrl: f.url, top: frameId === 0, nonce: `N${frameId}` };
        return d as T;
      }
      writes.push({ frameId, code: String(msg.code) });
      return { filled: true, fields: 1 } as T;
    },
  };
  return { port, writes };
}

async function setup(frames: Parameters<typeof fakeTab>[0]) {
  const api = await makeApi();
  const tab = fakeTab(frames);
  api.ctx.services = { tabs: tab.port };
  const add = async (label: string, site?: string, type = 'totp') =>
    (await api.call({ type: 'accounts.import', text: `otpauth://${type}/Site:${label}?secret=${SECRET}&issuer=Site`, ...(site ? { site } : {}) })).added[0].id as string;
  return { ...api, ...tab, add };
}

describe('autofill.fill: choosing the account and the frame', () => {
  it('fills the one account bound to the tab’s registrable domain', async () => {
    const { call, add, writes } = await setup([{ frameId: 0, url: 'https://login.example.com/2fa', found: true }]);
    const id = await add('alice', 'example.com');
    await add('other', 'other.org');
    const r = await call({ type: 'autofill.fill', tabId: 1 });
    expect(r).toEqual({ ok: true, filled: true, accountId: id, fields: 1, source: 'account' });
    expect(writes).toEqual([{ frameId: 0, code: expect.stringMatching(/^\d{6}$/) }]);
  });

  it('never fills silently: no bound account, or several (with candidates)', async () => {
    const { call, add } = await setup([{ frameId: 0, url: 'https://example.com/', found: true }]);
    expect(await call({ type: 'autofill.fill', tabId: 1 })).toMatchObject({ ok: false, error: { code: 'no-account-for-site' } });
    await add('alice', 'example.com');
    await add('bob', 'example.com');
    const r = await call({ type: 'autofill.fill', tabId: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'ambiguous', message: expect.stringContaining('alice') } });
    expect(r.candidates.map((c: { label: string }) => c.label).sort()).toEqual(['alice', 'bob']);
  });

  it('uses an explicit account anywhere in the top frame, and advances HOTP', async () => {
    const { call, add, writes } = await setup([{ frameId: 0, url: 'https://unbound.example/', found: true }]);
    const id = await add('h', undefined, 'hotp');
    expect(await call({ type: 'autofill.fill', tabId: 1, accountId: id })).toMatchObject({ ok: true, filled: true });
    expect(writes[0]!.code).toBe('755224'); // RFC 4226, count 0
    expect((await call({ type: 'accounts.list' })).accounts[0].counter).toBe(1);
  });

  it('does not fill a cross-site frame for an account not bound to that frame’s site', async () => {
    const frames = [
      { frameId: 0, url: 'https://shop.example.com/', found: false },
      { frameId: 7, url: 'https://idp.other.net/otp', found: true },
    ];
    const { call, add, writes } = await setup(frames);
    const id = await add('alice', 'example.com');
    expect(await call({ type: 'autofill.fill', tabId: 1, accountId: id })).toMatchObject({ ok: false, error: { code: 'no-account-for-site' } });
    expect(writes).toEqual([]);
    await call({ type: 'accounts.update', id, sites: ['example.com', 'other.net'] });
    expect(await call({ type: 'autofill.fill', tabId: 1 })).toMatchObject({ ok: true, filled: true });
    expect(writes).toEqual([{ frameId: 7, code: expect.any(String) }]);
  });

  it('answers no-otp-field and not-found', async () => {
    const { call, add } = await setup([{ frameId: 0, url: 'https://example.com/', found: false }]);
    await add('alice', 'example.com');
    expect(await call({ type: 'autofill.fill', tabId: 1 })).toMatchObject({ ok: false, error: { code: 'no-otp-field' } });
    expect(await call({ type: 'autofill.fill', tabId: 99 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call({ type: 'autofill.fill' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('popup.use fills when the tab has a field, and otherwise returns the code to copy', async () => {
    const { call, add } = await setup([{ frameId: 0, url: 'https://example.com/', found: false }]);
    const id = await add('alice');
    expect(await call({ type: 'popup.use', id, tabId: 1 })).toMatchObject({ ok: true, action: 'copied', code: expect.stringMatching(/^\d{6}$/) });
  });
});

describe('autofill.request from a content script', async () => {
  const { autofillRequest } = await import('../../../lib/api/content');
  const sender = { id: 'ext', url: 'https://example.com/2fa', tab: { id: 1, url: 'https://example.com/2fa' }, frameId: 0 };

  it('fills on a chip click, and refuses an account not bound to the site', async () => {
    const s = await setup([{ frameId: 0, url: 'https://example.com/2fa', found: true }]);
    const bound = await s.add('alice', 'example.com');
    const other = await s.add('elsewhere', 'other.org');
    expect(await autofillRequest({ type: 'autofill.request', reason: 'chip' }, sender, s.ctx)).toMatchObject({ ok: true, filled: true, accountId: bound });
    expect(await autofillRequest({ type: 'autofill.request', reason: 'chip', accountId: other }, sender, s.ctx)).toMatchObject({ ok: false, error: { code: 'no-account-for-site' } });
    expect(s.writes).toHaveLength(1);
  });

  it('fills automatically only when the user allowed it', async () => {
    const s = await setup([{ frameId: 0, url: 'https://example.com/2fa', found: true }]);
    await s.add('alice', 'example.com');
    expect(await autofillRequest({ type: 'autofill.request', reason: 'auto' }, sender, s.ctx)).toMatchObject({ ok: true, filled: false });
    expect(s.writes).toHaveLength(0);
    await s.ctx.settings.set({ autoFill: true });
    expect(await autofillRequest({ type: 'autofill.request', reason: 'auto' }, sender, s.ctx)).toMatchObject({ ok: true, filled: true });
  });

  it('says locked while the vault is locked', async () => {
    const s = await setup([{ frameId: 0, url: 'https://example.com/2fa', found: true }]);
    await s.call({ type: 'vault.lock' });
    expect(await autofillRequest({ type: 'autofill.request', reason: 'chip' }, sender, s.ctx)).toMatchObject({ ok: false, error: { code: 'locked' } });
  });
});

describe('names and counters', () => {
  it('a cross-site frame is never told which accounts the tab’s site has', async () => {
    const { call, add } = await setup([
      { frameId: 0, url: 'https://shop.example.com/', found: false },
      { frameId: 9, url: 'https://ads.evil.test/frame', found: true },
    ]);
    await add('alice', 'example.com');
    await add('bob', 'example.com');
    const r = await call({ type: 'autofill.fill', tabId: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'no-account-for-site' } });
    expect(JSON.stringify(r)).not.toMatch(/alice|bob/);
  });

  it('popup.use copies the very code it tried to fill when the fill did not land (HOTP moves once)', async () => {
    const api = await makeApi();
    const writes: string[] = [];
    api.ctx.services = {
      tabs: {
        tabUrl: async () => 'https://example.com/',
        frames: async () => [{ frameId: 0, url: 'https://example.com/' }],
        send: async <T,>(_t: number, _f: number, msg: Record<string, unknown>) =>
          (msg.type === 'autofill.detect'
            ? { found: true, kind: 'single', length: 6, score: 90, frameUrl: 'https://example.com/', top: true }
            : (writes.push(String(msg.code)), { filled: false, fields: 0 })) as T,
      } satisfies TabsPort,
    };
    const { added } = await api.call({ type: 'accounts.import', text: `otpauth://hotp/H:x?secret=${SECRET}&counter=0` });
    // Not bound to example.com: the popup asked first and the user chose "fill anyway" (issue 11).
    const r = await api.call({ type: 'popup.use', id: added[0].id, tabId: 1, unbound: 'fill' });
    expect(r).toMatchObject({ ok: true, action: 'copied', code: '755224' });
    expect(writes).toEqual(['755224']);
    expect((await api.call({ type: 'accounts.list' })).accounts[0].counter).toBe(1);
  });
});

describe('automatic fills', async () => {
  const { autofillRequest } = await import('../../../lib/api/content');

  it('are TOTP only, and at most one per page every 30 s however often the field reappears', async () => {
    const s = await setup([{ frameId: 0, url: 'https://bank.example/otp', found: true }]);
    const sender = { id: 'ext', url: 'https://bank.example/otp', tab: { id: 1, url: 'https://bank.example/otp' }, frameId: 0 };
    await s.ctx.settings.set({ autoFill: true });
    await s.add('counter', 'bank.example', 'hotp');
    expect(await autofillRequest({ type: 'autofill.request', reason: 'auto' }, sender, s.ctx)).toMatchObject({ ok: false, error: { code: 'no-account-for-site' } });
    expect(s.writes).toEqual([]);
    s.clock.now += 31_000;
    await s.add('time', 'bank.example');
    expect(await autofillRequest({ type: 'autofill.request', reason: 'auto' }, sender, s.ctx)).toMatchObject({ ok: true, filled: true });
    expect(await autofillRequest({ type: 'autofill.request', reason: 'auto' }, sender, s.ctx)).toMatchObject({ ok: true, filled: false, skipped: 'too-soon' });
    s.clock.now += 31_000;
    expect(await autofillRequest({ type: 'autofill.request', reason: 'auto' }, sender, s.ctx)).toMatchObject({ ok: true, filled: true });
    expect(s.writes).toHaveLength(2);
  });
});

describe('the frame’s site is the browser’s word, not the page’s', () => {
  it('a cross-site frame claiming the tab’s URL is still a cross-site frame', async () => {
    const frames = [
      { frameId: 0, url: 'https://shop.example.com/', found: false },
      { frameId: 5, url: 'https://ads.evil.test/frame', found: true },
    ];
    const api = await makeApi();
    const writes: number[] = [];
    api.ctx.services = {
      tabs: {
        tabUrl: async () => 'https://shop.example.com/',
        frames: async () => frames.map(({ frameId, url }) => ({ frameId, url })),
        send: async <T,>(_t: number, frameId: number, msg: Record<string, unknown>) => {
          const f = frames.find((x) => x.frameId === frameId)!;
          if (msg.type === 'autofill.detect') return { found: f.found, kind: 'single', length: 6, score: 90, frameUrl: 'https://shop.example.com/', top: false } as T;
          writes.push(frameId);
          return { filled: true, fields: 1 } as T;
        },
      } satisfies TabsPort,
    };
    await api.call({ type: 'accounts.import', text: `otpauth://totp/S:a?secret=${SECRET}`, site: 'example.com' });
    expect(await api.call({ type: 'autofill.fill', tabId: 1 })).toMatchObject({ ok: false, error: { code: 'no-account-for-site' } });
    expect(writes).toEqual([]);
  });
});

describe('the write goes to the document that was checked', () => {
  it('passes the frame’s document id with the detect and the write', async () => {
    const api = await makeApi();
    const sent: Array<[string, string | undefined]> = [];
    api.ctx.services = {
      tabs: {
        tabUrl: async () => 'https://example.com/',
        frames: async () => [{ frameId: 0, url: 'https://example.com/', documentId: 'DOC-1' }],
        send: async <T,>(_t: number, _f: number, msg: Record<string, unknown>, documentId?: string) => {
          sent.push([String(msg.type), documentId]);
          return (msg.type === 'autofill.detect' ? { found: true, kind: 'single', length: 6, score: 90, frameUrl: '', top: true } : { filled: true, fields: 1 }) as T;
        },
      } satisfies TabsPort,
    };
    await api.call({ type: 'accounts.import', text: `otpauth://totp/S:a?secret=${SECRET}`, site: 'example.com' });
    expect(await api.call({ type: 'autofill.fill', tabId: 1 })).toMatchObject({ ok: true, filled: true });
    expect(sent).toEqual([['autofill.detect', 'DOC-1'], ['autofill.write', 'DOC-1']]);
  });
});
