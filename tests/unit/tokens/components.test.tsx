// The token components (components/tokens) rendered with Preact into happy-dom, talking to a
// fake background through a mocked send() (lib/messages/client). The fake answers the API
// messages with the lib/tokens functions, as the real background does.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { send } from '../../../lib/messages/client';
import { parseTokenPaste } from '../../../lib/tokens/parse';
import { planTokenAdd } from '../../../lib/tokens/plan';
import { oldestUnused, remaining, tokenView, usedTokenIds, type TokenRecord } from '../../../lib/tokens/view';
import { TokenList } from '../../../components/tokens/TokenList';
import { TokenPaste } from '../../../components/tokens/TokenPaste';
import { TokensSection } from '../../../components/tokens/TokensSection';

vi.mock('../../../lib/messages/client', () => ({ send: vi.fn() }));
const sendMock = vi.mocked(send);

/** A minimal background: one vault's tokens and used marks, in memory. */
class FakeBackground {
  tokens: TokenRecord[] = [];
  used = new Map<string, number>();
  services = new Map<string, string>();
  log: Array<Record<string, unknown>> = [];
  private next = 1;
  now = 1_700_000_000_000;

  add(accountId: string, values: string[]): void {
    for (const value of values) this.tokens.push({ id: `t${this.next++}`, accountId, value, addedAt: this.now++ });
  }
  of(accountId: string) {
    return this.tokens.filter((t) => t.accountId === accountId);
  }
  handle = async (msg: { type: string; [k: string]: unknown }): Promise<any> => {
    this.log.push(msg);
    const accountId = String(msg.accountId ?? '');
    switch (msg.type) {
      case 'accounts.list':
        return { ok: true, accounts: [
          { id: 'acc1', type: 'totp', issuer: 'Example', label: 'alice', algorithm: 'SHA1', digits: 6, period: 30, counter: null, sites: [], tokensRemaining: remaining(this.of('acc1'), this.used) },
          ...[...this.services].map(([name, id]) => ({ id, type: 'tokens', issuer: name, label: '', algorithm: 'SHA1', digits: 6, period: null, counter: null, sites: [], tokensRemaining: remaining(this.of(id), this.used) })),
        ] };
      case 'settings.get':
        return { ok: true, settings: { lowTokenThreshold: 2 } };
      case 'tokens.list':
        return { ok: true, tokens: tokenView(this.of(accountId), this.used), remaining: remaining(this.of(accountId), this.used) };
      case 'tokens.add': {
        let id = accountId;
        if (!id) {
          const name = String(msg.service);
          id = this.services.get(name) ?? `svc-${name}`;
          this.services.set(name, id);
        }
        const plan = planTokenAdd(this.of(id).map((t) => t.value), parseTokenPaste(String(msg.text)));
        this.add(id, plan.accept.map((a) => a.value));
        return { ok: true, accountId: id, added: plan.accept.length, duplicates: plan.duplicates, rejected: plan.rejected, remaining: remaining(this.of(id), this.used) };
      }
      case 'tokens.copy': {
        const tk = msg.tokenId ? this.of(accountId).find((t) => t.id === msg.tokenId) : oldestUnused(this.of(accountId), this.used);
        if (!tk) return { ok: false, error: { code: 'none-left', message: 'none left' } };
        if (!this.used.has(tk.id)) this.used.set(tk.id, this.now);
        return { ok: true, value: tk.value, tokenId: tk.id };
      }
      case 'tokens.reveal': {
        const tk = this.of(accountId).find((t) => t.id === msg.tokenId);
        return tk ? { ok: true, value: tk.value } : { ok: false, error: { code: 'not-found', message: 'not found' } };
      }
      case 'tokens.clearUsed': {
        const gone = new Set(usedTokenIds(this.of(accountId), this.used));
        this.tokens = this.tokens.filter((t) => !gone.has(t.id));
        return { ok: true, cleared: gone.size, remaining: remaining(this.of(accountId), this.used) };
      }
    }
    return { ok: false, error: { code: 'internal', message: `unexpected ${msg.type}` } };
  };
}

let root: HTMLDivElement;
let bg: FakeBackground;
let clipboard: string[];

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  bg = new FakeBackground();
  sendMock.mockImplementation(bg.handle as typeof send);
  clipboard = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: vi.fn(async (s: string) => void clipboard.push(s)) },
  });
});

afterEach(async () => {
  await act(() => render(null, root));
  root.remove();
  sendMock.mockReset();
});

/** Lets pending sends resolve and Preact re-render. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(() => new Promise<void>((r) => setTimeout(r, 0)));
}
async function mount(node: ComponentChild): Promise<void> {
  await act(() => render(node, root));
  await settle();
}
async function type(el: HTMLTextAreaElement | HTMLInputElement, text: string): Promise<void> {
  el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}
async function click(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error('nothing to click');
  (el as HTMLElement).click();
  await settle();
}
const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel);
const buttonNamed = (text: string, scope: ParentNode = root) =>
  [...scope.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);

describe('TokenPaste', () => {
  it('previews the count to add and the problems within the paste, masked', async () => {
    await mount(<TokenPaste accountId="acc1" onAdded={() => {}} />);
    await type($('textarea')!, '1. ab12-cd34-7K2Q\n2. ab12-cd34-7K2Q\n3. ""\n4. short\n5. ' + 'x'.repeat(129));
    expect($('[data-preview-count]')!.getAttribute('data-preview-count')).toBe('2');
    expect($('[data-preview-count]')!.textContent).toContain('2 tokens ready to add.');
    const preview = root.querySelector('.token-preview')!;
    expect(preview.textContent).toContain('••••••••7K2Q');
    expect(preview.textContent).toContain('Token ending in 7 K 2 Q');
    expect(preview.textContent).toContain('Hidden token');
    expect(preview.textContent).not.toContain('ab12-cd34');
    const problems = $('[data-preview-problems]')!;
    expect(problems.getAttribute('data-preview-problems')).toBe('3');
    expect(problems.textContent).toContain('Value 2: duplicate');
    expect(problems.textContent).toContain('Value 3: empty value');
    expect(problems.textContent).toContain('Value 5: longer than 128 characters');
    expect(buttonNamed('Add 2 tokens')).toBeTruthy();
  });

  it('counts the entry\'s known total (used ones included) against the limit of 50', async () => {
    bg.add('acc1', Array.from({ length: 49 }, (_, i) => `old-${i}`));
    bg.used.set('t1', 1);
    await mount(<TokenPaste accountId="acc1" onAdded={() => {}} />);
    await type($('textarea')!, 'n1 n2 n3');
    expect($('[data-preview-count]')!.getAttribute('data-preview-count')).toBe('1');
    expect($('[data-preview-problems]')!.textContent).toContain('Value 2: over the limit');
    expect(root.textContent).toContain('This entry holds 49 of at most 50 tokens.');
  });

  it('sends tokens.add and shows the background\'s per-position answer', async () => {
    bg.add('acc1', ['already-there']);
    const onAdded = vi.fn();
    await mount(<TokenPaste accountId="acc1" onAdded={onAdded} />);
    const text = '- already-there\n- fresh-one\n- fresh-two';
    await type($('textarea')!, text);
    expect(buttonNamed('Add 3 tokens')).toBeTruthy(); // the page cannot know the existing values
    await click(buttonNamed('Add 3 tokens'));
    expect(bg.log.find((m) => m.type === 'tokens.add')).toEqual({ type: 'tokens.add', accountId: 'acc1', text });
    expect($('[data-added]')!.getAttribute('data-added')).toBe('2');
    expect($('[data-added]')!.textContent).toContain('Value 1: duplicate');
    expect(onAdded).toHaveBeenCalledWith('acc1');
    expect($<HTMLTextAreaElement>('textarea')!.value).toBe('');
  });

  it('stops at 50 and lists only the first 20 problems of a long paste', async () => {
    await mount(<TokenPaste accountId="acc1" onAdded={() => {}} />);
    await type($('textarea')!, Array.from({ length: 80 }, (_, i) => `token-${i}`).join('\n'));
    expect($('[data-preview-count]')!.getAttribute('data-preview-count')).toBe('50');
    const problems = $('[data-preview-problems]')!;
    expect(problems.getAttribute('data-preview-problems')).toBe('30');
    expect(problems.querySelectorAll('li')).toHaveLength(21);
    expect(problems.textContent).toContain('Value 51: over the limit');
    expect(problems.textContent).toContain('…and 10 more.');
  });

  it('adds to a named service, and the button waits for an entry or a name', async () => {
    await mount(<TokenPaste service="  " onAdded={() => {}} />);
    await type($('textarea')!, 'abcd1234');
    expect(buttonNamed('Add 1 token')!.hasAttribute('disabled')).toBe(true);
    expect(root.textContent).toContain('Choose an entry or name a service first.');
    await mount(<TokenPaste service="VPN" onAdded={() => {}} />);
    await click(buttonNamed('Add 1 token'));
    expect(bg.log.find((m) => m.type === 'tokens.add')).toMatchObject({ service: 'VPN', text: 'abcd1234' });
  });
});

describe('TokenList', () => {
  beforeEach(() => {
    bg.add('acc1', ['ab12-cd34-AAAA', 'ab12-cd34-BBBB', 'ab12-cd34-CCCC', 'short1']);
    bg.used.set('t4', 1_700_000_500_000);
  });
  const rows = () => [...root.querySelectorAll<HTMLElement>('[data-token-id]')];

  it('renders one row per token with the stable hooks data-token-id and data-used, in order', async () => {
    await mount(<TokenList accountId="acc1" lowThreshold={2} />);
    expect(rows().map((r) => [r.dataset.tokenId, r.dataset.used])).toEqual([
      ['t1', 'false'], ['t2', 'false'], ['t3', 'false'], ['t4', 'true'],
    ]);
    expect(rows()[0]!.textContent).toContain('••••••••AAAA');
    expect(rows()[0]!.textContent).toContain('Unused');
    expect(rows()[3]!.textContent).toContain('Used ');
    expect(root.textContent).toContain('Unused: 3 of 4');
    expect(root.textContent).not.toContain('ab12-cd34');
    expect($('[data-low-tokens]')).toBeNull();
  });

  it('Copy writes the value to the clipboard and the row then shows used', async () => {
    await mount(<TokenList accountId="acc1" lowThreshold={2} />);
    const row = rows()[1]!;
    await click(row.querySelector('button[aria-label^="Copy"]'));
    expect(bg.log.filter((m) => m.type === 'tokens.copy')).toEqual([{ type: 'tokens.copy', accountId: 'acc1', tokenId: 't2' }]);
    expect(clipboard).toEqual(['ab12-cd34-BBBB']);
    expect($('[data-token-id="t2"]')!.dataset.used).toBe('true');
    expect($('[data-token-id="t2"]')!.textContent).not.toContain('Unused');
    expect(root.textContent).toContain('Unused: 2 of 4');
    expect(root.textContent).toContain('Copied. The token is now marked as used.');
    // 2 left with the threshold at 2: the warning shows.
    expect($('[data-low-tokens]')!.textContent).toContain('2 unused left');
  });

  it('Reveal shows the value on an explicit click and does not use the token', async () => {
    await mount(<TokenList accountId="acc1" lowThreshold={2} />);
    expect($('[data-revealed]')).toBeNull();
    await click(rows()[0]!.querySelector('button[aria-label^="Reveal"]'));
    expect(bg.log.filter((m) => m.type === 'tokens.reveal')).toEqual([{ type: 'tokens.reveal', accountId: 'acc1', tokenId: 't1' }]);
    expect(bg.log.some((m) => m.type === 'tokens.copy')).toBe(false);
    expect($('[data-token-id="t1"] [data-revealed]')!.textContent).toBe('ab12-cd34-AAAA');
    expect($('[data-token-id="t1"]')!.dataset.used).toBe('false');
    await click(buttonNamed('Hide', rows()[0]!));
    expect($('[data-revealed]')).toBeNull();
  });

  it('labels masked values and buttons for screen readers, never with the full value', async () => {
    await mount(<TokenList accountId="acc1" lowThreshold={2} />);
    const labels = [...root.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(labels).toContain('Copy Token ending in A A A A and mark it used');
    expect(labels).toContain('Reveal Hidden token');
    expect(root.querySelector('[data-token-id="t1"] .sr-only')!.textContent).toBe('Token ending in A A A A');
    expect(root.innerHTML).not.toContain('ab12-cd34');
  });

  it('clears used tokens after a confirmation; the low warning follows the threshold', async () => {
    await mount(<TokenList accountId="acc1" lowThreshold={3} />);
    expect($('[data-low-tokens]')).not.toBeNull();
    await click(buttonNamed('Clear used tokens'));
    expect(bg.log.some((m) => m.type === 'tokens.clearUsed')).toBe(false);
    expect(root.textContent).toContain('Remove 1 used token from the list?');
    await click(buttonNamed('Clear'));
    expect(bg.log.filter((m) => m.type === 'tokens.clearUsed')).toEqual([{ type: 'tokens.clearUsed', accountId: 'acc1' }]);
    expect(rows().map((r) => r.dataset.tokenId)).toEqual(['t1', 't2', 't3']);
    expect(buttonNamed('Clear used tokens')).toBeUndefined();
  });

  it('says when none are left', async () => {
    for (const id of ['t1', 't2', 't3']) bg.used.set(id, 1);
    await mount(<TokenList accountId="acc1" lowThreshold={0} />);
    expect($('[data-low-tokens]')!.textContent).toContain('No unused emergency tokens are left');
  });
});

describe('TokensSection', () => {
  it('picks an entry from accounts.list, or creates a service entry and then lists its tokens', async () => {
    await mount(<TokensSection />);
    const select = $<HTMLSelectElement>('select')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Choose an entry…', 'Example (alice)', 'New service (tokens only)…']);
    select.value = select.options[2]!.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    await type($<HTMLInputElement>('input')!, 'VPN');
    await type($('textarea')!, '1. vpn-token-0001\n2. vpn-token-0002');
    await click(buttonNamed('Add 2 tokens'));
    expect(bg.log.find((m) => m.type === 'tokens.add')).toMatchObject({ service: 'VPN' });
    expect(root.querySelectorAll('[data-token-id]')).toHaveLength(2);
    expect($<HTMLSelectElement>('select')!.value).toBe('svc-VPN');
    expect(root.textContent).toContain('2 tokens added.');
  });
});
