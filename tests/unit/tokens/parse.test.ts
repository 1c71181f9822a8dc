// The emergency-token paste parser (lib/tokens/parse.ts) on concrete pastes: how users receive
// tokens (chat, e-mail, spreadsheets, printed lists, Japanese documents).
import { describe, expect, it } from 'vitest';
import { checkValue, isDecoration, parseTokenPaste, MAX_TOKEN_LENGTH } from '../../../lib/tokens/parse';

/** The values of a paste, or `!reason` for a refused one, in position order. */
function values(text: string): string[] {
  const parsed = parseTokenPaste(text);
  parsed.forEach((p, i) => expect(p.position).toBe(i + 1));
  return parsed.map((p) => ('value' in p ? p.value : `!${p.reason}`));
}

describe('separators', () => {
  it('splits on new lines (LF, CRLF, CR), commas, tabs and spaces', () => {
    expect(values('ab12\ncd34\r\nef56\rgh78')).toEqual(['ab12', 'cd34', 'ef56', 'gh78']);
    expect(values('ab12,cd34, ef56 ,gh78')).toEqual(['ab12', 'cd34', 'ef56', 'gh78']);
    expect(values('ab12\tcd34  ef56')).toEqual(['ab12', 'cd34', 'ef56']);
  });

  it('splits on the Japanese comma 、, the full-width comma ， and the ideographic space U+3000', () => {
    expect(values('ab12、cd34，ef56\u3000gh78')).toEqual(['ab12', 'cd34', 'ef56', 'gh78']);
    expect(values('ab12　、　cd34')).toEqual(['ab12', 'cd34']);
  });

  it('splits on NBSP and ignores a byte-order mark (copied from HTML mail, or a file)', () => {
    expect(values('\ufeffab12\u00a0cd34')).toEqual(['ab12', 'cd34']);
  });

  it('does not count extra separators as values', () => {
    expect(values('ab12,,cd34')).toEqual(['ab12', 'cd34']);
    expect(values('\n\n ab12 \n\n\n cd34 ,\n')).toEqual(['ab12', 'cd34']);
    expect(values('')).toEqual([]);
    expect(values(' ,\t\n、\u3000')).toEqual([]);
  });
});

describe('numbering', () => {
  it('strips "1.", "1)", "(1)", "#1" and "1:" followed by a separator', () => {
    expect(values('1. ab12-cd34\n2. ef56-gh78')).toEqual(['ab12-cd34', 'ef56-gh78']);
    expect(values('1) ab12\n2) cd34')).toEqual(['ab12', 'cd34']);
    expect(values('(1) ab12\n(2) cd34')).toEqual(['ab12', 'cd34']);
    expect(values('#1 ab12\n#2 cd34')).toEqual(['ab12', 'cd34']);
    expect(values('1: ab12\n2: cd34')).toEqual(['ab12', 'cd34']);
    expect(values('1.\tab12\n10.\tcd34\n100.\tef56')).toEqual(['ab12', 'cd34', 'ef56']);
  });

  it('strips full-width and circled numbering as Japanese documents write it', () => {
    expect(values('１． ab12\n２． cd34')).toEqual(['ab12', 'cd34']);
    expect(values('（１） ab12\n（２） cd34')).toEqual(['ab12', 'cd34']);
    expect(values('① ab12\n②cd34')).toEqual(['ab12', 'cd34']);
  });

  it('strips numbering of a list flattened onto one line (as chat apps do)', () => {
    expect(values('1) ab12 2) cd34 3) ef56')).toEqual(['ab12', 'cd34', 'ef56']);
  });

  it('keeps digits and dashes that belong to the token', () => {
    expect(values('12345678')).toEqual(['12345678']);
    expect(values('1. 12345678\n2. 87654321')).toEqual(['12345678', '87654321']);
    expect(values('1234.')).toEqual(['1234.']); // more than 3 digits is never numbering
    expect(values('1.5 -ab12 12-34')).toEqual(['1.5', '-ab12', '12-34']);
    expect(values('1. 1-2-3-4')).toEqual(['1-2-3-4']);
    expect(values('1')).toEqual(['1']); // a bare number is a value
  });

  it('keeps numbering glued to a value as part of it (a token may start so)', () => {
    expect(values('1.ab12 1)cd34')).toEqual(['1.ab12', '1)cd34']);
  });
});

describe('bullets', () => {
  it('strips -, *, +, •, ・ and friends followed by a separator', () => {
    expect(values('- ab12\n* cd34\n+ ef56\n• gh78\n・ ij90')).toEqual(['ab12', 'cd34', 'ef56', 'gh78', 'ij90']);
    expect(values('– ab12\n— cd34\n● ef56\n■ gh78')).toEqual(['ab12', 'cd34', 'ef56', 'gh78']);
  });

  it('strips a glued non-ASCII bullet (・ab12, as Japanese lists write it) but not a glued - or *', () => {
    expect(values('・ab12\n•cd34\n･ef56')).toEqual(['ab12', 'cd34', 'ef56']);
    expect(values('-ab12\n*cd34')).toEqual(['-ab12', '*cd34']);
  });

  it('drops a lone bullet or number (an empty list item) without a position', () => {
    expect(values('1.\n2. ab12\n-\n•')).toEqual(['ab12']);
  });
});

describe('quotes', () => {
  it('strips surrounding quotes of every kind', () => {
    expect(values(`'ab12' "cd34" “ef56” ‘gh78’ 「ij90」 『kl12』 \`mn34\``)).toEqual(['ab12', 'cd34', 'ef56', 'gh78', 'ij90', 'kl12', 'mn34']);
  });

  it('reads a CSV line with quoted fields, and a quoted empty field is an empty value', () => {
    expect(values('"ab12","cd34","ef56"\r\n')).toEqual(['ab12', 'cd34', 'ef56']);
    expect(values('"ab12","","cd34"')).toEqual(['ab12', '!empty', 'cd34']);
    expect(values('「」 ab12 "  "')).toEqual(['!empty', 'ab12', '!empty']);
  });

  it('keeps separators inside quotes, and "" inside "…" is one quote (RFC 4180)', () => {
    expect(values('"ab 12", "cd,34"')).toEqual(['ab 12', 'cd,34']);
    expect(values('"ab""cd"')).toEqual(['ab"cd']);
  });

  it('combines with numbering and bullets', () => {
    expect(values('1. "ab12"\n2. 「cd34」\n- \'ef56\'\n・「gh78」')).toEqual(['ab12', 'cd34', 'ef56', 'gh78']);
  });

  it('takes a quoted numbering as a value: quotes force a value', () => {
    expect(values('"1." "-"')).toEqual(['1.', '-']);
  });

  it('never lets a quote run past the end of its line', () => {
    expect(values('"ab12\ncd34"')).toEqual(['"ab12', 'cd34"']);
    expect(values("it's ab12")).toEqual(["it's", 'ab12']);
    expect(values('"ab12".')).toEqual(['"ab12".']); // the closing quote must end the value
  });
});

describe('refusals', () => {
  it('refuses values over 128 characters (code points), not at 128', () => {
    expect(values('a'.repeat(MAX_TOKEN_LENGTH))).toEqual(['a'.repeat(128)]);
    expect(values(`ok1 ${'a'.repeat(129)} ok2`)).toEqual(['ok1', '!too-long', 'ok2']);
    // 128 astral characters are 256 UTF-16 units but 128 characters.
    expect(values('😀'.repeat(128))).toEqual(['😀'.repeat(128)]);
    expect(values('😀'.repeat(129))).toEqual(['!too-long']);
  });

  it('refuses C0 and C1 controls, DEL, invisible format characters and private use', () => {
    expect(values('ab\u0001cd ab\u007fcd ab\u0085cd ab\u009fcd ab\u200bcd ab\u200ecd ab\ue000cd ok')).toEqual([
      '!bad-character', '!bad-character', '!bad-character', '!bad-character', '!bad-character', '!bad-character', '!bad-character', 'ok',
    ]);
  });

  it('refuses lone surrogates but accepts astral characters', () => {
    expect(values('ab\ud800cd 𝒜b')).toEqual(['!bad-character', '𝒜b']);
  });

  it('refuses white space other than a plain space inside a quoted value', () => {
    expect(values('"ab\tcd" "ab\u3000cd" "ab\u00a0cd" "ab cd"')).toEqual(['!bad-character', '!bad-character', '!bad-character', 'ab cd']);
  });

  it('checkValue says why a value cannot be stored', () => {
    expect(checkValue('')).toBe('empty');
    expect(checkValue('x'.repeat(129))).toBe('too-long');
    expect(checkValue('a\u0000')).toBe('bad-character');
    expect(checkValue('ab12-cd34')).toBeNull();
  });
});

describe('mixed pastes', () => {
  it('reads an administrator\'s e-mail list', () => {
    const mail = ['Your emergency tokens:', '', '  1. 7Hq2-KpX9', '  2. m4Zt-8wLc', '  3. "Qa7!-r2D#"', ''].join('\n');
    expect(values(mail.split('\n').slice(2).join('\n'))).toEqual(['7Hq2-KpX9', 'm4Zt-8wLc', 'Qa7!-r2D#']);
  });

  it('reads a spreadsheet copy (tab-separated) and a Japanese chat message', () => {
    expect(values('ab12\tcd34\nef56\tgh78\n')).toEqual(['ab12', 'cd34', 'ef56', 'gh78']);
    expect(values('①「ab12」、②「cd34」、③「ef56」')).toEqual(['ab12', 'cd34', 'ef56']);
  });

  it('numbers positions over values only, refused ones included', () => {
    const parsed = parseTokenPaste('1. ab12\n2. ""\n3. cd34\n- \u0007\n');
    expect(parsed).toEqual([
      { position: 1, value: 'ab12' },
      { position: 2, reason: 'empty' },
      { position: 3, value: 'cd34' },
      { position: 4, reason: 'bad-character' },
    ]);
  });

  it('isDecoration recognises numbering and bullets only', () => {
    for (const d of ['1.', '12)', '(3)', '#4', '5:', '１．', '（１）', '①', '-', '*', '•', '・']) expect(isDecoration(d), d).toBe(true);
    for (const v of ['1', '1234.', '1.a', '--', 'ab', '#', '()', '#1234']) expect(isDecoration(v), v).toBe(false);
  });
});
