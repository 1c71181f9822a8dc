// lib/autofill/sentinel.ts: the always-injected script asks for the detector once a frame has a
// field (an input, or a custom element that may hide one in its shadow root), and never otherwise.
import { afterEach, describe, expect, it } from 'vitest';
import { whenFields } from '../../../lib/autofill/sentinel';

const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('whenFields', () => {
  it('fires at once when the page has an input or a custom element, and only once', async () => {
    document.body.innerHTML = '<p>text</p><input>';
    let n = 0;
    whenFields(document, () => n++);
    document.body.append(document.createElement('input'));
    await tick();
    expect(n).toBe(1);
    document.body.innerHTML = '<x-login></x-login>';
    let m = 0;
    whenFields(document, () => m++);
    expect(m).toBe(1);
  });

  it('waits for a field rendered late, ignores other changes and its own chip, and can be stopped', async () => {
    document.body.innerHTML = '<main><p>Loading…</p></main>';
    let n = 0;
    const stop = whenFields(document, () => n++);
    document.body.append(document.createElement('div'), document.createElement('tessera-chip'));
    await tick();
    expect(n).toBe(0);
    const form = document.createElement('form');
    form.innerHTML = '<label>Code <input></label>';
    document.querySelector('main')!.append(form);
    await tick();
    expect(n).toBe(1);
    stop();

    let m = 0;
    const stop2 = whenFields(document.implementation.createHTMLDocument(''), () => m++);
    stop2();
    expect(m).toBe(0);
  });
});
