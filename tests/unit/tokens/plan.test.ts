// planTokenAdd (lib/tokens/plan.ts): duplicates, the 50-token cap, refusals in position order.
import { describe, expect, it } from 'vitest';
import { parseTokenPaste } from '../../../lib/tokens/parse';
import { MAX_TOKENS_PER_ENTRY, planTokenAdd } from '../../../lib/tokens/plan';

const tokens = (n: number, prefix = 'tok') => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);

describe('planTokenAdd', () => {
  it('accepts new values in position order', () => {
    const plan = planTokenAdd([], parseTokenPaste('1. ab12\n2. cd34'));
    expect(plan).toEqual({ accept: [{ position: 1, value: 'ab12' }, { position: 2, value: 'cd34' }], rejected: [], duplicates: 0 });
  });

  it('refuses duplicates of existing values (used or not) and repeats within the paste, case-sensitively', () => {
    const plan = planTokenAdd(['ab12'], parseTokenPaste('ab12 AB12 cd34 cd34 "ab12"'));
    expect(plan.accept.map((a) => a.value)).toEqual(['AB12', 'cd34']);
    expect(plan.rejected).toEqual([
      { position: 1, reason: 'duplicate' },
      { position: 4, reason: 'duplicate' },
      { position: 5, reason: 'duplicate' },
    ]);
    expect(plan.duplicates).toBe(3);
  });

  it('compares values after the decoration is stripped', () => {
    const plan = planTokenAdd(['ab12-cd34'], parseTokenPaste('1. ab12-cd34\n- 「ab12-cd34」'));
    expect(plan.accept).toEqual([]);
    expect(plan.duplicates).toBe(2);
  });

  it('caps an entry at exactly 50 tokens, used ones counted', () => {
    expect(MAX_TOKENS_PER_ENTRY).toBe(50);
    // 45 existing tokens (say 20 of them used: the planner gets all 45 values) + a paste of 6.
    const plan = planTokenAdd(tokens(45), parseTokenPaste(tokens(6, 'new').join('\n')));
    expect(plan.accept.map((a) => a.position)).toEqual([1, 2, 3, 4, 5]);
    expect(plan.rejected).toEqual([{ position: 6, reason: 'limit' }]);
    expect(plan.duplicates).toBe(0);
  });

  it('fills an empty entry with 50 and refuses the 51st', () => {
    const plan = planTokenAdd([], parseTokenPaste(tokens(51).join(',')));
    expect(plan.accept).toHaveLength(50);
    expect(plan.rejected).toEqual([{ position: 51, reason: 'limit' }]);
  });

  it('refuses everything for the limit when the entry already holds 50 (or more)', () => {
    expect(planTokenAdd(tokens(50), parseTokenPaste('x1 x2')).rejected.map((r) => r.reason)).toEqual(['limit', 'limit']);
    expect(planTokenAdd(tokens(60), parseTokenPaste('x1')).rejected).toEqual([{ position: 1, reason: 'limit' }]);
  });

  it('does not let refused values take room under the cap', () => {
    const plan = planTokenAdd(tokens(48), parseTokenPaste(`"" tok-0000 ${'z'.repeat(200)} a1 a1 b2 c3`));
    expect(plan.accept.map((a) => a.value)).toEqual(['a1', 'b2']);
    expect(plan.rejected).toEqual([
      { position: 1, reason: 'empty' },
      { position: 2, reason: 'duplicate' },
      { position: 3, reason: 'too-long' },
      { position: 5, reason: 'duplicate' },
      { position: 7, reason: 'limit' },
    ]);
    expect(plan.duplicates).toBe(2);
  });

  it('calls a repeat of a value refused for the limit a duplicate', () => {
    const plan = planTokenAdd(tokens(50), parseTokenPaste('x1 x1'));
    expect(plan.rejected).toEqual([{ position: 1, reason: 'limit' }, { position: 2, reason: 'duplicate' }]);
    expect(plan.duplicates).toBe(1);
  });

  it('takes a smaller cap (the page knows only the entry\'s total)', () => {
    const plan = planTokenAdd([], parseTokenPaste('a1 b2 c3'), 1);
    expect(plan.accept.map((a) => a.value)).toEqual(['a1']);
    expect(plan.rejected.map((r) => r.reason)).toEqual(['limit', 'limit']);
  });
});
