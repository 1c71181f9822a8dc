// The emergency-token paste parser (issue 5, "Paste box"; shared/automation-api.md, tokens.add):
// turns what a user pastes from a chat, an e-mail, a spreadsheet or a printed list into values,
// each with its 1-based position among the values of the paste, or the reason it cannot be one.
//
// Grammar (decided here; docs/tokens.md shows examples):
// - Separators: any white space (JavaScript `\s`: new lines, tabs, spaces, and also U+3000
//   IDEOGRAPHIC SPACE, which a Japanese IME types for a space in full-width mode, and NBSP, which
//   copying from HTML mail gives), commas, and the Japanese commas 、 (U+3001, how Japanese text
//   separates list items) and ， (U+FF0C, the full-width comma an IME types).
// - A value wrapped in a matching pair of quotes ('…', "…", `…`, “…”, ‘…’, 「…」, 『…』, ＂…＂) is
//   taken verbatim (then trimmed), separators included, as in a CSV field (RFC 4180 §2.6); `""`
//   inside "…" is one `"` (RFC 4180 §2.7). The closing quote must end the value (a separator or
//   the end follows it) and a quoted value never spans lines, so a stray quote swallows nothing.
//   A quoted empty value is reported as `empty`; extra separators are not values at all.
// - Decoration is dropped and is not a value: a whole unquoted piece that is list numbering
//   ("1.", "1)", "(1)", "#1", "1:", with 1–3 ASCII or full-width digits, and ① … ⑳) or a bullet
//   (- * + • ‣ ◦ ・ ･ ● ○ ■ □ ◆ ◇ ▪ ▫ – —). Numbering must be followed by a separator: a token
//   may itself start with digits, '-' or '.', so "1.ab12" and "-ab12" are values as typed, and
//   "12345678" is a value (more than 3 digits is never numbering). Non-ASCII bullets and circled
//   numbers, which no sane token starts with, are also stripped when glued to a value ("・ab12",
//   as Japanese lists write them).
// - A value must be at most 128 characters (Unicode code points) and printable: no character of
//   the Unicode general category C (Cc controls: C0, DEL, C1; Cf invisible format characters such
//   as U+200B; Cs lone surrogates; Co private use; Cn unassigned), and no white space (category Z)
//   but the plain space U+0020, which only a quoted value can hold (an NBSP or U+3000 there is an
//   accident of copying or of the IME that would make the token fail at login).

export type ParseProblem = 'empty' | 'too-long' | 'bad-character';

export type ParsedToken = { position: number; value: string } | { position: number; reason: ParseProblem };

/** Longest accepted value, in Unicode code points (issue 5: "values over 128 characters"). */
export const MAX_TOKEN_LENGTH = 128;

/**
 * A paste longer than this is not worth parsing (50 tokens of 128 characters with decoration fit
 * in well under 10,000): the background should answer `too-large` (automation-api.md, batches).
 */
export const MAX_PASTE_LENGTH = 100_000;

const isSeparator = (c: string): boolean => /[\s,、，]/.test(c);
const isLineBreak = (c: string): boolean => /[\n\r\u2028\u2029\u000b\u000c]/.test(c);

/** Opening quote → its closing quote. */
const QUOTES: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  '`': '`',
  '“': '”',
  '‘': '’',
  '「': '」',
  '『': '』',
  '＂': '＂',
};

const DIGITS = '[0-9０-９]{1,3}';
const CIRCLED = '[\u2460-\u2473\u24ea\u2776-\u277f\u3251-\u325f\u32b1-\u32bf]';
const GLUED_BULLETS = '[•‣◦・･●○■□◆◇▪▫]';
const DECORATION = new RegExp(
  [
    `^${DIGITS}[.．)）:：]$`, // 1.  1)  1:  (full-width ． ） ： too)
    `^[(（]${DIGITS}[)）]$`, // (1)
    `^[#＃]${DIGITS}[.．)）:：]?$`, // #1  #1.
    `^${CIRCLED}[.．]?$`, // ①
    `^(?:[-*+–—]|${GLUED_BULLETS})$`, // bullets
  ].join('|'),
  'u',
);
const GLUED_PREFIX = new RegExp(`^(?:${GLUED_BULLETS}|${CIRCLED})`, 'u');
/** Unicode categories C (Cc, Cf, Cs, Co, Cn) and Z (Zs, Zl, Zp) except U+0020 SPACE. */
const NOT_PRINTABLE = /(?! )[\p{C}\p{Z}]/u;

/** True for an unquoted piece that is list numbering or a bullet, not a value. */
export function isDecoration(piece: string): boolean {
  return DECORATION.test(piece);
}

/** A value exactly as it would be stored, or why it cannot be one. */
export function checkValue(value: string): ParseProblem | null {
  if (value === '') return 'empty';
  if (codePointLength(value) > MAX_TOKEN_LENGTH) return 'too-long';
  if (NOT_PRINTABLE.test(value)) return 'bad-character';
  return null;
}

function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

interface Piece {
  raw: string;
  quoted: boolean;
  quote?: string;
}

/** The value pieces of a paste in order: quoted fields and runs between separators. */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  // Per opening quote, the line end before which no closing quote can be found: a second
  // opening quote of the same kind on that line fails the same way, so each line is scanned
  // at most once per kind of quote (keeps the parser linear on pathological input).
  const noCloseBefore = new Map<string, number>();
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSeparator(text[i]!)) i++;
    if (i >= n) break;
    const open = text[i]!;
    const close = QUOTES[open];
    if (close !== undefined && (noCloseBefore.get(open) ?? -1) <= i) {
      const end = findClose(text, i + 1, close);
      if (typeof end === 'number') {
        out.push({ raw: text.slice(i + 1, end), quoted: true, quote: open });
        i = end + 1;
        continue;
      }
      noCloseBefore.set(open, end.lineEnd);
    }
    let j = i;
    while (j < n && !isSeparator(text[j]!)) j++;
    out.push({ raw: text.slice(i, j), quoted: false });
    i = j;
  }
  return out;
}

/** Index of the closing quote that ends a value, or where the line ended without one. */
function findClose(text: string, from: number, close: string): number | { lineEnd: number } {
  for (let j = from; j < text.length; j++) {
    const c = text[j]!;
    if (isLineBreak(c)) return { lineEnd: j };
    if (c === close && (j + 1 === text.length || isSeparator(text[j + 1]!))) return j;
  }
  return { lineEnd: text.length };
}

function unquote(piece: Piece): string {
  // RFC 4180 §2.7: inside a double-quoted field a doubled quote stands for one.
  const raw = piece.quote === '"' ? piece.raw.replaceAll('""', '"') : piece.raw;
  return raw.trim();
}

/** The value a piece stands for, or null when it is decoration (no value, no position). */
function valueOf(piece: Piece): string | null {
  if (piece.quoted) return unquote(piece);
  if (isDecoration(piece.raw)) return null;
  const rest = piece.raw.replace(GLUED_PREFIX, '');
  if (rest === piece.raw) return rest;
  // "・「ab12」": a glued bullet before a quoted value.
  const close = QUOTES[rest[0] ?? ''];
  if (close !== undefined && rest.length >= 2 && rest.endsWith(close)) {
    return unquote({ raw: rest.slice(1, -1), quoted: true, quote: rest[0] });
  }
  return rest;
}

/**
 * Splits a paste into values. Never throws; positions are 1-based and count every value
 * (valid or not) in the order they appear; decoration and extra separators are not counted.
 */
export function parseTokenPaste(text: string): ParsedToken[] {
  const out: ParsedToken[] = [];
  for (const piece of pieces(text)) {
    const value = valueOf(piece);
    if (value === null) continue;
    const position = out.length + 1;
    const reason = checkValue(value);
    out.push(reason === null ? { position, value } : { position, reason });
  }
  return out;
}
