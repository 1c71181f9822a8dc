import { describe, expect, it } from 'vitest';
import { clockTime, groupDigits, matchesQuery, secondsLeft } from '../../../lib/ui/format';

describe('display helpers', () => {
  it('groups digits', () => {
    expect(groupDigits('123456')).toBe('123 456');
    expect(groupDigits('1234567')).toBe('123 4567');
    expect(groupDigits('12345678')).toBe('1234 5678');
  });

  it('formats local clock time', () => {
    const d = new Date(2026, 0, 2, 3, 4, 5);
    expect(clockTime(d.getTime())).toBe('03:04:05');
  });

  it('counts seconds left, never below zero', () => {
    expect(secondsLeft(10_000, 0)).toBe(10);
    expect(secondsLeft(10_000, 9_001)).toBe(1);
    expect(secondsLeft(10_000, 11_000)).toBe(0);
  });

  it('searches issuer, label and sites ignoring case and width', () => {
    expect(matchesQuery('git', ['GitHub', 'me'])).toBe(true);
    expect(matchesQuery('ＧＩＴ', ['GitHub'])).toBe(true);
    expect(matchesQuery('zz', ['GitHub', 'me'])).toBe(false);
    expect(matchesQuery('  ', ['x'])).toBe(true);
  });
});
