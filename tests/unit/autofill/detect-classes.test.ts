// Issue 13's failure classes as classes, on small generated documents (not the fixture pages):
// each shape of per-digit group, closed shadow roots, weak-signal single fields, and the traps.
import { afterEach, describe, expect, it } from 'vitest';
import { detect } from '../../../lib/autofill/detect';
import { fill } from '../../../lib/autofill/fill';

const page = (html: string) => {
  document.body.innerHTML = html;
  return document;
};
const six = (f: (i: number) => string) => Array.from({ length: 6 }, (_, i) => `<input ${f(i)}>`).join('');
const CTX = '<h2>Two-factor authentication</h2><p>Enter the code from your authenticator app.</p>';

afterEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

describe('per-digit groups without maxlength', () => {
  it.each([
    ['numbered ids and "1-6" labels', (i: number) => `id="ci-otpCode-${i}" type="tel" aria-label="${i + 1}-6"`],
    ['numbered names', (i: number) => `name="code[${i}]" inputmode="numeric"`],
    ['"Digit N" labels', (i: number) => `aria-label="Digit ${i + 1}" class="d"`],
    ['type=number boxes with max=9', (i: number) => `type="number" name="_tfa${i + 1}" min="0" max="9"`],
    ['one-time-code on every box', () => 'autocomplete="one-time-code" class="pin"'],
    ['narrow boxes, nothing else', () => 'class="box" style="width:40px"'],
    ['size=1 boxes', () => 'size="1" class="ant-otp-input"'],
    ['boxes one of which carries an extra framework class', (i: number) => `type="number" class="two-step-code form-control w-50px${i === 0 ? ' first-input' : ''}" style="width:50px"`],
  ])('%s form a group of six', (_name, attrs) => {
    const found = detect(page(`${CTX}<div class="row">${six(attrs)}</div>`));
    expect(found).toMatchObject({ kind: 'split', length: 6 });
    expect(found!.inputs).toHaveLength(6);
  });

  it('a component’s lead box (maxlength = boxes, one-time-code) starts the group; the hidden input aggregates', async () => {
    page(`${CTX}<div role="group">${six((i) => (i === 0 ? 'maxlength="6" autocomplete="one-time-code" aria-label="Character 1 of 6"' : `aria-label="Character ${i + 1} of 6"`))}<input type="hidden" name="otp"></div>`);
    const found = detect(document)!;
    expect(found).toMatchObject({ kind: 'split', length: 6 });
    expect(found.joined?.name).toBe('otp');
    const hidden = found.joined!;
    const boxes = found.inputs;
    // A page that aggregates its boxes into the hidden input: the read-back looks there.
    for (const b of boxes) b.addEventListener('input', () => { hidden.value = boxes.map((x) => x.value).join(''); });
    expect(await fill(found, '123456')).toEqual({ filled: true, fields: 6 });
    expect(boxes.map((b) => b.value).join('')).toBe('123456');
    expect(hidden.value).toBe('123456');
  });

  it('reports a failed fill when the page’s own aggregate does not hold the code, and never overwrites it', async () => {
    page(`${CTX}<div>${six(() => 'maxlength="1" inputmode="numeric"')}<input type="hidden" name="otp"></div>`);
    const found = detect(document)!;
    const hidden = found.joined!;
    // A page whose aggregate drops the last digit (a bug of its own): the boxes look right, the form would submit 5 digits.
    for (const b of found.inputs) b.addEventListener('input', () => { hidden.value = found.inputs.slice(0, 5).map((x) => x.value).join(''); });
    expect(await fill(found, '123456')).toEqual({ filled: false, fields: 6 });
    expect(hidden.value).toBe('12345');
    // An aggregate the page leaves alone is set for it.
    page(`${CTX}<div>${six(() => 'maxlength="1" inputmode="numeric"')}<input type="hidden" name="code"></div>`);
    const quiet = detect(document)!;
    expect(await fill(quiet, '654321')).toEqual({ filled: true, fields: 6 });
    expect(quiet.joined!.value).toBe('654321');
  });

  it('plain wide fields in a row, a 4×4 card number and 3-part phones are no group', () => {
    expect(detect(page(`<form>${six((i) => `name="answer${i + 1}" class="form-control"`)}</form>`))).toBeNull();
    expect(detect(page('<fieldset><legend>Card number</legend><input name="cc1" maxlength="4"><input name="cc2" maxlength="4"><input name="cc3" maxlength="4"><input name="cc4" maxlength="4"></fieldset>'))).toBeNull();
    expect(detect(page('<label>Phone</label><input name="p1" maxlength="3" size="3"><input name="p2" maxlength="3" size="3"><input name="p3" maxlength="4" size="4">'))).toBeNull();
  });

  it('typing lands one digit per type=number box', async () => {
    page(`${CTX}<div>${six((i) => `type="number" name="_tfa${i + 1}" min="0" max="9"`)}</div>`);
    const found = detect(document)!;
    expect(await fill(found, '907142')).toEqual({ filled: true, fields: 6 });
    expect(found.inputs.map((b) => b.value)).toEqual(['9', '0', '7', '1', '4', '2']);
  });
});

describe('closed shadow roots', () => {
  it('are searched through shadowOf, for custom elements only', () => {
    page('<mfa-code></mfa-code><div id="plain"></div>');
    const host = document.querySelector('mfa-code')!;
    const root = host.attachShadow({ mode: 'closed' });
    root.innerHTML = '<label>Authenticator code <input autocomplete="one-time-code" maxlength="6"></label>';
    expect(detect(document)).toBeNull();
    const asked: string[] = [];
    const shadowOf = (el: Element) => {
      asked.push(el.localName);
      return el === host ? root : null;
    };
    expect(detect(document, { shadowOf })?.inputs[0]?.getRootNode()).toBe(root);
    expect(asked).toEqual(['mfa-code']);
  });
});

describe('weak signals and page purpose', () => {
  it('a heading about the app and a sample-code placeholder are enough', () => {
    expect(detect(page('<h1>Check your app</h1><p>Open your two-factor app.</p><input placeholder="123456">'))?.kind).toBe('single');
    expect(detect(page('<h1>Welcome</h1><input placeholder="123456">'))).toBeNull();
  });

  it('an item-code filter on a search page, a gift card’s PIN and a new PIN are not one-time codes', () => {
    expect(detect(page('<form role="search"><input type="search" name="q"></form><label for="i">Item code</label><input id="i" maxlength="6" inputmode="numeric" placeholder="123456">'))).toBeNull();
    expect(detect(page('<form role="search"><input type="search"></form><label for="i">Filter</label><input id="i" name="filter" maxlength="6" placeholder="123456">'))).toBeNull();
    expect(detect(page('<form><label for="g">Gift card number</label><input id="g" name="cardNumber"><label for="p">PIN</label><input id="p" name="pin" maxlength="8" inputmode="numeric"></form>'))).toBeNull();
    expect(detect(page(`<div aria-label="Create your PIN">${six(() => 'type="password" maxlength="1" inputmode="numeric"')}</div>`))).toBeNull();
    expect(detect(page('<p>Enter the code shown on your TV screen.</p><input name="code" maxlength="8" placeholder="Enter code">'))).toBeNull();
  });

  it('a code field still wins on a search page when it says what it is', () => {
    expect(detect(page('<form role="search"><input type="search" name="q"></form><label for="o">Authentication code</label><input id="o" autocomplete="one-time-code">'))?.inputs[0]?.id).toBe('o');
  });
});
