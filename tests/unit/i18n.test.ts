import { describe, expect, it } from 'vitest';
import { detectLang, setLang, t } from '../../lib/i18n/i18n';
import { strings } from '../../lib/i18n/strings/index';

describe('i18n', () => {
  it('detects Japanese from navigator languages', () => {
    expect(detectLang(['ja-JP', 'en'])).toBe('ja');
    expect(detectLang(['en-US'])).toBe('en');
    expect(detectLang(['fr'])).toBe('en');
  });

  it('fills placeholders and falls back to the key', () => {
    setLang('en');
    expect(t('error.ambiguous', 'A, B')).toContain('A, B');
    expect(t('no.such.key')).toBe('no.such.key');
    setLang('ja');
    expect(t('error.locked')).toMatch(/ロック/);
    setLang('en');
  });

  it('has a Japanese string for every English one', () => {
    const missing = Object.keys(strings.en).filter((k) => !(k in strings.ja));
    expect(missing).toEqual([]);
  });
});
