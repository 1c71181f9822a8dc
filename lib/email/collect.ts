// What the on-demand mail reader (entrypoints/mail-reader.ts) takes from a webmail tab: the
// messages on screen, list rows and open messages alike, each with its text and its time strings
// (lib/email/detect.ts reads them in the background). Works on the structure webmail shares
// rather than on one site's class names: a message row or an open message is the innermost
// row-like element (tr, [role=row|option|listitem|article], li, article) that shows a time.
import type { MailItem } from './detect';

const ROWS = 'tr, [role="row"], [role="option"], [role="listitem"], [role="article"], li, article, [data-message-id], [data-convid]';
/** An open message's container. */
const MESSAGE = '[role="listitem"], [role="article"], article, [data-message-id], [role="main"], [role="document"]';
/** Times are read from these attributes first (Gmail: title; Outlook: title/aria-label; <time datetime>). */
const TIME_ATTRS = ['datetime', 'title', 'aria-label', 'data-time'];
const TIME_TEXT = /^(?:(?:午前|午後)\s*)?\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?$|^\d{1,3}\s*(?:min(?:ute)?s?|分|hours?|時間)\s*(?:ago|前)$|^(?:just now|たった今)$|^\d{4}[/年-]\d{1,2}[/月-]\d{1,2}日?(?:\s*\(.\))?\s*(?:午前|午後)?\s*\d{1,2}:\d{2}$/i;
const MAX_TEXT = 4_000;
const MAX_ITEMS = 200;

function timesIn(el: Element): string[] {
  const out: string[] = [];
  for (const t of el.querySelectorAll('time, [title], [data-time], [aria-label]')) {
    for (const a of TIME_ATTRS) {
      const v = t.getAttribute(a);
      // Only short attribute values that hold a time of day: an aria-label with the whole row is left.
      if (v && v.length <= 60 && /\d:\d\d|ago|前|今/.test(v)) out.push(v);
    }
  }
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const v = (n.textContent ?? '').trim().replace(/\s*\(.*\)$/, '');
    if (v && v.length <= 40 && TIME_TEXT.test(v)) out.push(v);
  }
  return out;
}

const textOf = (el: Element) => ((el as HTMLElement).innerText ?? el.textContent ?? '').replace(/[ \t]+/g, ' ').slice(0, MAX_TEXT);

/** The messages shown in a document. */
export function collectMail(doc: Document): MailItem[] {
  const rows = [...doc.querySelectorAll(ROWS)];
  const timed = new Map<Element, string[]>();
  for (const r of rows) {
    const times = timesIn(r);
    if (times.length) timed.set(r, times);
  }
  // The innermost timed rows: a list's <table> holds every row's time, a row only its own.
  const inner = [...timed.keys()].filter((el) => ![...timed.keys()].some((o) => o !== el && el.contains(o)));
  const items: MailItem[] = [];
  const seen = new Set<Element>();
  for (const el of inner) {
    // An open message shows its time in a header row (Gmail: a <tr> in a table above the body):
    // its text is that of the message container around it, when that holds no other timed row.
    const box = el.parentElement?.closest(MESSAGE);
    const whole = box && inner.filter((o) => box.contains(o)).length === 1 ? box : el;
    if (seen.has(whole)) continue;
    seen.add(whole);
    items.push({ text: textOf(whole), times: timed.get(el)! });
    if (items.length >= MAX_ITEMS) break;
  }
  return items;
}
