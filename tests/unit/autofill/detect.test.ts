// detect() on small documents: visibility, box groups, joined inputs, shadow roots, SMS vs app.
import { afterEach, describe, expect, it } from 'vitest';
import { candidates, detect } from '../../../lib/autofill/detect';
import { isVisible, type Measure } from '../../../lib/autofill/visible';

const page = (html: string) => {
  document.body.innerHTML = html;
  return document;
};
const boxes = (n: number, attrs = 'maxlength="1" inputmode="numeric"') => `<input ${attrs}>`.repeat(n);

afterEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

describe('isVisible', () => {
  it('sees through display, visibility, hidden, aria-hidden, inert, zero size, clipping and off-screen styles', () => {
    page(`<style>.gone{display:none}</style>
      <input id="ok">
      <div class="gone"><span><input id="a"></span></div>
      <div style="visibility:hidden"><input id="b"></div>
      <input id="c" hidden>
      <div aria-hidden="true"><input id="d"></div>
      <div inert><input id="e"></div>
      <input id="f" style="width:0;height:0;border:0;padding:0">
      <input id="g" style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)">
      <input id="h" style="position:absolute;left:-9999px">
      <div style="height:0;overflow:hidden"><input id="i"></div>`);
    expect(isVisible(document.getElementById('ok')!)).toBe(true);
    for (const id of 'abcdefghi') expect(isVisible(document.getElementById(id)!), id).toBe(false);
  });

  it('asks the injected measure for size and position', () => {
    page('<input id="x">');
    const x = document.getElementById('x')!;
    const at = (box: ReturnType<Measure>): Measure => () => box;
    expect(isVisible(x, at({ x: 10, y: 10, width: 100, height: 20 }))).toBe(true);
    expect(isVisible(x, at({ x: 10, y: 10, width: 0, height: 20 }))).toBe(false);
    expect(isVisible(x, at({ x: -500, y: 10, width: 100, height: 20 }))).toBe(false);
    expect(isVisible(x, at({ x: 10, y: -200, width: 100, height: 20 }))).toBe(false);
    expect(isVisible(x, at(null))).toBe(true);
  });
});

describe('single fields', () => {
  it('finds nothing on an empty page or a page of unrelated fields', () => {
    expect(detect(page(''))).toBeNull();
    expect(detect(page('<input name="first_name"><input type="email" name="email"><textarea></textarea>'))).toBeNull();
  });

  it('skips disabled, read-only and non-text inputs', () => {
    expect(detect(page('<input name="otp" disabled><input name="otp" readonly><input type="checkbox" name="otp"><input type="hidden" name="otp">'))).toBeNull();
  });

  it('reads labels: label[for], a wrapping label, aria-labelledby, and text before the field', () => {
    for (const html of [
      '<label for="f">Verification code</label><input id="f">',
      '<label>Verification code <input id="f"></label>',
      '<span id="l">Verification code</span><input id="f" aria-labelledby="l">',
      // Text around a field is weaker than its label: with a numeric hint it is enough.
      '<div><h2>Verification code</h2><div><div><input id="f" inputmode="numeric"></div></div></div>',
    ]) {
      expect(detect(page(html))?.inputs[0]?.id, html).toBe('f');
    }
  });

  it('stops reading preceding text at the previous field', () => {
    page('<p>Verification code</p><input name="x1" inputmode="numeric"><input id="f" inputmode="numeric">');
    expect(detect(document)?.inputs[0]?.getAttribute('name')).toBe('x1');
  });

  it('reports the expected length from maxlength or pattern', () => {
    expect(detect(page('<input autocomplete="one-time-code" maxlength="8">'))?.length).toBe(8);
    expect(detect(page('<input autocomplete="one-time-code" pattern="[0-9]{6}">'))?.length).toBe(6);
    expect(detect(page('<input autocomplete="one-time-code">'))?.length).toBeNull();
  });

  it('prefers the authenticator field over the SMS field, whatever the order', () => {
    const sms = '<label for="s">Code sent by SMS</label><input id="s" autocomplete="one-time-code" maxlength="6">';
    const app = '<label for="a">Code from your authenticator app</label><input id="a" autocomplete="one-time-code" maxlength="6">';
    expect(detect(page(`<div>${sms}</div><div>${app}</div>`))?.inputs[0]?.id).toBe('a');
    expect(detect(page(`<div>${app}</div><div>${sms}</div>`))?.inputs[0]?.id).toBe('a');
    // Without an app alternative the SMS field is still the code field.
    expect(detect(page(`<div>${sms}</div>`))?.inputs[0]?.id).toBe('s');
  });

  it('treats "security code" as the CVC when the form takes cards', () => {
    const field = '<label for="sc">Security code</label><input id="sc" inputmode="numeric" maxlength="6">';
    expect(detect(page(`<form>${field}</form>`))?.inputs[0]?.id).toBe('sc');
    expect(detect(page(`<form><input name="cardnumber">${field}</form>`))).toBeNull();
    expect(detect(page(`<form><input autocomplete="cc-exp">${field}</form>`))).toBeNull();
  });
});

describe('groups of one-digit boxes', () => {
  it('groups 4 to 8 adjacent boxes; 3 or 9 are no code', () => {
    for (const n of [4, 5, 6, 7, 8]) {
      const c = detect(page(`<p>Verification code</p><div>${boxes(n)}</div>`));
      expect(c?.kind, `${n}`).toBe('split');
      expect(c?.inputs.length).toBe(n);
      expect(c?.length).toBe(n);
    }
    expect(detect(page(`<p>Verification code</p><div>${boxes(3)}</div>`))).toBeNull();
    expect(detect(page(`<p>Verification code</p><div>${boxes(9)}</div>`))).toBeNull();
  });

  it('joins 3 + 3 boxes across a separator, and boxes wrapped one per element', () => {
    const c = detect(page(`<div><div>${boxes(3)}</div><span>-</span><div>${boxes(3)}</div></div>`));
    expect(c?.kind).toBe('split');
    expect(c?.inputs.length).toBe(6);
    const wrapped = detect(page(`<div>${'<div class="cell"><input maxlength="1"></div>'.repeat(6)}</div>`));
    expect(wrapped?.inputs.length).toBe(6);
  });

  it('keeps separate groups apart and does not join boxes far from each other', () => {
    page(`<section><div><div><div>${boxes(3)}</div></div></div></section><section><div><div><div>${boxes(3)}</div></div></div></section>`);
    expect(detect(document)).toBeNull();
  });

  it('a visible ordinary field between boxes breaks the run', () => {
    page(`<div>${boxes(3)}<input name="other">${boxes(3)}</div>`);
    expect(candidates(document).filter((c) => c.kind === 'split')).toEqual([]);
  });

  it('hidden boxes are not part of the group', () => {
    const c = detect(page(`<div>${boxes(6)}<input maxlength="1" style="display:none"></div>`));
    expect(c?.inputs.length).toBe(6);
  });

  it('finds the hidden input holding the joined code, never the CSRF token', () => {
    page(`<form><input type="hidden" name="csrf_token" value="t"><input type="hidden" name="_token" value="t">
      <div class="boxes">${boxes(6)}<input type="hidden" name="code" id="joined"></div></form>`);
    expect(detect(document)?.joined?.id).toBe('joined');
    page(`<form><input type="hidden" name="authenticity_token"><div class="boxes">${boxes(6)}</div></form>`);
    expect(detect(document)?.joined).toBeNull();
    // Just outside the boxes' container, only an input named for a code is taken.
    page(`<form><div><input type="hidden" name="otp" id="j2"><div class="boxes">${boxes(6)}</div></div></form>`);
    expect(detect(document)?.joined?.id).toBe('j2');
    // A visually hidden text input with autocomplete=one-time-code (for iOS autofill) counts too.
    page(`<div class="boxes">${boxes(6)}<input id="j3" autocomplete="one-time-code" style="position:absolute;width:1px;height:1px;clip:rect(0 0 0 0)"></div>`);
    expect(detect(document)?.joined?.id).toBe('j3');
  });

  it('a group labelled as a phone number or gift card PIN stays out', () => {
    expect(detect(page(`<div role="group" aria-label="Gift card PIN">${boxes(6)}</div>`))).toBeNull();
    expect(detect(page(`<fieldset><legend>Phone number</legend>${boxes(6)}</fieldset>`))).toBeNull();
  });
});

describe('shadow roots', () => {
  it('finds fields in open shadow roots, nested, and reports each root', () => {
    page('<div id="outer"></div>');
    const outer = document.getElementById('outer')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<section><div id="inner"></div></section>';
    const inner = (outer.getElementById('inner') as HTMLElement).attachShadow({ mode: 'open' });
    inner.innerHTML = '<label for="c">Authentication code</label><input id="c" maxlength="6">';
    const seen: ShadowRoot[] = [];
    const c = detect(document, { onShadowRoot: (r) => seen.push(r) });
    expect(c?.inputs[0]).toBe(inner.getElementById('c'));
    expect(seen).toEqual([outer, inner]);
  });

  it('cannot see into closed shadow roots', () => {
    page('<div id="host"></div>');
    const root = document.getElementById('host')!.attachShadow({ mode: 'closed' });
    root.innerHTML = '<input autocomplete="one-time-code">';
    expect(detect(document)).toBeNull();
  });

  it('a field inside a hidden shadow host is hidden', () => {
    page('<div id="host" style="display:none"></div>');
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<input autocomplete="one-time-code">';
    expect(detect(document)).toBeNull();
  });
});
