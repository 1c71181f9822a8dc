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
    expect(await agent.handle({ type: 'autofill.detect' })).toEqual({ found: false, kind: null, length: null, score: 0, frameUrl: document.URL, top: true, nonce: expect.stringMatching(/^[0-9a-f]{32}$/) });
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
      { nonce: 'f'.repeat(32), url: document.URL },
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

  it('sits in a closed shadow root on <html>, named for screen readers, and follows the field', async () => {
    const { agent } = start(`<div id="app">${FIELD}</div>`);
    expect(agent.chip.host.parentNode).toBe(document.documentElement);
    expect(agent.chip.host.shadowRoot).toBeNull();
    expect(button(agent).title).toBe('Fill the code');
    expect(button(agent).type).toBe('button');
    document.getElementById('app')!.innerHTML = '';
    agent.refresh();
    expect(agent.chip.host.style.display).toBe('none');
  });

  it('asks the background to fill when clicked', async () => {
    const { agent, sent } = start(FIELD);
    button(agent).click();
    await until(() => sent.length === 2);
    expect(sent[1]).toEqual({ type: 'autofill.request', reason: 'chip' });
  });

  it('shows a picker when several accounts fit, and sends the one picked', async () => {
    const candidates = [{ id: 'a1', issuer: 'Example', label: 'alice' }, { id: 'b2', issuer: 'Example', label: '<b>bob</b>' }];
    const { agent, sent } = start(FIELD, (m) => (m.reason === 'chip' && !m.accountId ? { ok: false, error: { code: 'ambiguous', message: 'Several' }, candidates } : { ok: true, filled: true }));
    button(agent).click();
    await until(() => !!agent.chip.root.querySelector('[role=menu]'));
    const items = [...agent.chip.root.querySelectorAll('[role=menuitem]')] as HTMLButtonElement[];
    expect(items.map((i) => i.textContent)).toEqual(['Example — alice', 'Example — <b>bob</b>']);
    expect(agent.chip.root.querySelector('b')).toBeNull(); // text, never markup
    items[1]!.click();
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
    button(agent).click();
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
    agent.chip.root.querySelector('button')!.click();
    await new Promise((r) => setTimeout(r, 10));
    expect(send).toHaveBeenCalledTimes(2);
  });
});
