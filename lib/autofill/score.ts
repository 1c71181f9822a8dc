// How much a field (or a group of one-digit boxes) looks like a one-time-code field, from facts
// read off the page (facts.ts). Pure arithmetic: positive for the autocomplete token
// "one-time-code" (HTML §4.10.18.7.1), code words, numeric input modes and 6–8 digit lengths;
// negative for what the field is instead (keywords.ts). A candidate at or above THRESHOLD is filled.
import { APP, NEGATIVE, NEGATIVE_AUTOCOMPLETE, SECURITY_CODE, SMS, STRONG, WEAK } from './keywords';

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
  /** Transparent (opacity 0): typical of honeypots. */
  transparent: boolean;
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
 * (the field's own name and labels, not the surrounding prose).
 */
export function textScore(text: string, weight: number, card: boolean, trusted: boolean): number {
  if (!text) return 0;
  const strong = STRONG.test(text);
  const security = SECURITY_CODE.test(text);
  for (const neg of NEGATIVE) {
    const hit = neg.re.test(text) || (neg.name === 'cvc' && security && card);
    if (!hit) continue;
    if (neg.dominant && trusted) return -DOMINANT_POINTS * weight;
    // Prose around a field mentions phones, expiry and amounts in passing: count it less.
    if (!strong) return trusted ? -NEGATIVE_POINTS * weight : -NEGATIVE_POINTS / 2;
  }
  if (strong) return STRONG_POINTS * weight;
  return WEAK.test(text) || security ? WEAK_POINTS * weight : 0;
}

/** Points from everything but the length hints, shared by single fields and box groups. */
function common(f: FieldFacts, passwordPoints: number): number {
  let s = textScore(f.ids, 1, f.card, true) + textScore(f.desc, 1, f.card, true) +
    textScore(f.cls, 0.5, f.card, true) + textScore(f.ctx, 0.75, f.card, false);
  if (f.autocomplete === 'one-time-code') s += 70;
  else if (NEGATIVE_AUTOCOMPLETE.test(f.autocomplete)) s -= DOMINANT_POINTS;
  // A real password field, unless its own name or label says it is a one-time password
  // (Japanese banks often mask ワンタイムパスワード fields).
  if (f.type === 'password' && f.autocomplete !== 'one-time-code' && !STRONG.test(`${f.ids} ${f.desc}`)) s -= passwordPoints;
  if (f.search) s -= DOMINANT_POINTS;
  if (f.inputmode === 'numeric') s += 10;
  if (f.type === 'tel' || f.type === 'number') s += 5;
  if (f.transparent) s -= 20;
  return s;
}

function flags(f: FieldFacts, score: number): Score {
  const text = `${f.ids} ${f.cls} ${f.desc} ${f.ctx}`;
  return { score, sms: SMS.test(text), app: APP.test(text) };
}

/** Digits a pattern attribute asks for: 6 for "\d{6}" or "[0-9]{6}", 0 for "[0-9]*", null otherwise. */
export function patternDigits(pattern: string): number | null {
  const m = /^\^?(?:\\d|\[0-9\])(?:\{(\d+)\}|([*+]))?\$?$/.exec(pattern);
  if (!m) return null;
  return m[1] ? Number(m[1]) : 0;
}

/** Digits expected in a single field: maxlength 4–10, else a pattern's count, else null. */
export function expectedLength(f: FieldFacts): number | null {
  if (f.maxLength !== null && f.maxLength >= 4 && f.maxLength <= 10) return f.maxLength;
  const n = patternDigits(f.pattern);
  return n && n >= 4 && n <= 10 ? n : null;
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
 * Scores a group of `boxes` one-digit inputs (facts of the first box, with the group's own
 * label and context). Six boxes are the common TOTP shape; 4–8 are accepted. Masked boxes
 * (type=password) cost less than a masked single field: a group of one-digit boxes is no login password.
 */
export function scoreGroup(f: FieldFacts, boxes: number): Score {
  if (boxes < 4 || boxes > 8) return flags(f, -DOMINANT_POINTS);
  return flags(f, (boxes === 6 ? 50 : 40) + common(f, 20));
}
