// tokenView, remaining, oldestUnused, isLow and the used-mark helpers (lib/tokens/view.ts).
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOW_TOKEN_THRESHOLD, isLow, oldestUnused, remaining, tokenView, tokensOf, usedMarkId, usedMarksFrom, usedTokenIds,
  type TokenRecord,
} from '../../../lib/tokens/view';

const tk = (id: string, addedAt: number, value = `value-of-${id}`, accountId = 'acc'): TokenRecord => ({ id, accountId, value, addedAt });

describe('tokenView', () => {
  it('lists masked rows in the order added (addedAt, then id), with used state and time', () => {
    const tokens = [tk('c', 200), tk('b', 100, 'short'), tk('a', 100, 'ab12-cd34-7K2Q')];
    const rows = tokenView(tokens, new Map([['b', 5000]]));
    expect(rows).toEqual([
      { id: 'a', masked: '••••••••7K2Q', used: false, usedAt: null },
      { id: 'b', masked: '••••••••', used: true, usedAt: 5000 },
      { id: 'c', masked: '••••••••of-c', used: false, usedAt: null },
    ]);
  });

  it('never carries a value', () => {
    const rows = tokenView([tk('a', 1, 'secret-value-1234')], new Map());
    expect(JSON.stringify(rows)).not.toContain('secret-value');
  });

  it('ignores marks of tokens no longer listed (cleared ones keep their marks)', () => {
    expect(tokenView([tk('a', 1)], new Map([['gone', 1], ['a', 2]]))).toHaveLength(1);
  });
});

describe('remaining and oldestUnused', () => {
  const tokens = [tk('t3', 30), tk('t1', 10), tk('t2', 20)];

  it('counts unused tokens', () => {
    expect(remaining(tokens, new Map())).toBe(3);
    expect(remaining(tokens, new Map([['t1', 1], ['gone', 1]]))).toBe(2);
  });

  it('hands out the oldest unused token, or null when none is left', () => {
    expect(oldestUnused(tokens, new Map())?.id).toBe('t1');
    expect(oldestUnused(tokens, new Map([['t1', 1]]))?.id).toBe('t2');
    expect(oldestUnused(tokens, new Map([['t1', 1], ['t2', 1], ['t3', 1]]))).toBeNull();
    expect(oldestUnused([], new Map())).toBeNull();
  });

  it('lists the ids "Clear used tokens" removes', () => {
    expect(usedTokenIds(tokens, new Map([['t2', 1]]))).toEqual(['t2']);
  });

  it('picks the tokens of one entry', () => {
    expect(tokensOf('x', [tk('a', 1, 'v', 'x'), tk('b', 1, 'v', 'y')]).map((t) => t.id)).toEqual(['a']);
  });
});

describe('used marks', () => {
  it('names a mark used:<token id> and reads marks back from `used` records', () => {
    expect(usedMarkId('t1')).toBe('used:t1');
    const marks = usedMarksFrom([
      { id: usedMarkId('t1'), data: { usedAt: 10 } },
      { id: 'used:used:x', data: { usedAt: 20 } },
      { id: 'other', data: { usedAt: 30 } },
    ]);
    expect([...marks]).toEqual([['t1', 10], ['used:x', 20]]);
  });
});

describe('isLow', () => {
  it('warns at the threshold or under it (default 2)', () => {
    expect(DEFAULT_LOW_TOKEN_THRESHOLD).toBe(2);
    expect([0, 1, 2, 3].map((n) => isLow(n))).toEqual([true, true, true, false]);
    expect(isLow(5, 5)).toBe(true);
    expect(isLow(1, 0)).toBe(false);
    expect(isLow(0, 0)).toBe(true);
  });
});
