// fill(): what the page sees (values, events, order) and what is reported (read back).
// The React-style and paste pages are the fixture pages themselves, scripts running.
import { afterEach, describe, expect, it } from 'vitest';
import { detect, type Candidate } from '../../../lib/autofill/detect';
import { fill, landed, setValue, typeBoxes } from '../../../lib/autofill/fill';
import { loadFixture } from './fixture-page';

afterEach(() => {
  document.body.innerHTML = '';
});

const single = (input: HTMLInputElement): Candidate => ({ kind: 'single', inputs: [input], joined: null, length: null, score: 100, sms: false, app: false });

/** Records the events each element receives, as "id:type". */
function recorder(types = ['focus', 'keydown', 'input', 'keyup', 'change', 'paste']) {
  const log: string[] = [];
  const events: Event[] = [];
  for (const t of types) {
    document.addEventListener(t, (e) => {
      log.push(`${(e.target as Element).id}:${t}`);
      events.push(e);
    }, true);
  }
  return { log, events };
}

describe('single field', () => {
  it('writes through the native setter, then keydown, input, keyup and change, bubbling and composed', async () => {
    document.body.innerHTML = '<input id="f" maxlength="6">';
    const f = document.getElementById('f') as HTMLInputElement;
    const { log, events } = recorder();
    expect(await fill(single(f), '907142')).toEqual({ filled: true, fields: 1 });
    expect(f.value).toBe('907142');
    expect(document.activeElement).toBe(f);
    expect(log).toEqual(['f:focus', 'f:keydown', 'f:input', 'f:change', 'f:keyup']);
    const input = events.find((e) => e.type === 'input') as InputEvent;
    expect(input.bubbles && input.composed).toBe(true);
    expect(input.inputType).toBe('insertText');
    expect(input.data).toBe('907142');
  });

  it('gets past a React-style value tracker where a plain assignment does not', async () => {
    const page = await loadFixture('react-controlled.html');
    try {
      const doc = page.document;
      const input = doc.getElementById('mfa-code') as HTMLInputElement;
      // The plain way: the tracker records the value, drops the event, and the component resets it.
      input.value = '907142';
      input.dispatchEvent(new page.window.Event('input', { bubbles: true }));
      expect(doc.getElementById('result')!.textContent).toBe('');
      expect(input.value).toBe('');
      // The native setter: the component's onChange sees the value.
      expect(await fill(detect(doc)!, '907142')).toEqual({ filled: true, fields: 1 });
      expect(doc.getElementById('result')!.textContent).toBe('907142');
      expect(doc.querySelector('button')!.disabled).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('setValue bypasses an instance-level value property', () => {
    document.body.innerHTML = '<input id="f">';
    const f = document.getElementById('f') as HTMLInputElement;
    let recorded = '';
    Object.defineProperty(f, 'value', { configurable: true, get: () => 'shadowed', set: (v: string) => { recorded = v; } });
    setValue(f, '123456');
    expect(recorded).toBe('');
    expect(Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.get!.call(f)).toBe('123456');
  });

  it('reports a code the page refused (its script clears the field) as not filled', async () => {
    document.body.innerHTML = '<input id="f">';
    const f = document.getElementById('f') as HTMLInputElement;
    f.addEventListener('input', () => { f.value = ''; });
    expect(await fill(single(f), '907142')).toEqual({ filled: false, fields: 1 });
  });

  it('refuses a code longer than the field takes, and anything but a code', async () => {
    document.body.innerHTML = '<input id="f" maxlength="6">';
    const f = document.getElementById('f') as HTMLInputElement;
    expect(await fill(single(f), '90714253')).toEqual({ filled: false, fields: 0 });
    expect(await fill(single(f), '12 34')).toEqual({ filled: false, fields: 0 });
    expect(await fill(single(f), '')).toEqual({ filled: false, fields: 0 });
    expect(f.value).toBe('');
  });

  it('is heard outside a shadow root (composed events)', async () => {
    document.body.innerHTML = '<div id="host"></div>';
    const host = document.getElementById('host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<input id="in">';
    const heard: string[] = [];
    host.addEventListener('input', () => heard.push('input'));
    host.addEventListener('change', () => heard.push('change'));
    await fill(single(root.getElementById('in') as HTMLInputElement), '907142');
    expect(heard).toEqual(['input', 'change']);
  });
});

describe('groups of boxes', () => {
  const group = (html: string) => {
    document.body.innerHTML = html;
    return detect(document)!;
  };

  it('types one digit per box: focus, keydown, input, keyup each, in order', async () => {
    const c = group(`<div>${[1, 2, 3, 4, 5, 6].map((i) => `<input id="b${i}" maxlength="1">`).join('')}</div>`);
    const { log } = recorder(['focus', 'keydown', 'input', 'keyup']);
    expect(await fill(c, '907142')).toEqual({ filled: true, fields: 6 });
    expect(c.inputs.map((b) => b.value).join('')).toBe('907142');
    expect(log.slice(0, 8)).toEqual(['b1:focus', 'b1:keydown', 'b1:input', 'b1:keyup', 'b2:focus', 'b2:keydown', 'b2:input', 'b2:keyup']);
    expect(log.filter((l) => l.endsWith(':input'))).toHaveLength(6);
  });

  it('does not write a box the page already filled from the keydown', async () => {
    const c = group(`<div>${'<input maxlength="1">'.repeat(6)}</div>`);
    let inputs = 0;
    for (const b of c.inputs) {
      b.addEventListener('keydown', (e) => { e.preventDefault(); b.value = e.key; });
      b.addEventListener('input', () => inputs++);
    }
    expect(await fill(c, '907142')).toEqual({ filled: true, fields: 6 });
    expect(inputs).toBe(0);
  });

  it('also sets the joined hidden input', async () => {
    const c = group(`<div>${'<input maxlength="1">'.repeat(6)}<input type="hidden" name="code" id="j"></div>`);
    const seen: string[] = [];
    const j = document.getElementById('j') as HTMLInputElement;
    j.addEventListener('input', () => seen.push(j.value));
    expect(await fill(c, '907142')).toEqual({ filled: true, fields: 6 });
    expect(j.value).toBe('907142');
    expect(seen).toEqual(['907142']);
  });

  it('refuses a code whose length is not the number of boxes', async () => {
    const c = group(`<div>${'<input maxlength="1">'.repeat(6)}</div>`);
    expect(await fill(c, '90714253')).toEqual({ filled: false, fields: 0 });
    expect(c.inputs.every((b) => b.value === '')).toBe(true);
  });

  it('offers a paste first; a page that ignores it gets typed digits', async () => {
    const c = group(`<div>${'<input maxlength="1">'.repeat(6)}</div>`);
    const pasted: string[] = [];
    c.inputs[0]!.addEventListener('paste', (e) => pasted.push((e as ClipboardEvent).clipboardData?.getData('text/plain') ?? ''));
    expect(await fill(c, '907142')).toEqual({ filled: true, fields: 6 });
    expect(pasted).toEqual(['907142']);
  });
});

describe('paste or type: the evidence from the fixtures', () => {
  it('split-paste.html: the page spreads a paste itself, and typing works too', async () => {
    const page = await loadFixture('split-paste.html');
    try {
      const doc = page.document;
      expect(await fill(detect(doc)!, '907142')).toEqual({ filled: true, fields: 6 });
      expect(doc.getElementById('pastes')!.textContent).toBe('1');
      expect(doc.getElementById('result')!.textContent).toBe('907142');
      const c = detect(doc)!;
      typeBoxes(c.inputs, '135790');
      expect(doc.getElementById('result')!.textContent).toBe('135790');
    } finally {
      await page.close();
    }
  });

  it('split-paste-lagging.html: typing in one go misplaces digits, the paste lands', async () => {
    const page = await loadFixture('split-paste-lagging.html');
    try {
      const doc = page.document;
      const c = detect(doc)!;
      typeBoxes(c.inputs, '907142');
      await page.settle();
      expect(landed(c, '907142')).toBe(false);
      expect(doc.getElementById('result')!.textContent).toBe('');
      expect(await fill(c, '907142')).toEqual({ filled: true, fields: 6 });
      expect(doc.getElementById('result')!.textContent).toBe('907142');
    } finally {
      await page.close();
    }
  });
});
