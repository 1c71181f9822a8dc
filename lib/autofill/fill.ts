// Writes a code into a detected field so that the page's framework sees it, then reads it back.
// - The value goes through HTMLInputElement.prototype's own `value` setter: React (and similar
//   value trackers) define an instance `value` property that records plain assignments, and an
//   input event whose value equals the recorded one is dropped as "no change".
// - Events as typing makes them (UI Events §5.2.4 keydown → input → keyup; HTML's `change` last),
//   bubbling and composed so listeners outside a shadow root hear them.
// - Read back (issue 13): a group's aggregate (the hidden input its form submits) must hold the
//   code; the page's own aggregate is never overwritten, only one the page leaves alone is set.
// - One digit per box for groups. A synthetic paste (Clipboard API §7 ClipboardEvent with a
//   DataTransfer) is tried first on the first box: a synthetic paste has no default action, so it
//   does nothing unless the page handles it (defaultPrevented says it did); pages that spread a
//   pasted code themselves get it in one step, without per-box events racing their focus logic.
import type { Candidate } from './detect';

export interface FillResult {
  /** The page holds the code (read back from the inputs). */
  filled: boolean;
  /** Visible inputs written. */
  fields: number;
}

type View = Window & typeof globalThis;

function viewOf(el: Element): View {
  return el.ownerDocument.defaultView as View;
}

/** Sets the value through the prototype's setter, past any instance-level value tracker. */
export function setValue(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(viewOf(input).HTMLInputElement.prototype, 'value')?.set;
  if (setter) setter.call(input, value);
  else input.value = value;
}

const init = { bubbles: true, cancelable: true, composed: true } as const;

/** Dispatches a key event; false when the page cancelled it (it handles the key itself). */
function key(el: HTMLInputElement, type: 'keydown' | 'keyup', ch: string): boolean {
  return el.dispatchEvent(new (viewOf(el).KeyboardEvent)(type, { ...init, key: ch }));
}

/** Writes `value` and tells the page: input (as typed text), then change. */
function write(el: HTMLInputElement, value: string): void {
  setValue(el, value);
  el.dispatchEvent(new (viewOf(el).InputEvent)('input', { bubbles: true, composed: true, data: value, inputType: 'insertText' }));
  el.dispatchEvent(new (viewOf(el).Event)('change', { bubbles: true, composed: true }));
}

/** Offers `code` as a paste; true when the page took it (called preventDefault). */
export function paste(el: HTMLInputElement, code: string): boolean {
  try {
    const view = viewOf(el);
    const data = new view.DataTransfer();
    data.setData('text/plain', code);
    return !el.dispatchEvent(new view.ClipboardEvent('paste', { ...init, clipboardData: data }));
  } catch {
    // A browser without constructible ClipboardEvent/DataTransfer: type instead.
    return false;
  }
}

/** Types one digit into a box: keydown, the value (unless the page's keydown set it), input, keyup. */
function typeDigit(box: HTMLInputElement, digit: string): void {
  box.focus();
  key(box, 'keydown', digit);
  if (box.value !== digit) write(box, digit);
  key(box, 'keyup', digit);
}

/** Types `code` into one-digit boxes, one digit per box, in order. */
export function typeBoxes(boxes: HTMLInputElement[], code: string): void {
  boxes.forEach((box, i) => typeDigit(box, code[i] ?? ''));
}

/** Lets the page's framework settle (re-renders scheduled as tasks or microtasks). */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function strip(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/**
 * Does the page hold `code` now? For a group with an aggregate (the joined input the form
 * submits), the aggregate decides: boxes that show the code while the page's own value says
 * otherwise are a failed fill (issue 13). Otherwise the boxes, joined, or the single field.
 */
export function landed(c: Candidate, code: string): boolean {
  if (c.joined) return strip(c.joined.value) === code;
  return strip(c.inputs.map((i) => i.value).join('')) === code;
}

/**
 * Writes `code` into the candidate and reports whether it landed. Refuses (fields: 0) a code
 * the field cannot take: a group with another number of boxes, or a maxlength below its length.
 */
export async function fill(c: Candidate, code: string): Promise<FillResult> {
  const first = c.inputs[0];
  if (!first || !/^[0-9A-Za-z]{4,12}$/.test(code)) return { filled: false, fields: 0 };
  if (c.kind === 'split') {
    if (c.inputs.length !== code.length) return { filled: false, fields: 0 };
    const before = c.joined?.value;
    first.focus();
    if (!(paste(first, code) && (await settle(), strip(c.inputs.map((i) => i.value).join('')) === code))) {
      typeBoxes(c.inputs, code);
    }
    await settle();
    // An aggregate the page does not keep itself (it fills it on submit): keep it for the page.
    // One the page keeps is only read back.
    if (c.joined && c.joined.value === before && strip(c.inputs.map((i) => i.value).join('')) === code) write(c.joined, code);
  } else {
    if (first.maxLength > 0 && first.maxLength < code.length) return { filled: false, fields: 0 };
    first.focus();
    key(first, 'keydown', code.slice(-1));
    write(first, code);
    key(first, 'keyup', code.slice(-1));
  }
  await settle();
  return { filled: landed(c, code), fields: c.inputs.length };
}
