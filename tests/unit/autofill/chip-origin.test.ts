// The chip says where a click's code comes from when the field asks for a code sent by e-mail
// (issue 15: "from email, 2 min ago"): the agent asks the background (autofill.offer, which
// answers the mail's arrival time, never the code) when the field appears and again when the user
// points at or focuses the chip; the label ages, and goes when the mail is gone or too old.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OFFER_ASK_MS, startAgent, type Agent } from '../../../lib/autofill/agent';
import type { FillRequest, FillRequestAnswer, OfferAnswer } from '../../../lib/autofill/protocol';
import { emailAge } from '../../../lib/clock/format';
import { setLang } from '../../../lib/i18n/i18n';

const FIELD = '<p>We’ve emailed a 6-digit code to a•••@example.com.</p><label for="otp">Verification code</label><input id="otp" autocomplete="one-time-code" maxlength="6">';
const T0 = Date.UTC(2026, 11, 5, 9, 0, 0);
const label = (m: number) => (m === 0 ? 'from email, just now' : `from email, ${m} min ago`);

let agent: Agent | undefined;
afterEach(() => {
  agent?.stop();
  agent = undefined;
  document.body.innerHTML = '';
  setLang('en');
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

function start(offer: () => OfferAnswer | undefined, send: (m: FillRequest) => FillRequestAnswer | undefined = () => ({ ok: true, filled: true, source: 'email' })) {
  document.body.innerHTML = FIELD;
  const clock = { now: T0 };
  const asked: string[] = [];
  agent = startAgent(document, {
    send: async (m) => send(m),
    offer: async (m) => (asked.push(m.type), offer()),
    emailLabel: label,
    now: () => clock.now,
    title: 'Fill the code',
    pickTitle: 'Choose an account',
    interval: 10,
  });
  const button = agent.chip.root.querySelector('button')!;
  return { agent, button, clock, asked };
}

describe('the chip and an e-mailed code', () => {
  it('says "from email, N min ago" before its title, with the @ mark, when the background offers a mail', async () => {
    const { button, asked } = start(() => ({ ok: true, source: 'email', receivedAt: T0 - 2 * 60_000 - 5_000 }));
    await until(() => button.title !== 'Fill the code');
    expect(button.title).toBe('from email, 2 min ago — Fill the code');
    // The accessible name says it too (the "@" mark's generated content must not replace it).
    expect(button.getAttribute('aria-label')).toBe('from email, 2 min ago — Fill the code');
    expect(button.dataset.source).toBe('email');
    expect(asked).toEqual(['autofill.offer']);
  });

  it('keeps the plain title when nothing is offered (an account’s code)', async () => {
    const { button, asked } = start(() => ({ ok: true, source: null }));
    await until(() => asked.length > 0);
    await new Promise((r) => setTimeout(r, 20));
    expect(button.title).toBe('Fill the code');
    expect(button.dataset.source).toBeUndefined();
  });

  it('shows only the age: a code in the answer never reaches the chip', async () => {
    const { button } = start(() => ({ ok: true, source: 'email', receivedAt: T0, code: '538201' }) as OfferAnswer);
    await until(() => button.title !== 'Fill the code');
    expect(button.title).toBe('from email, just now — Fill the code');
    expect(agent!.chip.root.textContent).not.toContain('538201');
  });

  it('asks again when the user points at the chip (the mail may come after the page), at most every 5 s', async () => {
    let answer: OfferAnswer = { ok: true, source: null };
    const { button, clock, asked } = start(() => answer);
    await until(() => asked.length === 1);
    answer = { ok: true, source: 'email', receivedAt: T0 + 30_000 };
    clock.now = T0 + 40_000;
    button.dispatchEvent(new Event('pointerenter'));
    await until(() => button.title !== 'Fill the code');
    expect(button.title).toBe('from email, just now — Fill the code');
    expect(asked).toHaveLength(2);
    // Pointed at again within 5 s: the background is not asked again.
    clock.now += OFFER_ASK_MS - 1;
    button.dispatchEvent(new Event('pointerenter'));
    expect(asked).toHaveLength(2);
    // Minutes later, focus: the label has aged at once (from what is known), and the background is asked.
    clock.now = T0 + 30_000 + 3 * 60_000;
    button.dispatchEvent(new Event('focus'));
    expect(button.title).toBe('from email, 3 min ago — Fill the code');
    expect(asked).toHaveLength(3);
  });

  it('drops the label once the mail is older than the 10-minute window', async () => {
    const { button, clock } = start(() => ({ ok: true, source: 'email', receivedAt: T0 - 60_000 }));
    await until(() => button.dataset.source === 'email');
    expect(button.title).toBe('from email, 1 min ago — Fill the code');
    // The background (asked again on hover) would no longer offer it either.
    clock.now = T0 + 11 * 60_000;
    button.dispatchEvent(new Event('focus'));
    await until(() => button.dataset.source === undefined);
    expect(button.title).toBe('Fill the code');
  });

  it('a click answered no-email-code (the mail tab was closed) drops the label and says why', async () => {
    const { button } = start(
      () => ({ ok: true, source: 'email', receivedAt: T0 }),
      (m) => (m.reason === 'chip' ? { ok: false, error: { code: 'no-email-code', message: 'No recent code in your open webmail tabs.' } } : { ok: true, filled: false }),
    );
    await until(() => button.dataset.source === 'email');
    const host = document.querySelector('tessera-chip')!;
    const style = vi.spyOn(window, 'getComputedStyle').mockImplementation(() => ({ opacity: '1', filter: 'none', maskImage: 'none' }) as CSSStyleDeclaration);
    const hit = vi.spyOn(document, 'elementFromPoint').mockImplementation(() => host);
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    Object.defineProperty(click, 'isTrusted', { value: true });
    button.dispatchEvent(click);
    style.mockRestore();
    hit.mockRestore();
    await until(() => button.dataset.state === 'error');
    expect(button.title).toBe('No recent code in your open webmail tabs.');
    expect(button.dataset.source).toBeUndefined();
  });

  it('never asks without a way to say it (no emailLabel), as before issue 15', async () => {
    document.body.innerHTML = FIELD;
    const offer = vi.fn(async () => ({ ok: true, source: 'email', receivedAt: T0 }) as OfferAnswer);
    agent = startAgent(document, { send: async () => ({ ok: true, filled: false }), offer, title: 't', pickTitle: 'p', interval: 10 });
    await new Promise((r) => setTimeout(r, 20));
    expect(offer).not.toHaveBeenCalled();
  });
});

describe('the chip’s words are the popup’s', () => {
  const messages = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
  /** browser.i18n.getMessage with one substitution, as the engine calls it. */
  const getMessage = (lang: string, key: string, sub?: string) => {
    const m = messages(lang)[key]!;
    let text = m.message;
    for (const [name, p] of Object.entries(m.placeholders ?? {})) text = text.replaceAll(`$${name.toUpperCase()}$`, p.content);
    return text.replace('$1', sub ?? '');
  };
  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: chipEmailNow / chipEmailAgo say what emailAge says in the popup`, () => {
      setLang(lang);
      expect(getMessage(lang, 'chipEmailNow')).toBe(emailAge(T0 - 20_000, T0));
      expect(getMessage(lang, 'chipEmailAgo', '2')).toBe(emailAge(T0 - 2 * 60_000 - 5_000, T0));
      expect(getMessage(lang, 'chipEmailAgo', '9')).toBe(emailAge(T0 - 9 * 60_000, T0));
    });
  }
});
