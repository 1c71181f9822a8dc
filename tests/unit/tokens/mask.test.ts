// maskToken and maskedLabel (lib/tokens/mask.ts): at most the last 4 characters, none of a
// value of 8 characters or fewer; labels never hold the full value.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { setLang } from '../../../lib/i18n/i18n';
import { maskToken, maskedLabel } from '../../../lib/tokens/mask';

afterEach(() => setLang('en'));

describe('maskToken', () => {
  it('shows nothing of a value of 8 characters or fewer', () => {
    expect(maskToken('a')).toBe('••••••••');
    expect(maskToken('ab12cd34')).toBe('••••••••');
    expect(maskToken('12345678')).toBe('••••••••');
  });

  it('shows the last 4 characters of a value of 9 characters or more, after 8 bullets', () => {
    expect(maskToken('ab12cd34e')).toBe('••••••••d34e');
    expect(maskToken('123456789')).toBe('••••••••6789');
    expect(maskToken('ab12-cd34-7K2Q')).toBe('••••••••7K2Q');
    expect(maskToken('x'.repeat(128))).toBe('••••••••xxxx');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(maskToken('😀'.repeat(8))).toBe('••••••••');
    expect(maskToken('😀'.repeat(9))).toBe('••••••••😀😀😀😀');
  });

  it('never shows more than 4 characters of the value, and never its length', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 128 }), (v) => {
        const m = maskToken(v);
        const chars = Array.from(v);
        expect(m.startsWith('••••••••')).toBe(true);
        const shown = Array.from(m).slice(8);
        expect(shown).toEqual(chars.length > 8 ? chars.slice(-4) : []);
      }),
      { numRuns: 500 },
    );
  });
});

describe('maskedLabel', () => {
  it('spells out the shown characters, or says the token is hidden', () => {
    expect(maskedLabel('ab12-cd34-7K2Q')).toBe('Token ending in 7 K 2 Q');
    expect(maskedLabel('ab12cd34')).toBe('Hidden token');
    expect(maskedLabel('abcdefg h12')).toBe('Token ending in space h 1 2');
  });

  it('gives the same sentence for a value and for its mask (pages only receive masks)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (v) => {
        expect(maskedLabel(maskToken(v))).toBe(maskedLabel(v));
      }),
      { numRuns: 500 },
    );
  });

  it('is translated', () => {
    setLang('ja');
    expect(maskedLabel('ab12-cd34-7K2Q')).toBe('末尾が 7 K 2 Q のトークン');
    expect(maskedLabel('short')).toBe('非表示のトークン');
  });
});
