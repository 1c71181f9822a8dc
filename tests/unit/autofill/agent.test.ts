// The content script's logic with a fake background: answers to autofill.detect / write /
// notice, the once-per-field automatic request, the chip and its account picker.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAgent, type Agent } from '../../../lib/autofill/agent';
import type { FillRequest, FillRequestAnswer } from '../../../lib/autofill/protocol';
import { THRESHOLD } from '../../../lib/autofill/score';

const FIELD = '<label for="otp">Authentication code</label><input id="otp" autocomplete="one-time-code" maxlength="6">';

let agent: Agent | undefined;
afterEach(() => {
  agent?.stop();
  agent = undefined;
  document.body.innerHTML = '';
});

function start(html: string, answer: (msg: FillRequest) => FillRequestAnswer | undefined = () => ({ ok: true, filled: false })) {
  document.body.innerHTML = html;
  const sent: FillRequest[] = [];
  agent = startAgent(document, {
    send: async (msg) => {
      sent.push(msg);
      return answer(msg);
    },
    title: 'Fill the code',
    pickTitle: 'Choose an account',
    interval: 10,
  });
  return { agent, sent };
}

/**
 * A click as a person makes it on a chip that can be seen (issue 11 point 6: the chip acts only
 * on those). happy-dom has no layout, no computed opacity and no trusted events, so the browser's
 * answers are stood in for: isTrusted, the host's computed style, and what is hit at a point.
 */
function userClick(el: HTMLElement, o: { trusted?: boolean; opacity?: string; filter?: string; maskImage?: string; hit?: 'host' | 'page' } = {}): void {
  const host = document.querySelector('tessera-chip')!;
  const computed = window.getComputedStyle.bind(window);
  const style = vi.spyOn(window, 'getComputedStyle').mockImplementation((node, pseudo) =>
    node === host ? ({ opacity: o.opacity ?? '1', filter: o.filter ?? 'none', maskImage: o.maskImage ?? 'none' } as CSSStyleDeclaration) : computed(node, pseudo));
  const hit = vi.spyOn(document, 'elementFromPoint').mockImplementation(() => (o.hit === 'page' ? document.body : host));
  const e = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, detail: 1 });
  Object.defineProperty(e, 'isTrusted', { value: o.trusted ?? true });
  try {
    el.dispatchEvent(e);
  } finally {
    style.mockRestore();
    hit.mockRestore();
  }
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('answers to the background', () => {
  it('autofill.detect describes the field of this frame', async () => {
    const { agent } = start(FIELD);
    const answer = await agent.handle({ type: 'autofill.detect' });
    expect(answer).toMatchObject({ found: true, kind: 'single', length: 6, frameUrl: document.URL, top: true });
    expect((answer as { score: number }).score).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it('autofill.detect on a page without a field', async () => {
    const { agent } = start('<input type="email" name="email">');
    expect(await agent.handle({ type: 'autofill.detect' })).toEqual({ found: false, kind: null, length: null, score: 0, frameUrl: document.URL, top: true, nonce: expect.stringMatching(/^\S{8,}$/) });
  });

  it('autofill.write fills and reads back', async () => {
    const { agent } = start(FIELD);
    const { nonce } = (await agent.handle({ type: 'autofill.detect' })) as { nonce: string };
    expect(await agent.handle({ type: 'autofill.write', code: '907142', nonce, url: document.URL })).toEqual({ filled: true, fields: 1 });
    expect((document.getElementById('otp') as HTMLInputElement).value).toBe('907142');
  });

  it('autofill.write with no field writes nothing', async () => {
    const { agent } = start('<input name="q">');
    const { nonce } = (await agent.handle({ type: 'autofill.detect' })) as { nonce: string };
    expect(await agent.handle({ type: 'autofill.write', code: '907142', nonce, url: document.URL })).toEqual({ filled: false, fields: 0 });
  });

  it('autofill.write for another document (its nonce) or another URL writes nothing (issue 11 point 7)', async () => {
    const { agent } = start(FIELD);
    const { nonce } = (await agent.handle({ type: 'autofill.detect' })) as { nonce: string };
    const field = document.getElementById('otp') as HTMLInputElement;
    for (const wrong of [
      { nonce: '0.123456789', url: document.URL },
      { nonce, url: 'https://other.example/' },
      { url: document.URL },
      { nonce },
      {},
    ]) {
      expect(await agent.handle({ type: 'autofill.write', code: '907142', ...wrong })).toEqual({ filled: false, fields: 0 });
      expect(field.value).toBe('');
    }
    // Each document draws its own.
    const other = startAgent(document, { send: async () => undefined, title: 't', pickTitle: 'p' });
    expect(((await other.handle({ type: 'autofill.detect' })) as { nonce: string }).nonce).not.toBe(nonce);
    other.stop();
  });

  it('leaves other messages alone', () => {
    const { agent } = start(FIELD);
    expect(agent.handle({ type: 'qr.scan' })).toBeUndefined();
    expect(agent.handle({ type: 'autofill.write' })).toBeUndefined();
    expect(agent.handle(null)).toBeUndefined();
    expect(agent.handle('autofill.detect')).toBeUndefined();
  });
});

describe('automatic fill requests', () => {
  it('asks once per field, not on every detection', async () => {
    const { agent, sent } = start(FIELD);
    agent.refresh();
    await agent.handle({ type: 'autofill.detect' });
    expect(sent).toEqual([{ type: 'autofill.request', reason: 'auto' }]);
  });

  it('asks for a field rendered later (observer), and again for a new field', async () => {
    const { sent } = start('<div id="app">Loading…</div>');
    expect(sent).toEqual([]);
    document.getElementById('app')!.innerHTML = FIELD;
    await until(() => sent.length === 1);
    expect(sent).toEqual([{ type: 'autofill.request', reason: 'auto' }]);
    document.getElementById('app')!.innerHTML = FIELD; // re-rendered: a new element
    await until(() => sent.length === 2);
    expect(sent).toHaveLength(2);
  });

  it('never asks on a page without a field', async () => {
    const { sent } = start('<input type="password" autocomplete="current-password">');
    document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toEqual([]);
  });
});

describe('the chip', () => {
  const button = (a: Agent) => a.chip.root.querySelector('button')!;

  it('sits in a closed shadow root right after its field (next in the tab order), named for screen readers, and follows the field', async () => {
    const { agent } = start(`<div id="app">${FIELD}<button id="next">Verify</button></div>`);
    // Between the field and the page's next control: Tab from the field reaches the chip first.
    expect(agent.chip.host.previousElementSibling?.localName).toBe('input');
    expect(agent.chip.host.nextElementSibling?.id).toBe('next');
    expect(agent.chip.host.shadowRoot).toBeNull();
    expect(button(agent).title).toBe('Fill the code');
    expect(button(agent).type).toBe('button');
    document.getElementById('app')!.innerHTML = '';
    agent.refresh();
    expect(agent.chip.host.style.display).toBe('none');
  });

  it('asks the background to fill when clicked', async () => {
    const { agent, sent } = start(FIELD);
    userClick(button(agent));
    await until(() => sent.length === 2);
    expect(sent[1]).toEqual({ type: 'autofill.request', reason: 'chip' });
  });

  // Issue 11 point 6: a page that hides, dims or covers the chip (or clicks it by script) gets nothing.
  it.each([
    ['a click made by a script (not trusted)', { trusted: false }],
    ['a chip made transparent', { opacity: '0' }],
    ['a chip made nearly transparent', { opacity: '0.01' }],
    ['a chip filtered away', { filter: 'opacity(0)' }],
    ['a chip masked away', { maskImage: 'linear-gradient(transparent, transparent)' }],
    ['a chip covered by the page at its centre', { hit: 'page' as const }],
  ])('ignores %s', async (_, o) => {
    const { agent, sent } = start(FIELD);
    await until(() => sent.length === 1); // the automatic request, asked once per field
    userClick(button(agent), o);
    button(agent).click(); // and a plain scripted click
    await new Promise((r) => setTimeout(r, 20));
    expect(sent.map((m) => m.reason)).toEqual(['auto']);
  });

  it('keeps its own look whatever the page says: the host style is inline and !important', () => {
    const { agent } = start(FIELD);
    const host = agent.chip.host;
    expect(host.getAttribute('style')).toMatch(/all:\s*initial\s*!important/);
    expect(host.style.getPropertyPriority('display')).toBe('important');
  });

  it('shows a picker when several accounts fit, and sends the one picked', async () => {
    const candidates = [{ id: 'a1', issuer: 'Example', label: 'alice' }, { id: 'b2', issuer: 'Example', label: '<b>bob</b>' }];
    const { agent, sent } = start(FIELD, (m) => (m.reason === 'chip' && !m.accountId ? { ok: false, error: { code: 'ambiguous', message: 'Several' }, candidates } : { ok: true, filled: true }));
    userClick(button(agent));
    await until(() => !!agent.chip.root.querySelector('[role=menu]'));
    const items = [...agent.chip.root.querySelectorAll('[role=menuitem]')] as HTMLButtonElement[];
    expect(items.map((i) => i.textContent)).toEqual(['Example — alice', 'Example — <b>bob</b>']);
    expect(agent.chip.root.querySelector('b')).toBeNull(); // text, never markup
    items[0]!.click(); // a scripted click on an item picks nothing
    await new Promise((r) => setTimeout(r, 10));
    expect(sent).toHaveLength(2);
    userClick(items[1]!);
    await until(() => sent.length === 3);
    expect(sent[2]).toEqual({ type: 'autofill.request', reason: 'chip', accountId: 'b2' });
    expect(agent.chip.root.querySelector('[role=menu]')).toBeNull();
  });

  it('closes the picker with Escape', async () => {
    const { agent } = start(FIELD);
    agent.chip.pick([{ id: 'a1', issuer: 'Example', label: 'alice' }]);
    const menu = agent.chip.root.querySelector('[role=menu]')!;
    menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(agent.chip.root.querySelector('[role=menu]')).toBeNull();
  });

  it('shows the background’s message when there is nothing to fill with', async () => {
    const { agent } = start(FIELD, (m) => (m.reason === 'chip' ? { ok: false, error: { code: 'no-account-for-site', message: 'No account is bound to this site.' } } : undefined));
    userClick(button(agent));
    await until(() => button(agent).title !== 'Fill the code');
    expect(button(agent).title).toBe('No account is bound to this site.');
    expect(button(agent).dataset.state).toBe('error');
  });

  it('does not open a picker for the automatic request', async () => {
    const { agent, sent } = start(FIELD, () => ({ ok: false, error: { code: 'ambiguous' }, candidates: [{ id: 'a', issuer: 'X', label: 'y' }] }));
    await until(() => sent.length === 1);
    await new Promise((r) => setTimeout(r, 10));
    expect(agent.chip.root.querySelector('[role=menu]')).toBeNull();
  });

  it('shows a notice from another trigger (shortcut, context menu)', () => {
    const { agent } = start(FIELD);
    expect(agent.handle({ type: 'autofill.notice', code: 'ambiguous', candidates: [{ id: 'a', issuer: 'X', label: 'y' }] })).toBeUndefined();
    expect(agent.chip.root.querySelectorAll('[role=menuitem]')).toHaveLength(1);
    agent.handle({ type: 'autofill.notice', code: 'locked', message: 'Tessera is locked.' });
    expect(button(agent).title).toBe('Tessera is locked.');
  });

  it('stop() removes the chip and stops watching the page', async () => {
    const { agent, sent } = start('<div id="app"></div>');
    agent.stop();
    expect(agent.chip.host.isConnected).toBe(false);
    document.getElementById('app')!.innerHTML = FIELD;
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toEqual([]);
  });
});

describe('send failures', () => {
  it('a background that is gone (extension reloaded) is not an error', async () => {
    document.body.innerHTML = FIELD;
    const send = vi.fn(async () => {
      throw new Error('Extension context invalidated.');
    });
    agent = startAgent(document, { send, title: 't', pickTitle: 'p' });
    userClick(agent.chip.root.querySelector('button')!);
    await new Promise((r) => setTimeout(r, 10));
    expect(send).toHaveBeenCalledTimes(2);
  });
});
