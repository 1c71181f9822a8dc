// Issue 13 in the background: the channel a page names for its code (not-app-code, no-email-code
// without an explicit account), and the site of an about:blank / about:srcdoc frame (its origin).
import { describe, expect, it } from 'vitest';
import { frameSite, type FrameDetection, type TabsPort } from '../../../lib/api/autofill';
import type { ChannelHint } from '../../../lib/autofill/channel';
import { makeApi } from './context';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

interface Frame { frameId: number; url: string; origin?: string; hint?: ChannelHint }

async function setup(frames: Frame[], tabUrl = frames[0]!.url) {
  const api = await makeApi();
  const writes: Array<{ frameId: number; code: string }> = [];
  const injected: Array<number | undefined> = [];
  const port: TabsPort = {
    tabUrl: async () => tabUrl,
    frames: async () => frames.map(({ frameId, url, origin }) => ({ frameId, url, origin })),
    send: async <T,>(_tab: number, frameId: number, msg: Record<string, unknown>) => {
      const f = frames.find((x) => x.frameId === frameId)!;
      if (msg.type === 'autofill.detect') {
        const found = frameId === frames[frames.length - 1]!.frameId;
        const d: FrameDetection = { found, kind: found ? 'single' : null, length: 6, score: 80, frameUrl: f.url, top: frameId === 0, nonce: `n${frameId}`, ...(f.hint && { hint: f.hint }) };
        return d as T;
      }
      writes.push({ frameId, code: String(msg.code) });
      return { filled: true, fields: 1 } as T;
    },
    inject: async (_tab, frameId) => {
      injected.push(frameId);
    },
  };
  api.ctx.services = { tabs: port };
  const add = async (label: string, site?: string) =>
    (await api.call({ type: 'accounts.import', text: `otpauth://totp/Site:${label}?secret=${SECRET}&issuer=Site`, ...(site ? { site } : {}) })).added[0].id as string;
  return { ...api, writes, injected, add };
}

const page = (text: string): ChannelHint => ({ own: 'verification code', near: '', page: text });

describe('autofill.fill and the channel the page names', () => {
  it('answers not-app-code on a page whose code comes by SMS or call, and fills when the account is named', async () => {
    for (const text of ['We texted a code to (•••) •••-1234.', 'SMSで送信された認証コードを入力', 'We’re calling you now: enter the code you hear.']) {
      const { call, add, writes } = await setup([{ frameId: 0, url: 'https://example.com/verify', hint: page(text) }]);
      const id = await add('alice', 'example.com');
      expect(await call({ type: 'autofill.fill', tabId: 1 }), text).toMatchObject({ ok: false, error: { code: 'not-app-code', message: expect.stringContaining('text message') } });
      expect(writes).toEqual([]);
      expect(await call({ type: 'autofill.fill', tabId: 1, accountId: id })).toMatchObject({ ok: true, filled: true });
    }
  });

  it('answers no-email-code on a page whose code was e-mailed (e-mail codes are not read yet)', async () => {
    const { call, add, writes } = await setup([{ frameId: 0, url: 'https://example.com/verify', hint: page('We’ve sent a 6-digit code to a•••@example.com.') }]);
    await add('alice', 'example.com');
    expect(await call({ type: 'autofill.fill', tabId: 1 })).toMatchObject({ ok: false, error: { code: 'no-email-code' } });
    expect(writes).toEqual([]);
  });

  it('fills an authenticator page, even one that offers a text message as an alternative', async () => {
    const hint = { own: 'totp pin', near: 'get a verification code from the google authenticator app', page: 'Didn’t get it? We can text you.' };
    const { call, add, writes, injected } = await setup([{ frameId: 0, url: 'https://example.com/verify', hint }]);
    await add('alice', 'example.com');
    expect(await call({ type: 'autofill.fill', tabId: 1 })).toMatchObject({ ok: true, filled: true });
    expect(writes).toHaveLength(1);
    // The detector was injected into every frame first (it runs only where the sentinel asked).
    expect(injected).toEqual([undefined]);
  });
});

describe('the site of a frame without a URL of its own', () => {
  it('is its origin’s for about:srcdoc / about:blank, none for an opaque origin, the URL’s otherwise', () => {
    expect(frameSite('about:srcdoc', 'https://login.example.com')).toBe('example.com');
    expect(frameSite('about:blank', 'https://idp.other.net')).toBe('other.net');
    expect(frameSite('about:srcdoc', 'null')).toBeNull();
    expect(frameSite('about:blank')).toBeNull();
    expect(frameSite('https://a.example.com/x', 'https://evil.test')).toBe('example.com');
  });

  it('fills an about:srcdoc frame of the tab’s own site, and never one created by another site', async () => {
    const same = await setup([{ frameId: 0, url: 'https://shop.example.com/' }, { frameId: 3, url: 'about:srcdoc', origin: 'https://shop.example.com' }]);
    await same.add('alice', 'example.com');
    expect(await same.call({ type: 'autofill.fill', tabId: 1 })).toMatchObject({ ok: true, filled: true });
    expect(same.writes).toEqual([{ frameId: 3, code: expect.stringMatching(/^\d{6}$/) }]);

    const cross = await setup([{ frameId: 0, url: 'https://shop.example.com/' }, { frameId: 4, url: 'about:blank', origin: 'https://ads.other.net' }]);
    const id = await cross.add('alice', 'example.com');
    expect(await cross.call({ type: 'autofill.fill', tabId: 1 })).toMatchObject({ ok: false, error: { code: 'no-account-for-site' } });
    expect(await cross.call({ type: 'autofill.fill', tabId: 1, accountId: id })).toMatchObject({ ok: false, error: { code: 'no-account-for-site' } });
    const sandboxed = await setup([{ frameId: 0, url: 'https://shop.example.com/' }, { frameId: 5, url: 'about:srcdoc', origin: 'null' }]);
    await sandboxed.add('alice', 'example.com');
    expect(await sandboxed.call({ type: 'autofill.fill', tabId: 1 })).toMatchObject({ ok: false, error: { code: 'no-account-for-site' } });
    expect([...cross.writes, ...sandboxed.writes]).toEqual([]);
  });
});

describe('autofill.engine from the sentinel', () => {
  it('injects the detector into the asking frame only, and refuses a sender without a tab', async () => {
    const { autofillEngine } = await import('../../../lib/api/content');
    const { ctx, injected } = await setup([{ frameId: 0, url: 'https://example.com/' }]);
    expect(await autofillEngine({ type: 'autofill.engine' }, { tab: { id: 1 }, frameId: 9 } as never, ctx)).toEqual({ ok: true });
    expect(injected).toEqual([9]);
    expect(await autofillEngine({ type: 'autofill.engine' }, {} as never, ctx)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(injected).toEqual([9]);
  });
});
