// The popup's masked code (components/CodeText, Settings.hideCodes): the stable hook keeps the
// digits, the visible text is masked until the row is activated, and masks itself again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { CodeText, HideCodes, MASK, REVEAL_MS } from '../../../components/CodeText';
import { applySettings, DEFAULT_SETTINGS } from '../../../lib/settings/settings';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

const row = (hide: boolean, code = '123456') => (
  <HideCodes.Provider value={hide}>
    <ul><li data-account-id="a1" tabIndex={0}><span>GitHub</span><CodeText code={code} /></li></ul>
  </HideCodes.Provider>
);

describe('hideCodes setting', () => {
  it('is off by default and takes booleans only', () => {
    expect(DEFAULT_SETTINGS.hideCodes).toBe(false);
    expect(applySettings(DEFAULT_SETTINGS, { hideCodes: true }).hideCodes).toBe(true);
    expect(applySettings({ ...DEFAULT_SETTINGS, hideCodes: true }, { hideCodes: 'no' }).hideCodes).toBe(true);
    expect(applySettings({ ...DEFAULT_SETTINGS, hideCodes: true }, { autoFill: true }).hideCodes).toBe(true);
  });
});

describe('CodeText', () => {
  it('shows grouped digits when codes are not hidden', () => {
    act(() => render(row(false), root));
    const el = root.querySelector('[data-code]')!;
    expect(el.getAttribute('data-code')).toBe('123456');
    expect(el.textContent).toBe('123 456');
    expect(el.hasAttribute('data-masked')).toBe(false);
  });

  it('masks the digits but keeps data-code, reveals on click and on Enter, then masks again', () => {
    vi.useFakeTimers();
    act(() => render(row(true), root));
    const el = root.querySelector('[data-code]')!;
    const li = root.querySelector('li')!;
    expect(el.getAttribute('data-code')).toBe('123456');
    expect(el.getAttribute('data-masked')).toBe('true');
    expect(el.textContent).toContain(MASK);
    expect(el.textContent).not.toContain('123');

    act(() => void li.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    expect(el.textContent).toBe('123 456');
    act(() => void vi.advanceTimersByTime(REVEAL_MS + 10));
    expect(el.textContent).toContain(MASK);

    // Another key does not reveal; Enter does.
    act(() => void li.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true })));
    expect(el.textContent).toContain(MASK);
    act(() => void li.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(el.textContent).toBe('123 456');
  });
});
