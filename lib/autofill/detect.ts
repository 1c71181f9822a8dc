// Finds the one-time-code field of a document: single inputs and groups of one-digit boxes,
// in the document and its open shadow roots (each frame runs its own content script, so frames
// are not entered here). Every visible writable input is scored (score.ts); the SMS field loses
// when the page also offers an authenticator-code field; the best candidate at or above the
// threshold wins.
import { autofillName, byIds, clean, factsOf, precedingText } from './facts';
import { NOT_A_CODE_HOLDER, STRONG, WEAK } from './keywords';
import { expectedLength, patternDigits, scoreField, scoreGroup, THRESHOLD } from './score';
import { isVisible, parentOf, type Measure } from './visible';

export interface Candidate {
  kind: 'single' | 'split';
  /** The visible inputs to write, in order: one for a single field, one per digit for a group. */
  inputs: HTMLInputElement[];
  /** For a group: an input (hidden or visually hidden) that holds the joined code, if any. */
  joined: HTMLInputElement | null;
  /** Digits expected when known (maxlength, pattern, number of boxes). */
  length: number | null;
  score: number;
  sms: boolean;
  app: boolean;
}

export interface DetectOptions {
  /** Layout for the size and position checks (visible.ts); none in happy-dom. */
  measure?: Measure;
  threshold?: number;
  /** Told of every open shadow root met, so the observer can watch inside it. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

type Root = Document | ShadowRoot;

/** Input types that never hold a typed code (HTML §4.10.5.1 type keywords). */
const NOT_TYPED = /^(?:hidden|email|search|url|date.*|month|week|time|checkbox|radio|submit|button|reset|file|image|range|color)$/;
/** Boxes of a group are this close: their common ancestor at most this many levels up. */
const GROUP_LEVELS = 3;
/** What an SMS field loses when an authenticator field is on offer. */
const SMS_PENALTY = 60;

function writable(input: HTMLInputElement): boolean {
  return !input.disabled && !input.readOnly && !NOT_TYPED.test(input.type);
}

/** A one-digit box: maxlength 1, or a pattern of exactly one digit. */
function isBox(input: HTMLInputElement): boolean {
  return input.getAttribute('maxlength') === '1' || patternDigits(input.getAttribute('pattern') ?? '') === 1;
}

function ancestors(el: Element, levels: number): Element[] {
  const out: Element[] = [];
  for (let n = parentOf(el); n && out.length < levels; n = parentOf(n)) out.push(n);
  return out;
}

/** Adjacent boxes share an ancestor close to both (3+3 groups split by a dash share a grandparent). */
function near(a: Element, b: Element): boolean {
  const up = ancestors(a, GROUP_LEVELS);
  return ancestors(b, GROUP_LEVELS).some((n) => up.includes(n));
}

function commonAncestor(boxes: Element[]): Element | null {
  const last = boxes[boxes.length - 1];
  for (let n = parentOf(boxes[0]!); n; n = parentOf(n)) if (last && n.contains(last)) return n;
  return null;
}

/** The group's own label: aria-label / aria-labelledby on the container, or a fieldset legend. */
function groupLabel(container: Element): string {
  const parts: string[] = [];
  for (const n of [container, ...ancestors(container, 2)]) {
    parts.push(n.getAttribute('aria-label') ?? '', byIds(n.getRootNode() as Root, n.getAttribute('aria-labelledby')));
    if (n.tagName === 'FIELDSET') parts.push(n.querySelector('legend')?.textContent ?? '');
  }
  return parts.join(' ');
}

/**
 * The input that holds a group's joined code: a hidden (or visually hidden) input inside the
 * group's container, or one just outside it whose name says code. CSRF tokens and the like are
 * never taken.
 */
function joinedInput(container: Element, boxes: HTMLInputElement[], measure?: Measure): HTMLInputElement | null {
  const scopes = [container, parentOf(container)];
  for (let i = 0; i < scopes.length; i++) {
    const scope = scopes[i];
    if (!scope) break;
    for (const e of scope.querySelectorAll('input')) {
      if (boxes.includes(e)) continue;
      const ids = clean(`${e.getAttribute('name') ?? ''} ${e.id}`);
      if (NOT_A_CODE_HOLDER.test(ids)) continue;
      if (e.type !== 'hidden' && !(writable(e) && !isBox(e) && !isVisible(e, measure))) continue;
      if (i === 0 || STRONG.test(ids) || WEAK.test(ids) || autofillName(e.getAttribute('autocomplete')) === 'one-time-code') return e;
    }
  }
  return null;
}

function group(boxes: HTMLInputElement[], cards: Map<ParentNode, boolean>, measure?: Measure): Candidate | null {
  const container = commonAncestor(boxes);
  if (boxes.length < 4 || boxes.length > 8 || !container) return null;
  const facts = factsOf(boxes[0]!, cards, { desc: groupLabel(container), ctx: precedingText(container) });
  return { kind: 'split', inputs: boxes, joined: joinedInput(container, boxes, measure), length: boxes.length, ...scoreGroup(facts, boxes.length) };
}

/** Every open shadow root under `root`, depth first (shadow roots inside shadow roots too). */
export function shadowRoots(root: Root, out: ShadowRoot[] = []): ShadowRoot[] {
  for (const el of root.querySelectorAll('*')) {
    const inner = el.shadowRoot;
    if (inner) {
      out.push(inner);
      shadowRoots(inner, out);
    }
  }
  return out;
}

function scan(root: Root, out: Candidate[], cards: Map<ParentNode, boolean>, measure?: Measure): void {
  let run: HTMLInputElement[] = [];
  const flush = () => {
    const g = run.length ? group(run, cards, measure) : null;
    if (g) out.push(g);
    run = [];
  };
  for (const input of root.querySelectorAll('input')) {
    if (!writable(input)) continue;
    if (isBox(input)) {
      if (!isVisible(input, measure)) continue;
      const last = run[run.length - 1];
      if (last && !near(last, input)) flush();
      run.push(input);
      continue;
    }
    // Scoring is cheap and visibility is not: look only at plausible fields.
    const facts = factsOf(input, cards);
    const s = scoreField(facts);
    const visible = (run.length || s.score > 0) && isVisible(input, measure);
    if (run.length && visible) flush();
    if (s.score > 0 && visible) out.push({ kind: 'single', inputs: [input], joined: null, length: expectedLength(facts), ...s });
  }
  flush();
}

/** All visible candidates with a positive score, best first (ties in document order). */
export function candidates(doc: Document, options: DetectOptions = {}): Candidate[] {
  const out: Candidate[] = [];
  const cards = new Map<ParentNode, boolean>();
  scan(doc, out, cards, options.measure);
  for (const root of shadowRoots(doc)) {
    options.onShadowRoot?.(root);
    scan(root, out, cards, options.measure);
  }
  const threshold = options.threshold ?? THRESHOLD;
  // The page offers an authenticator-code field: its SMS-code alternative is not ours to fill.
  if (out.some((c) => c.app && c.score >= threshold)) {
    for (const c of out) if (c.sms && !c.app) c.score -= SMS_PENALTY;
  }
  return out.sort((a, b) => b.score - a.score);
}

/** The one-time-code field of `doc`, or null when nothing reaches the threshold. */
export function detect(doc: Document, options: DetectOptions = {}): Candidate | null {
  const best = candidates(doc, options)[0];
  return best && best.score >= (options.threshold ?? THRESHOLD) ? best : null;
}
