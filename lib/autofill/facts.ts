// Reads what a page says about an input: its name, id and class, its labels (label[for],
// a wrapping label, aria-labelledby — the HTML and WAI-ARIA "accessible name" sources, cheaply),
// the text just before it, its type and length hints. Output is plain data for score.ts.
import { CARD_CONTEXT, normalise, SAMPLE_CODE } from './keywords';
import type { FieldFacts } from './score';
import { parentOf } from './visible';

/** Text longer than this adds nothing but cost. */
const TEXT_LIMIT = 160;
/** How many ancestors up the text before a field is looked for (framework markup nests deep). */
const CONTEXT_LEVELS = 6;

type Root = Document | ShadowRoot;

const FIELD = 'input:not([type=hidden]),select,textarea';

/** Normalised, NFKC-folded (full-width ＳＭＳ, ２段階), whitespace-collapsed text. */
export function clean(text: string | null | undefined): string {
  return text ? normalise(text.normalize('NFKC')).replace(/\s+/g, ' ').trim() : '';
}

/** The text of the elements named by an ID-reference list (aria-labelledby, aria-describedby). */
export function byIds(root: Root, ids: string | null): string {
  if (!ids) return '';
  return ids.split(/\s+/).map((id) => root.getElementById(id)?.textContent ?? '').join(' ');
}

/** The texts of the labels of `input`: label[for] and a wrapping label (HTML `labels`), aria-labelledby. */
export function labelText(input: HTMLInputElement): string {
  const parts = Array.from(input.labels ?? [], (l) => l.textContent ?? '');
  parts.push(byIds(input.getRootNode() as Root, input.getAttribute('aria-labelledby')));
  return parts.join(' ').slice(0, TEXT_LIMIT * 2);
}

/**
 * The text just before `el` in reading order (headings, instructions, a bare "Code:"), walking
 * previous siblings and then up a few ancestors, and stopping at the previous form field so one
 * field's instructions are not read as another's.
 */
export function precedingText(el: Element): string {
  let text = '';
  let node: Element | null = el;
  for (let level = 0; node && level < CONTEXT_LEVELS && text.length < TEXT_LIMIT; level++) {
    for (let sib = node.previousSibling; sib && text.length < TEXT_LIMIT; sib = sib.previousSibling) {
      if (sib.nodeType === 1) {
        const e = sib as Element;
        if (e.matches(FIELD) || e.querySelector(FIELD)) return text;
        if (/^S(?:CRIPT|TYLE)$/.test(e.tagName)) continue;
      } else if (sib.nodeType !== 3) continue;
      text = `${(sib.textContent ?? '').slice(-TEXT_LIMIT)} ${text}`;
    }
    node = parentOf(node);
    // The body's siblings are <head> (the title is not the field's text).
    if (node?.tagName === 'BODY') break;
  }
  return text;
}

/** The autofill field name of an autocomplete attribute (HTML §4.10.18.7.1), e.g. "one-time-code". */
export function autofillName(value: string | null): string {
  const tokens = (value ?? '').toLowerCase().split(/\s+/);
  return tokens.find((t) => t && !/^(?:section-|shipping|billing|home|work|mobile|fax|pager|webauthn)/.test(t)) ?? '';
}

/** Does this form (or document) take a payment card? Cached per scope by the caller's map. */
export function isCardForm(scope: ParentNode, cache: Map<ParentNode, boolean>): boolean {
  let card = cache.get(scope);
  if (card === undefined) {
    card = false;
    for (const e of scope.querySelectorAll('input,label')) {
      const auto = e.getAttribute('autocomplete') ?? '';
      const text = e.tagName === 'LABEL' ? e.textContent : `${e.getAttribute('name') ?? ''} ${e.id}`;
      if (/\bcc-/.test(auto) || CARD_CONTEXT.test(clean(text))) {
        card = true;
        break;
      }
    }
    cache.set(scope, card);
  }
  return card;
}

function intAttr(el: Element, name: string): number | null {
  const n = parseInt(el.getAttribute(name) ?? '', 10);
  return Number.isNaN(n) ? null : n;
}

/** What one detection pass knows of the page: card forms (cached per form) and its purpose. */
export interface Scan {
  cards: Map<ParentNode, boolean>;
  /** The page has a site search: a search landmark or a type=search field (page purpose). */
  searchPage: boolean;
}

/** A new pass over `doc`. */
export function scanOf(doc: Document): Scan {
  return { cards: new Map(), searchPage: !!doc.querySelector('[role=search],search,input[type=search]') };
}

/**
 * Facts about `input`. `more` adds a group's own label and context (for one-digit box groups,
 * where the first box carries little and the group's container carries the label).
 */
export function factsOf(input: HTMLInputElement, scan: Scan, more?: { desc: string; ctx: string }): FieldFacts {
  const a = (n: string) => input.getAttribute(n) ?? '';
  const name = a('name');
  return {
    ids: clean(`${name} ${input.id}`),
    cls: clean(a('class')),
    desc: clean(`${a('placeholder')} ${a('aria-label')} ${a('title')} ${labelText(input)} ${more?.desc ?? ''}`),
    ctx: clean(`${more ? more.ctx : precedingText(input)} ${byIds(input.getRootNode() as Root, input.getAttribute('aria-describedby'))}`),
    type: a('type').toLowerCase(),
    autocomplete: autofillName(input.getAttribute('autocomplete')),
    inputmode: a('inputmode').toLowerCase(),
    maxLength: intAttr(input, 'maxlength'),
    pattern: a('pattern'),
    tabIndex: intAttr(input, 'tabindex'),
    card: isCardForm(input.form ?? (input.getRootNode() as Root), scan.cards),
    search: /^[qs]$/.test(name) || !!input.closest('[role=search],search'),
    sample: SAMPLE_CODE.test(a('placeholder').trim()),
    searchPage: scan.searchPage,
  };
}
