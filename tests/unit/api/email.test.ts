// autofill.fill with e-mail codes (shared/automation-api.md "Autofill and email codes"): a page
// whose code was e-mailed gets the code of the newest recent message in an open mailbox tab
// (source "email"), only when emailCodes is on and the policy allows it; else no-email-code.
import { describe, expect, it } from 'vitest';
import type { FrameDetection, TabsPort } from '../../../lib/api/autofill';
import type { MailPort } from '../../../lib/api/email';
import type { MailItem } from '../../../lib/email/detect';
import type { ChannelHint } from '../../../lib/autofill/channel';
import { makeApi } from './context';
import { autofillOffer, autofillRequest } from '../../../lib/api/content';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const EMAILED: ChannelHint = { own: 'verification code', near: 'We’ve sent a 6-digit code to a•••@example.com.', page: '' };
const JA_EMAILED: ChannelHint = { own: 'ワンタイムパスワード', near: 'ワンタイムパスワードをメールで送信しました。', page: '' };
const APP: ChannelHint = { own: 'totp', near: 'Enter the code from your authenticator app', page: '' };

async function setup(hint: ChannelHint, items: MailItem[], policy: Record<string, unknown> = {}) {
  const api = await makeApi();
  const writes: string[] = [];
  const reads: string[][] = [];
  const tabs: TabsPort = {
    tabUrl: async () => 'https://example.com/verify',
    frames: async () => [{ frameId: 0, url: 'https://example.com/verify' }],
    send: async <T,>(_t: number, _f: number, msg: Record<string, unknown>) => {
      if (msg.type === 'autofill.detect') return { found: true, kind: 'single', length: 6, score: 80, frameUrl: 'https://example.com/verify', top: true, hint, nonce: 'n0' } satisfies FrameDetection as T;
      writes.push(String(msg.code));
      return { filled: true, fields: 1 } as T;
    },
  };
  const mail: MailPort = {
    read: async (mailboxes) => {
      reads.push(mailboxes);
      return items;
    },
  };
  api.ctx.services = { tabs, mail, policy: { load: async () => policy, current: () => policy } };
  return { ...api, writes, reads };
}

const recent = (api: { clock: { now: number } }, text: string, minutesAgo: number): MailItem => ({ text, times: [new Date(api.clock.now - minutesAgo * 60_000).toISOString()] });

describe('autofill.fill and e-mail codes', () => {
  it('off by default: no-email-code, and no mailbox is read', async () => {
    const api = await setup(EMAILED, []);
    expect(await api.call({ type: 'autofill.fill', tabId: 1 })).toMatchObject({ ok: false, error: { code: 'no-email-code' } });
    expect(api.reads).toEqual([]);
  });

  it('on: fills the newest recent code from the named mailboxes, with source email', async () => {
    const api = await setup(JA_EMAILED, []);
    const items = [recent(api, 'ワンタイムパスワード：111111', 25), recent(api, 'ワンタイムパスワード：538201', 2), recent(api, 'ご注文番号：482100', 1)];
    api.ctx.services!.mail = { read: async (m: string[]) => (api.reads.push(m), items) } satisfies MailPort;
    await api.call({ type: 'settings.set', settings: { emailCodes: { enabled: true, mailboxes: ['mail.yahoo.co.jp', 'https://mail.google.com/'] } } });
    expect(await api.call({ type: 'autofill.fill', tabId: 1 })).toEqual({ ok: true, filled: true, accountId: '', fields: 1, source: 'email' });
    expect(api.writes).toEqual(['538201']);
    expect(api.reads).toEqual([['yahoo.co.jp', 'google.com']]);
  });

  it('on, but no recent mail with a code: no-email-code and nothing written', async () => {
    const api = await setup(EMAILED, []);
    api.ctx.services!.mail = { read: async () => [recent(api, 'Your verification code is 111111', 30)] } satisfies MailPort;
    await api.call({ type: 'settings.set', settings: { emailCodes: { enabled: true, mailboxes: ['google.com'] } } });
    expect(await api.call({ type: 'autofill.fill', tabId: 1 })).toMatchObject({ ok: false, error: { code: 'no-email-code' } });
    expect(api.writes).toEqual([]);
  });

  it('the policy wins: not allowed reads nothing; its mailboxes replace the user’s', async () => {
    const off = await setup(EMAILED, [], { allowEmailCodes: false });
    await off.call({ type: 'settings.set', settings: { emailCodes: { enabled: false, mailboxes: ['google.com'] } } });
    expect(await off.call({ type: 'autofill.fill', tabId: 1 })).toMatchObject({ ok: false, error: { code: 'no-email-code' } });
    expect(off.reads).toEqual([]);
    const fixed = await setup(EMAILED, [], { emailCodeMailboxes: ['corp-mail.example'] });
    fixed.ctx.services!.mail = { read: async (m: string[]) => (fixed.reads.push(m), [recent(fixed, 'Your verification code is 246810', 1)]) } satisfies MailPort;
    await fixed.call({ type: 'settings.set', settings: { emailCodes: { enabled: true, mailboxes: ['corp-mail.example'] } } });
    expect(await fixed.call({ type: 'autofill.fill', tabId: 1 })).toMatchObject({ ok: true, source: 'email' });
    expect(fixed.reads).toEqual([['corp-mail.example']]);
    expect(fixed.writes).toEqual(['246810']);
  });

  it('an authenticator page fills an account (source account) and reads no mailbox; a named account wins over e-mail', async () => {
    const api = await setup(APP, []);
    await api.call({ type: 'settings.set', settings: { emailCodes: { enabled: true, mailboxes: ['google.com'] } } });
    const id = (await api.call({ type: 'accounts.import', text: `otpauth://totp/Site:a?secret=${SECRET}`, site: 'example.com' })).added[0].id;
    expect(await api.call({ type: 'autofill.fill', tabId: 1 })).toMatchObject({ ok: true, source: 'account', accountId: id });
    expect(api.reads).toEqual([]);
    const mailPage = await setup(EMAILED, []);
    const id2 = (await mailPage.call({ type: 'accounts.import', text: `otpauth://totp/Site:a?secret=${SECRET}`, site: 'example.com' })).added[0].id;
    expect(await mailPage.call({ type: 'autofill.fill', tabId: 1, accountId: id2 })).toMatchObject({ ok: true, source: 'account' });
  });
});

describe('the chip’s offer (autofill.offer from the content script) and automatic fills', () => {
  const sender = { id: 'ext', tab: { id: 1, url: 'https://example.com/verify' }, frameId: 0, url: 'https://example.com/verify' };
  const on = { type: 'settings.set', settings: { emailCodes: { enabled: true, mailboxes: ['google.com'] } } };

  it('says source email and when the mail arrived, never the code, and writes nothing', async () => {
    const api = await setup(EMAILED, []);
    const at = api.clock.now - 2 * 60_000;
    api.ctx.services!.mail = { read: async (m: string[]) => (api.reads.push(m), [{ text: 'Your verification code is 246810', times: [new Date(at).toISOString()] }]) } satisfies MailPort;
    await api.call(on);
    const answer = await autofillOffer({ type: 'autofill.offer' }, sender, api.ctx);
    expect(answer).toEqual({ ok: true, source: 'email', receivedAt: at });
    expect(JSON.stringify(answer)).not.toContain('246810');
    expect(api.writes).toEqual([]);
  });

  it('offers nothing, and reads no mailbox, when off, locked, on an app page or on a plain-http page', async () => {
    const off = await setup(EMAILED, [recent({ clock: { now: Date.now() } }, 'Your verification code is 246810', 1)]);
    expect(await autofillOffer({ type: 'autofill.offer' }, sender, off.ctx)).toEqual({ ok: true, source: null });
    expect(off.reads).toEqual([]);

    const app = await setup(APP, []);
    await app.call(on);
    expect(await autofillOffer({ type: 'autofill.offer' }, sender, app.ctx)).toEqual({ ok: true, source: null });
    expect(app.reads).toEqual([]);

    const locked = await setup(EMAILED, []);
    await locked.call(on);
    await locked.call({ type: 'vault.lock' });
    expect(await autofillOffer({ type: 'autofill.offer' }, sender, locked.ctx)).toEqual({ ok: true, source: null });
    expect(locked.reads).toEqual([]);

    const insecure = await setup(EMAILED, []);
    await insecure.call(on);
    insecure.ctx.services!.tabs = { ...(insecure.ctx.services!.tabs as TabsPort), tabUrl: async () => 'http://example.com/verify' };
    expect(await autofillOffer({ type: 'autofill.offer' }, sender, insecure.ctx)).toEqual({ ok: true, source: null });
    expect(insecure.reads).toEqual([]);
    // The popup's email.offer follows the same rule.
    expect(await insecure.call({ type: 'email.offer', tabId: 1 })).toEqual({ ok: true, code: null, receivedAt: null });
  });

  it('an automatic fill on a page that e-mailed its code reads no mailbox and writes no authenticator code', async () => {
    const api = await setup(EMAILED, []);
    await api.call(on);
    await api.call({ type: 'settings.set', settings: { autoFill: true } });
    await api.call({ type: 'accounts.import', text: `otpauth://totp/Site:a?secret=${SECRET}`, site: 'example.com' });
    expect(await autofillRequest({ type: 'autofill.request', reason: 'auto' }, sender, api.ctx)).toMatchObject({ ok: false, error: { code: 'no-email-code' } });
    expect(api.writes).toEqual([]);
    expect(api.reads).toEqual([]);
  });
});
