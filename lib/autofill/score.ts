// How much a field (or a group of one-digit boxes) looks like a one-time-code field, from facts
// read off the page (facts.ts). Pure arithmetic: positive for the autocomplete token
// "one-time-code" (HTML §4.10.18.7.1), code words, numeric input modes and 6–8 digit lengths;
// negative for what the field is instead (keywords.ts). A candidate at or above THRESHOLD is filled.
import { APP, CONTACT, DOMINANT, NEGATIVE, NEGATIVE_AUTOCOMPLETE, SECURITY_CODE, SMS, STRONG, WEAK } from './keywords';

export interface FieldFacts {
  /** name and id, normalised. */
  ids: string;
  /** class, normalised. */
  cls: string;
  /** placeholder, aria-label, title and label texts, lower case. */
  desc: string;
  /** Text just before the field (headings, instructions) and aria-describedby, lower case. */
  ctx: string;
  /** Lower-case type attribute; '' when absent. */
  type: string;
  /** The autofill field name of the autocomplete attribute ('' when none). */
  autocomplete: string;
  inputmode: string;
  /** maxlength, or null when absent. */
  maxLength: number | null;
  pattern: string;
  /** The tabindex attribute, or null when absent. */
  tabIndex: number | null;
  /** The field's form takes a payment card, so "security code" there means CVC. */
  card: boolean;
  /** The field sits in a search landmark, or is named q / s. */
  search: boolean;
  /** Issue 13: the placeholder shows a sample code ("123456", "000 000"). */
  sample?: boolean;
  /** Issue 13, page purpose: the page has a site search (a search landmark or a type=search field). */
  searchPage?: boolean;
}

export interface Score {
  score: number;
  /** Reads like an SMS code field. */
  sms: boolean;
  /** Reads like an authenticator-app (TOTP) field. */
  app: boolean;
}

/** Candidates at or above this score are one-time-code fields. */
export const THRESHOLD = 40;

const STRONG_POINTS = 40;
const WEAK_POINTS = 15;
const NEGATIVE_POINTS = 60;
const DOMINANT_POINTS = 100;

/**
 * Scores one text source. Strong code words outweigh ordinary negatives in the same text
 * ("phone verification code"); dominant negatives outweigh everything when `trusted`
 * (the field's own name and labels, not the surrounding prose) unless `declared` (the page
 * marked the field autocomplete="one-time-code": "6-digit authentication code / 8-digit backup
 * code" is then a field that takes both).
 */
export function textScore(text: string, weight: number, card: boolean, trusted: boolean, declared = false): number {
  if (!text) return 0;
  const strong = STRONG.test(text);
  const security = SECURITY_CODE.test(text);
  const dominant = DOMINANT.test(text) || (security && card);
  if (dominant && trusted && !(declared && strong)) return -DOMINANT_POINTS * weight;
  // Prose around a field mentions phones, expiry, amounts and recovery codes in passing: count it little.
  if ((dominant || NEGATIVE.test(text)) && !strong) return trusted ? -NEGATIVE_POINTS * weight : -NEGATIVE_POINTS / 4;
  // Contact words count half: a field named "mailCert" under the label 認証番号 is still a code field.
  if (CONTACT.test(text) && !strong && !WEAK.test(text)) return trusted ? (-NEGATIVE_POINTS / 2) * weight : -NEGATIVE_POINTS / 4;
  if (strong) return STRONG_POINTS * weight;
  return WEAK.test(text) || security ? WEAK_POINTS * weight : 0;
}

/** A placeholder that shows a sample code (SAMPLE_CODE). */
export const SAMPLE_POINTS = 20;
/** Page purpose, for fields whose own name and label say nothing of a one-time code. */
export const SEARCH_PAGE_POINTS = 30;
export const CARD_FORM_POINTS = 40;

/** Points from everything but the length hints, shared by single fields and box groups. */
function common(f: FieldFacts, passwordPoints: number): number {
  const ownStrong = STRONG.test(`${f.ids} ${f.desc}`);
  const declared = f.autocomplete === 'one-time-code';
  const vouched = ownStrong || declared;
  const ctx = textScore(f.ctx, 0.75, f.card, false);
  let s = textScore(f.ids, 1, f.card, true, declared) + textScore(f.desc, 1, f.card, true, declared) + textScore(f.cls, 0.5, f.card, true, declared) +
    // The prose around a field cannot contradict what the field's own name and label say.
    (ownStrong ? Math.max(0, ctx) : ctx);
  if (declared) s += 70;
  else if (NEGATIVE_AUTOCOMPLETE.test(f.autocomplete)) s -= DOMINANT_POINTS;
  // A real password field, unless its own name or label says it is a one-time password
  // (Japanese banks often mask ワンタイムパスワード fields).
  if (f.type === 'password' && !declared && !ownStrong) s -= passwordPoints;
  if (f.search) s -= DOMINANT_POINTS;
  if (f.sample) s += SAMPLE_POINTS;
  // What the page is for: a field that does not itself say "one-time code" on a page with a site
  // search (an "Item code" filter) or in a form that takes a payment card (a gift card's PIN).
  if (!vouched && f.searchPage) s -= SEARCH_PAGE_POINTS;
  if (!vouched && f.card) s -= CARD_FORM_POINTS;
  if (f.inputmode === 'numeric') s += 10;
  if (f.type === 'tel' || f.type === 'number') s += 5;
  return s;
}

/** SMS or app, from the field's own words first; the surrounding prose only when they say neither. */
function flags(f: FieldFacts, score: number): Score {
  const own = `${f.ids} ${f.cls} ${f.desc}`;
  const text = SMS.test(own) || APP.test(own) ? own : f.ctx;
  return { score, sms: SMS.test(text), app: APP.test(text) };
}

/**
 * Digits a pattern attribute asks for: 6 for "\d{6}" or "[0-9]{6}", 1 for a bare "\d",
 * 0 for "[0-9]*" (any number), null for anything else.
 */
export function patternDigits(pattern: string): number | null {
  const m = /^\^?(?:\\d|\[0-9\])(?:\{(\d+)\}|([*+]))?\$?$/.exec(pattern);
  if (!m) return null;
  return m[1] ? Number(m[1]) : m[2] ? 0 : 1;
}

/** Digits expected in a single field: maxlength 4–8 (RFC 4226 §5.3: 6–8 digits, 4–5 for SMS), else a pattern's count, else null. */
export function expectedLength(f: FieldFacts): number | null {
  if (f.maxLength !== null && f.maxLength >= 4 && f.maxLength <= 8) return f.maxLength;
  const n = patternDigits(f.pattern);
  return n && n >= 4 && n <= 8 ? n : null;
}

/** Scores a single input. */
export function scoreField(f: FieldFacts): Score {
  let s = common(f, 80);
  const max = f.maxLength;
  if (max !== null) {
    if (max >= 6 && max <= 8) s += 15;
    else if (max === 4 || max === 5) s += 5;
    else if (max < 4) s -= 40;
    else if (max > 10) s -= 5;
  }
  const digits = patternDigits(f.pattern);
  if (digits !== null) s += digits >= 4 && digits <= 8 ? 10 : 5;
  // tabindex=-1 takes a field out of the tab order: honeypots do that, code fields don't.
  if (f.tabIndex === -1) s -= 40;
  return flags(f, s);
}

/**
 * How sure it is that each input of a run is a one-digit box: `digit` when they say so
 * (maxlength 1, a one-digit pattern, type=number with max 9), `shape` when only their form
 * says so (indexed names or labels such as ci-otpCode-3 / "2-6" / "Digit 3", narrow boxes,
 * one-time-code on every box, a component's first box with maxlength = the number of boxes).
 */
export type BoxEvidence = 'digit' | 'shape';

/** Base points of a group: 6 boxes is the TOTP shape; a hidden input that aggregates them adds a little. */
export const GROUP_POINTS = { digit6: 50, digit: 40, shape6: 30, shape: 20, joined: 10 } as const;

/**
 * Scores a group of `boxes` one-digit inputs (facts of the first box, with the group's own
 * label and context). Six boxes are the common TOTP shape; 4–8 are accepted. Masked boxes
 * (type=password) cost less than a masked single field: a group of one-digit boxes is no login password.
 */
export function scoreGroup(f: FieldFacts, boxes: number, evidence: BoxEvidence = 'digit', joined = false): Score {
  if (boxes < 4 || boxes > 8) return flags(f, -DOMINANT_POINTS);
  const six = boxes === 6;
  const base = evidence === 'digit' ? (six ? GROUP_POINTS.digit6 : GROUP_POINTS.digit) : six ? GROUP_POINTS.shape6 : GROUP_POINTS.shape;
  return flags(f, base + (joined ? GROUP_POINTS.joined : 0) + common(f, 20));
}
