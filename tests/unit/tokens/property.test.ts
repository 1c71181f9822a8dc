// Property tests of the paste parser and the add planner (issue 5, "Tests": a fuzz test that
// never throws and never accepts a duplicate), and round trips of lists as people format them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isDecoration, parseTokenPaste, type ParsedToken } from '../../../lib/tokens/parse';
import { planTokenAdd } from '../../../lib/tokens/plan';

const RUNS = 2000;

/** What an accepted value must be, stated independently of the parser. */
function isStorable(v: string): boolean {
  return (
    v.length > 0 &&
    v === v.trim() &&
    Array.from(v).length <= 128 &&
    !/\p{C}/u.test(v) && // controls, invisible format characters, lone surrogates, private use
    !/\p{Z}/u.test(v.replaceAll(' ', '')) // no white space but the plain space
  );
}

// Characters that exercise every path of the grammar, plus anything at all.
const TRICKY = [
  ' ', '\t', '\n', '\r', ',', '、', '，', '\u3000', '\u00a0', '\ufeff', '\u2028',
  '"', "'", '`', '“', '”', '‘', '’', '「', '」', '『', '』', '＂',
  '1', '2', '9', '１', '.', '．', ')', '）', '(', '（', ':', '#', '①',
  '-', '*', '+', '•', '・', '–', 'a', 'Z', 'あ', '😀', '\u0000', '\u007f', '\u0085', '\u200b', '\ud800', '\ue000',
];
const trickyText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...TRICKY, 'a'), minLength: 120, maxLength: 400 }),
);
const existingValues = fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '1', '-', '"', 'あ'), minLength: 1, maxLength: 4 }), { maxLength: 60 });

describe('parseTokenPaste + planTokenAdd on arbitrary input', () => {
  it('never throw, never accept a duplicate or more than the cap, account for every position once, accept only storable values', () => {
    fc.assert(
      fc.property(trickyText, existingValues, fc.integer({ min: 0, max: 60 }), (text, existing, cap) => {
        const parsed: ParsedToken[] = parseTokenPaste(text);
        parsed.forEach((p, i) => expect(p.position).toBe(i + 1));
        for (const p of parsed) if ('value' in p) expect(isStorable(p.value), JSON.stringify(p.value)).toBe(true);

        const plan = planTokenAdd(existing, parsed, cap);
        const values = plan.accept.map((a) => a.value);
        expect(new Set(values).size).toBe(values.length); // no duplicate within the paste
        for (const v of values) expect(existing.includes(v)).toBe(false); // none of the existing
        expect(existing.length + values.length <= Math.max(cap, existing.length)).toBe(true);
        expect(values.length).toBeLessThanOrEqual(Math.max(0, cap - existing.length));
        for (const v of values) expect(isStorable(v)).toBe(true);

        const positions = [...plan.accept.map((a) => a.position), ...plan.rejected.map((r) => r.position)].sort((a, b) => a - b);
        expect(positions).toEqual(parsed.map((p) => p.position));
        const rejected = plan.rejected.map((r) => r.position);
        expect(rejected).toEqual([...rejected].sort((a, b) => a - b));
        expect(plan.duplicates).toBe(plan.rejected.filter((r) => r.reason === 'duplicate').length);
      }),
      { numRuns: RUNS },
    );
  });

  it('accepts a value only if no equal value came earlier, and refuses for the limit only when full', () => {
    fc.assert(
      fc.property(trickyText, existingValues, fc.integer({ min: 0, max: 60 }), (text, existing, cap) => {
        const parsed = parseTokenPaste(text);
        const plan = planTokenAdd(existing, parsed, cap);
        const limitHit = plan.rejected.some((r) => r.reason === 'limit');
        if (limitHit) expect(plan.accept.length).toBe(Math.max(0, cap - existing.length));
        // Every valid value that is new (first of its kind, not existing) is accepted unless the limit was hit.
        const seen = new Set(existing);
        for (const p of parsed) {
          if (!('value' in p)) continue;
          const fresh = !seen.has(p.value);
          seen.add(p.value);
          const accepted = plan.accept.some((a) => a.position === p.position);
          if (!fresh) expect(accepted).toBe(false);
          if (fresh && !limitHit) expect(accepted).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// Realistic tokens: letters, digits and punctuation people put in them, Japanese and accented
// letters too; never separators or quotes, never a bare number-with-period or bullet.
const TOKEN_CHARS = [...'abcxyzABCXYZ0123456789', ...'-_.@+/=!?$%&*~^#():;[]{}<>|\\', 'あ', 'カ', 'é', 'Ж', '漢', '😀'];
const token = fc.string({ unit: fc.constantFrom(...TOKEN_CHARS), minLength: 1, maxLength: 40 }).filter((v) => !isDecoration(v));
const tokenList = fc.uniqueArray(token, { minLength: 1, maxLength: 50 });

const layouts: Record<string, (values: string[]) => string> = {
  'numbered 1.': (vs) => vs.map((v, i) => `${i + 1}. ${v}`).join('\n'),
  'numbered 1)': (vs) => vs.map((v, i) => `${i + 1})\t${v}`).join('\r\n'),
  'numbered (1)': (vs) => vs.map((v, i) => `(${i + 1}) ${v}`).join('\n'),
  'numbered #1': (vs) => vs.map((v, i) => `#${i + 1} ${v}`).join('\n'),
  'numbered 1:': (vs) => vs.map((v, i) => `${i + 1}: ${v}`).join('\n'),
  'numbered, one line': (vs) => vs.map((v, i) => `${i + 1}) ${v}`).join(' '),
  'full-width numbering': (vs) => vs.map((v, i) => `（${i + 1}）\u3000${v}`).join('\n'),
  'bullets -': (vs) => vs.map((v) => `- ${v}`).join('\n'),
  'bullets •': (vs) => vs.map((v) => `  • ${v}`).join('\n'),
  'glued ・': (vs) => vs.map((v) => `・${v}`).join('\n'),
  'csv': (vs) => vs.join(','),
  'csv, spaced': (vs) => vs.join(', '),
  'csv, quoted': (vs) => vs.map((v) => `"${v}"`).join(','),
  'tabs': (vs) => vs.join('\t'),
  'lines with blanks': (vs) => `\n\n${vs.join('\n\n')}\n`,
  "single-quoted": (vs) => vs.map((v) => `'${v}'`).join(' '),
  'curly-quoted': (vs) => vs.map((v) => `“${v}”`).join(', '),
  'Japanese 「」、': (vs) => vs.map((v) => `「${v}」`).join('、'),
  'Japanese 、': (vs) => vs.join('、'),
  'numbered + quoted': (vs) => vs.map((v, i) => `${i + 1}. "${v}"`).join('\n'),
};

describe('round trips', () => {
  it.each(Object.keys(layouts))('%s: parsing a formatted list gives back exactly its values', (name) => {
    const format = layouts[name]!;
    fc.assert(
      fc.property(tokenList, (values) => {
        const parsed = parseTokenPaste(format(values));
        expect(parsed).toEqual(values.map((value, i) => ({ position: i + 1, value })));
      }),
      { numRuns: RUNS },
    );
  });

  it('CSV with RFC 4180 escaping keeps quotes inside values', () => {
    const quoted = fc.uniqueArray(fc.string({ unit: fc.constantFrom(...TOKEN_CHARS, '"'), minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(quoted, (values) => {
        const csv = values.map((v) => `"${v.replaceAll('"', '""')}"`).join(',') + '\r\n';
        expect(parseTokenPaste(csv)).toEqual(values.map((value, i) => ({ position: i + 1, value })));
      }),
      { numRuns: RUNS },
    );
  });
});
