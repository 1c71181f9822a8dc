// observe(): at most one call per interval however busy the page, none when nothing relevant
// changes, shadow roots watched on request, and safe to disconnect at any time. Fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { observe } from '../../../lib/autofill/observe';

/** Lets MutationObserver deliver its records (a microtask), then runs due timers. */
async function tick(ms = 0) {
  await Promise.resolve();
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  document.body.innerHTML = '<main id="app"></main>';
});

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

const app = () => document.getElementById('app')!;

describe('observe', () => {
  it('calls back soon after the first change (leading edge)', async () => {
    const onChange = vi.fn();
    const o = observe(onChange, { interval: 250 });
    o.watch(document);
    app().append(document.createElement('form'));
    await tick(0);
    expect(onChange).toHaveBeenCalledTimes(1);
    o.disconnect();
  });

  it('folds a burst of changes into at most one call per 250 ms', async () => {
    const onChange = vi.fn();
    const o = observe(onChange, { interval: 250 });
    o.watch(document);
    // A page mutating every 10 ms for 2 s.
    for (let t = 0; t < 2000; t += 10) {
      app().append(document.createElement('div'));
      await tick(10);
    }
    await tick(300);
    const calls = onChange.mock.calls.length;
    expect(calls).toBeGreaterThanOrEqual(7);
    expect(calls).toBeLessThanOrEqual(9); // 2 s / 250 ms, plus the leading call
    o.disconnect();
  });

  it('runs a trailing call for changes made during the quiet interval', async () => {
    const onChange = vi.fn();
    const o = observe(onChange, { interval: 250 });
    o.watch(document);
    app().append(document.createElement('div'));
    await tick(0);
    app().append(document.createElement('div'));
    await tick(100);
    expect(onChange).toHaveBeenCalledTimes(1);
    await tick(200);
    expect(onChange).toHaveBeenCalledTimes(2);
    o.disconnect();
  });

  it('is quiet when nothing changes: no calls, no timers', async () => {
    const onChange = vi.fn();
    const o = observe(onChange);
    o.watch(document);
    await tick(5000);
    expect(onChange).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    o.disconnect();
  });

  it('ignores text-only changes and the nodes it is told to ignore', async () => {
    const onChange = vi.fn();
    const chip = document.createElement('tessera-chip');
    const o = observe(onChange, { ignore: (n) => n === chip });
    o.watch(document);
    app().textContent = 'Loading… 42%';
    app().append(document.createTextNode('!'));
    document.documentElement.append(chip);
    chip.setAttribute('style', 'top:10px');
    await tick(1000);
    expect(onChange).not.toHaveBeenCalled();
    // An attribute that can reveal a field does count.
    app().setAttribute('class', 'step is-active');
    await tick(0);
    expect(onChange).toHaveBeenCalledTimes(1);
    chip.remove();
    o.disconnect();
  });

  it('sees changes inside a shadow root once asked to watch it', async () => {
    const onChange = vi.fn();
    const o = observe(onChange);
    o.watch(document);
    const root = app().attachShadow({ mode: 'open' });
    await tick(1000);
    onChange.mockClear();
    root.append(document.createElement('input'));
    await tick(1000);
    expect(onChange).not.toHaveBeenCalled();
    o.watch(root);
    o.watch(root); // twice is once
    root.append(document.createElement('input'));
    await tick(0);
    expect(onChange).toHaveBeenCalledTimes(1);
    o.disconnect();
  });

  it('disconnect cancels the pending call, can be called twice, and later watch() does nothing', async () => {
    const onChange = vi.fn();
    const o = observe(onChange, { interval: 250 });
    o.watch(document);
    app().append(document.createElement('div'));
    await tick(0);
    app().append(document.createElement('div'));
    await tick(10); // a trailing call is now pending
    o.disconnect();
    o.disconnect();
    expect(vi.getTimerCount()).toBe(0);
    o.watch(document);
    app().append(document.createElement('div'));
    await tick(1000);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('keeps working after a callback throws', async () => {
    let n = 0;
    const o = observe(() => {
      n++;
      if (n === 1) throw new Error('page broke');
    }, { interval: 50 });
    o.watch(document);
    app().append(document.createElement('div'));
    await expect(tick(0)).rejects.toThrow('page broke');
    app().append(document.createElement('div'));
    await tick(100);
    expect(n).toBe(2);
    o.disconnect();
  });
});
