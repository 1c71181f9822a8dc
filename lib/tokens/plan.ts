// Which values of a parsed paste may be added to an entry (shared/automation-api.md, tokens.add
// and the "Tokens:" paragraph): a duplicate is a value equal (case-sensitive, after the paste's
// decoration is stripped) to a token the entry holds, used or not, or to an earlier value of the
// same paste; an entry holds at most 50 tokens, used ones included until they are cleared.
import type { ParsedToken } from './parse';

/** Most tokens one entry may hold (issue 5: "up to 50"). */
export const MAX_TOKENS_PER_ENTRY = 50;

export type RejectReason = 'duplicate' | 'limit' | 'empty' | 'too-long' | 'bad-character';

export interface TokenPlan {
  /** Values to store, in position order. */
  accept: Array<{ position: number; value: string }>;
  /** Every value not added, in position order (duplicates included). */
  rejected: Array<{ position: number; reason: RejectReason }>;
  /** How many of `rejected` are duplicates. */
  duplicates: number;
}

/**
 * Plans an add. `existing` holds the values already in the entry (used or not); `cap` is the
 * most the entry may hold afterwards. A value repeated within the paste is a duplicate even when
 * its first occurrence was refused for the limit (it is still "a repeat within the same paste"),
 * and a duplicate is reported as `duplicate` rather than `limit`.
 */
export function planTokenAdd(existing: readonly string[], parsed: readonly ParsedToken[], cap: number = MAX_TOKENS_PER_ENTRY): TokenPlan {
  const seen = new Set(existing);
  const room = Math.max(0, cap - existing.length);
  const plan: TokenPlan = { accept: [], rejected: [], duplicates: 0 };
  for (const item of [...parsed].sort((a, b) => a.position - b.position)) {
    if ('reason' in item) {
      plan.rejected.push({ position: item.position, reason: item.reason });
    } else if (seen.has(item.value)) {
      plan.rejected.push({ position: item.position, reason: 'duplicate' });
      plan.duplicates++;
    } else {
      seen.add(item.value);
      if (plan.accept.length < room) plan.accept.push({ position: item.position, value: item.value });
      else plan.rejected.push({ position: item.position, reason: 'limit' });
    }
  }
  return plan;
}
