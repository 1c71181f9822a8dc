// Finds the one-time-code field of a document: single inputs and groups of one-digit boxes,
// in the document and its shadow roots, open ones and (where the browser lets a content script
// see them) closed ones; each frame runs its own content script, so frames are not entered here.
// Every visible writable input is scored (score.ts); adjacent look-alike inputs that each hold
// one character are scored as one group (per-digit boxes with or without maxlength, type=number
// boxes, component libraries whose first box takes the whole code); the SMS field loses when the
// page also offers an authenticator-code field; the best candidate at or above the threshold wins.
import { autofillName, byIds, clean, factsOf, precedingText, scanOf, type Scan } from './facts';
import { NOT_A_CODE_HOLDER, STRONG, WEAK } from './keywords';
import { expectedLength, patternDigits, scoreField, scoreGroup, THRESHOLD, type FieldFacts } from './score';
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
  /** What the field itself says (name, id, labels) and the text just before it: the channel hint's first tiers. */
  own?: string;
  near?: string;
}

export interface DetectOptions {
  /** Layout for the size and position checks (visible.ts); none in happy-dom. */
  measure?: Measure;
  threshold?: number;
  /** Told of every shadow root met (open or closed), so the observer can watch inside it. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /**
   * The shadow root of an element even when closed: chrome.dom.openOrClosedShadowRoot (Chrome),
   * element.openOrClosedShadowRoot (Firefox); only content scripts have either. Asked for
   * custom elements only (autonomous custom elements are where closed roots live, and asking
   * every element would cost more than the whole detection).
   */
  shadowOf?: (el: Element) => ShadowRoot | null | undefined;
}

type Root = Document | ShadowRoot;

/** Input types that never hold a typed code (HTML §4.10.5.1 type keywords). */
const NOT_TYPED = /^(?:hidden|email|search|url|date.*|month|week|time|checkbox|radio|submit|button|reset|file|image|range|color)$/;
/** Boxes of a group are this close: their common ancestor at most this many levels up. */
const GROUP_LEVELS = 3;
/** What an SMS field loses when an authenticator field is on offer. */
const SMS_PENALTY = 60;
/** A box is at most this wide (CSS px): one digit and its padding. */
const BOX_WIDTH = 64;
/** An aria-label that numbers the box: "1-6", "Digit 3", "Character 2 of 6", "OTP Input 4", "Ziffer 5". */
const INDEXED_LABEL = /^\D{0,30}\b[1-8]\b(?:\D{0,12}\b[4-8]\b)?\D{0,3}$/;
/** A name or id that numbers the box: ci-otpCode-0, _tfa1, code[2], input.3, otp_4_ng-otp-input. */
const INDEXED_ID = /(?:^|\D)[0-8]\]?(?:_[a-z-]+)?$/i;

function writable(input: HTMLInputElement): boolean {
  return !input.disabled && !input.readOnly && !NOT_TYPED.test(input.type);
}

/** A one-digit box: maxlength 1, or a pattern of exactly one digit. */
function isBox(input: HTMLInputElement): boolean {
  return input.getAttribute('maxlength') === '1' || patternDigits(input.getAttribute('pattern') ?? '') === 1;
}

/**
 * How much an input looks like one box of a per-digit group (score.ts BoxEvidence): 2 when it
 * says it holds one digit (maxlength 1, a one-digit pattern, type=number max=9), 1 when only its
 * form does (numbered name/id/aria-label, size=1, autocomplete=one-time-code, at most BOX_WIDTH
 * wide), 0 otherwise. A maxlength above 1 makes an input no box, except a component's first box
 * (maxlength = the number of boxes, checked per group).
 */
function boxEvidence(input: HTMLInputElement): number {
  if (isBox(input)) return 2;
  const max = input.getAttribute('maxlength');
  const otc = autofillName(input.getAttribute('autocomplete')) === 'one-time-code';
  // A component's lead box takes the whole code for the browser's own autofill.
  if (max !== null) return otc && +max >= 4 && +max <= 8 ? 1 : 0;
  if (input.type === 'number' && input.getAttribute('max') === '9') return 2;
  if (otc || input.getAttribute('size') === '1' || INDEXED_ID.test(input.id || input.name) || INDEXED_LABEL.test(input.getAttribute('aria-label') ?? '')) return 1;
  const width = parseFloat(input.ownerDocument.defaultView?.getComputedStyle(input).width ?? '');
  return width > 0 && width <= BOX_WIDTH ? 1 : 0;
}

/** The classes of a box, numbers dropped (ci-otp-1 and ci-otp-2 are one class). */
function classesOf(input: HTMLInputElement): Set<string> {
  return new Set((input.getAttribute('class') ?? '').replace(/\d+/g, '').split(/\s+/).filter(Boolean));
}

/**
 * Boxes of one group look alike: the same type, and classes that are the same but for one or two
 * a framework adds to some boxes ("first-input", "is-filled", "active").
 */
function alike(a: HTMLInputElement, b: HTMLInputElement): boolean {
  if (a.type !== b.type) return false;
  const x = classesOf(a);
  const y = classesOf(b);
  let shared = 0;
  for (const c of x) if (y.has(c)) shared++;
  return Math.max(x.size, y.size) - shared <= (shared >= 2 ? 2 : 0);
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

interface Box {
  input: HTMLInputElement;
  evidence: number;
}

/**
 * A run of adjacent look-alike boxes as a group, or null. 4–8 boxes; every box after the first
 * holds at most one character; the first may be a component's lead box (maxlength = the number
 * of boxes, autocomplete=one-time-code: Radix, base-ui, Headless UI OTP fields).
 */
function group(run: Box[], scan: Scan, measure?: Measure): Candidate | null {
  const boxes = run.map((b) => b.input);
  const n = boxes.length;
  const container = commonAncestor(boxes);
  if (n < 4 || n > 8 || !container) return null;
  const leadMax = boxes[0]!.getAttribute('maxlength');
  if (leadMax !== null && leadMax !== '1' && +leadMax !== n) return null;
  const evidence = run.slice(1).every((b) => b.evidence === 2) ? 'digit' : 'shape';
  const facts = factsOf(boxes[0]!, scan, { desc: groupLabel(container), ctx: precedingText(container) });
  const joined = joinedInput(container, boxes, measure);
  return { kind: 'split', inputs: boxes, joined, length: n, ...scoreGroup(facts, n, evidence, !!joined), own: `${facts.ids} ${facts.desc}`, near: facts.ctx };
}

/** Every shadow root under `root` (open ones, and closed ones `shadowOf` reveals), depth first. */
export function shadowRoots(root: Root, out: ShadowRoot[] = [], shadowOf?: DetectOptions['shadowOf']): ShadowRoot[] {
  for (const el of root.querySelectorAll('*')) {
    // The chip's own closed root holds nothing of the page.
    const inner = el.shadowRoot ?? (shadowOf && el.localName.includes('-') && el.localName !== 'tessera-chip' ? shadowOf(el) : null);
    if (inner) {
      out.push(inner);
      shadowRoots(inner, out, shadowOf);
    }
  }
  return out;
}

function single(input: HTMLInputElement, facts: FieldFacts): Candidate {
  return { kind: 'single', inputs: [input], joined: null, length: expectedLength(facts), ...scoreField(facts), own: `${facts.ids} ${facts.desc}`, near: facts.ctx };
}

function scan(root: Root, out: Candidate[], pass: Scan, measure?: Measure): void {
  let run: Box[] = [];
  /** Scores a field on its own; visibility (costly) only for plausible ones. */
  const alone = (input: HTMLInputElement, knownVisible = false) => {
    const c = single(input, factsOf(input, pass));
    if (c.score > 0 && (knownVisible || isVisible(input, measure))) out.push(c);
  };
  const flush = () => {
    const g = run.length ? group(run, pass, measure) : null;
    if (g) out.push(g);
    else for (const b of run) alone(b.input, true);
    run = [];
  };
  for (const input of root.querySelectorAll('input')) {
    if (!writable(input)) continue;
    const evidence = boxEvidence(input);
    if (evidence) {
      if (!isVisible(input, measure)) continue;
      const last = run[run.length - 1]?.input;
      const lead = (input.getAttribute('maxlength') ?? '1') !== '1';
      if (last && (lead || !near(last, input) || (!alike(last, input) && !(isBox(last) && isBox(input))))) flush();
      run.push({ input, evidence });
      continue;
    }
    // A visible ordinary field between boxes ends their run.
    if (run.length && isVisible(input, measure)) {
      flush();
      alone(input, true);
    } else alone(input);
  }
  flush();
}

/** All visible candidates with a positive score, best first (ties in document order). */
export function candidates(doc: Document, options: DetectOptions = {}): Candidate[] {
  const out: Candidate[] = [];
  const pass = scanOf(doc);
  scan(doc, out, pass, options.measure);
  for (const root of shadowRoots(doc, [], options.shadowOf)) {
    options.onShadowRoot?.(root);
    scan(root, out, pass, options.measure);
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
