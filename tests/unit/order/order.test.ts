import { describe, expect, it } from 'vitest';
import { compareAccounts, foldName, moveBy, ranksFor, sortAccounts, type Orderable } from '../../../lib/order/order';
import { allTags, foldKey, SearchIndex } from '../../../lib/order/search';

const acc = (issuer: string, label = 'x', extra: Partial<Orderable> = {}, id = `${issuer}/${label}`): Orderable => ({ id, issuer, label, ...extra });
const names = (xs: Orderable[]) => xs.map((a) => a.issuer || a.label);

describe('default order: issuer then label', () => {
  it('ignores case and accents, and sorts numbers by value', () => {
    const list = [acc('zeta'), acc('Émail', 'b'), acc('apple'), acc('email', 'a'), acc('Zoom'), acc('Account 10'), acc('Account 2')];
    expect(names(sortAccounts(list))).toEqual(['Account 2', 'Account 10', 'apple', 'email', 'Émail', 'zeta', 'Zoom']);
  });

  it('sorts Japanese by reading: hiragana and katakana together, half-width folded, after Latin', () => {
    const list = [acc('さくら銀行'), acc('カメラ'), acc('ｱﾏｿﾞﾝ'), acc('あおぞら'), acc('GitHub'), acc('楽天')];
    const sorted = names(sortAccounts(list));
    expect(sorted[0]).toBe('GitHub');
    // あお… < アマ… (the half-width katakana folded) < カ… < さ…: gojūon order across both scripts.
    expect(sorted.indexOf('あおぞら')).toBeLessThan(sorted.indexOf('ｱﾏｿﾞﾝ'));
    expect(sorted.indexOf('ｱﾏｿﾞﾝ')).toBeLessThan(sorted.indexOf('カメラ'));
    expect(sorted.indexOf('カメラ')).toBeLessThan(sorted.indexOf('さくら銀行'));
    expect(foldName('ｶﾒﾗ')).toBe('かめら');
  });

  it('uses the label when the issuer is missing or equal, then the id, so ties are stable', () => {
    const list = [acc('GitHub', 'zed', {}, '2'), acc('', 'bob', {}, '3'), acc('github', 'alice', {}, '1'), acc('GitHub', 'alice', {}, '0')];
    expect(sortAccounts(list).map((a) => a.id)).toEqual(['3', '0', '1', '2']);
  });
});

describe("the user's order and pins", () => {
  it('puts pinned accounts first, then ranked ones by rank, then the rest by name', () => {
    const list = [acc('a'), acc('b', 'x', { order: 1 }), acc('c', 'x', { order: 0 }), acc('d', 'x', { pinned: true }), acc('e', 'x', { pinned: true, order: 5 })];
    expect(names(sortAccounts(list))).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(compareAccounts(list[0]!, list[0]!)).toBe(0);
  });

  it('ranksFor rewrites only the accounts whose rank changes', () => {
    const current = new Map<string, number | undefined>([['a', 0], ['b', 1], ['c', 2], ['d', 3]]);
    expect([...ranksFor(['a', 'c', 'b', 'd'], current)]).toEqual([['c', 1], ['b', 2]]);
    expect(ranksFor(['a', 'b', 'c', 'd'], current).size).toBe(0);
    expect(ranksFor(['x', 'y'], new Map()).size).toBe(2);
  });

  it('moveBy moves one place up or down and stops at the ends', () => {
    expect(moveBy(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveBy(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveBy(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });
});

describe('search and groups', () => {
  const items = [
    { id: '1', issuer: 'GitHub', label: 'alice', sites: ['github.com'], tags: ['Work'] },
    { id: '2', issuer: 'Crédit Agricole', label: 'bob', sites: [], tags: ['Bank'] },
    { id: '3', issuer: 'カメラ', label: 'ｔａｒｏ', sites: [], tags: [] },
  ];
  const index = new SearchIndex(items);
  it('matches case-, accent-, width- and kana-insensitively over issuer, label, sites and tags', () => {
    expect(index.filter('CREDIT').map((a) => a.id)).toEqual(['2']);
    expect(index.filter('かめ').map((a) => a.id)).toEqual(['3']);
    expect(index.filter('taro').map((a) => a.id)).toEqual(['3']);
    expect(index.filter('github.com').map((a) => a.id)).toEqual(['1']);
    expect(index.filter('work').map((a) => a.id)).toEqual(['1']);
    expect(index.filter('').map((a) => a.id)).toEqual(['1', '2', '3']);
    expect(index.filter('nothing')).toEqual([]);
    expect(foldKey('Éa')).toBe('ea');
  });

  it('never matches across two fields', () => {
    expect(index.filter('hubali')).toEqual([]);
  });

  it('filters by group, alone or with a query', () => {
    expect(index.filter('', 'Bank').map((a) => a.id)).toEqual(['2']);
    expect(index.filter('git', 'Bank')).toEqual([]);
    expect(allTags(items)).toEqual(['Bank', 'Work']);
  });

  it('keeps the work per keystroke to one pass over precomputed keys (1,000 accounts)', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ id: String(i), issuer: `Sérvice ${i}`, label: `user${i}@example.com`, sites: [`s${i}.example`] }));
    const big = new SearchIndex(many);
    // The structure, not a timing: a query folds once, and every key is already folded.
    expect(big.filter('SERVICE 99').map((a) => a.id)).toEqual(['99', '990', '991', '992', '993', '994', '995', '996', '997', '998', '999']);
    expect(big.filter('user1000')).toEqual([]);
  });
});
