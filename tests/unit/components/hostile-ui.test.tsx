// Issue 11's UI in happy-dom with Preact: the scan review shows where a code of another site came
// from and binds it only when ticked (point 1); the popup's question before filling an unbound
// site (point 3), in English and Japanese, keyboard first.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { send } from '../../../lib/messages/client';
import { setLang } from '../../../lib/i18n/i18n';
import { ScanReview, type ScanAnswer } from '../../../components/qr/ScanReview';
import { FillConfirm } from '../../../components/popup/FillConfirm';

vi.mock('../../../lib/messages/client', () => ({ send: vi.fn() }));
const sendMock = vi.mocked(send);

let host: HTMLElement;
beforeEach(() => {
  setLang('en');
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
  sendMock.mockReset();
});

describe('ScanReview: where a code came from', () => {
  const scan: ScanAnswer = {
    scanId: 's1',
    found: [{ kind: 'otpauth', accounts: [{ issuer: 'Own', label: 'alice' }] }, { kind: 'otpauth', accounts: [{ issuer: 'Victim', label: 'bob' }] }],
    items: [{ index: 0, issuer: 'Own', label: 'alice' }, { index: 1, issuer: 'Victim', label: 'bob', from: 'victim.example' }, { index: 2, issuer: 'Mixed', label: 'carol', from: null }],
    sites: ['evil.example'],
    missingBatches: [],
  };

  it('says which site a code came from, leaves it unticked, and sends bind per item', async () => {
    sendMock.mockResolvedValue({ ok: true, added: [{}, {}, {}], duplicates: 0 } as never);
    await act(() => render(<ScanReview scan={scan} onDone={() => undefined} onCancel={() => undefined} />, host));
    const victim = host.querySelector('[data-scan-from="victim.example"]')!;
    expect(victim.textContent).toContain('Read from an image of victim.example, not from this page’s site');
    const box = victim.querySelector('input[type=checkbox]') as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(host.querySelector('[data-scan-from=""]')!.textContent).toContain('where it came from is unknown');
    expect(host.querySelector('[data-scan-item="0"] [data-scan-from]')).toBeNull();
    await act(() => (host.querySelector('form') as HTMLFormElement).requestSubmit());
    expect(sendMock).toHaveBeenCalledWith(expect.objectContaining({
      type: 'qr.confirm',
      keep: [{ index: 0, issuer: 'Own', label: 'alice', bind: true }, { index: 1, issuer: 'Victim', label: 'bob', bind: false }, { index: 2, issuer: 'Mixed', label: 'carol', bind: false }],
      sites: ['evil.example'],
    }));
  });

  it('binds another site’s code when the user ticks it', async () => {
    sendMock.mockResolvedValue({ ok: true, added: [{}], duplicates: 0 } as never);
    await act(() => render(<ScanReview scan={scan} onDone={() => undefined} onCancel={() => undefined} />, host));
    const box = host.querySelector('[data-scan-from="victim.example"] input[type=checkbox]') as HTMLInputElement;
    await act(() => box.click());
    await act(() => (host.querySelector('form') as HTMLFormElement).requestSubmit());
    expect(sendMock.mock.calls[0]![0]).toMatchObject({ keep: expect.arrayContaining([{ index: 1, issuer: 'Victim', label: 'bob', bind: true }]) });
  });
});

describe('FillConfirm: fill anyway / fill and bind / cancel', () => {
  it('names the account and the site, takes the focus, and Escape cancels', async () => {
    const chosen: string[] = [];
    await act(() => render(<FillConfirm name="Bank" site="bank-login.example" onChoose={(c) => chosen.push(c)} />, host));
    const dialog = host.querySelector('[role=alertdialog]') as HTMLElement;
    expect(dialog.querySelector('h2')!.textContent).toBe('Bank is not bound to bank-login.example');
    const buttons = [...dialog.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toEqual(['Fill anyway', 'Fill and bind to bank-login.example', 'Cancel']);
    expect(document.activeElement).toBe(dialog.querySelector('button'));
    await act(() => void dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await act(() => (dialog.querySelectorAll('button')[1] as HTMLButtonElement).click());
    expect(chosen).toEqual(['cancel', 'bind']);
  });

  it('speaks Japanese', async () => {
    setLang('ja');
    await act(() => render(<FillConfirm name="Bank" site="bank-login.example" onChoose={() => undefined} />, host));
    expect(host.querySelector('h2')!.textContent).toBe('Bank は bank-login.example に紐付いていません');
    expect([...host.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['このまま入力', '入力して bank-login.example に紐付ける', 'キャンセル']);
  });
});
