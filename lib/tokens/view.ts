// What the tokens of one entry look like from outside the vault (automation-api.md, tokens.list
// and tokens.copy): masked rows in the order they were added, used or not, and the count left.
// Storage (lib/vault/types.ts): a `token` record per token, and its used mark as a separate
// `used` record `used:<token id>` { usedAt }, a grow-only set (issue 5, "Ready for sync"): a
// token is used exactly when its mark exists, so a merge that only adds marks never un-uses one.
import { maskToken } from './mask';

/** The `data` of a `token` record, with the record's id. */
export interface TokenRecord {
  id: string;
  accountId: string;
  value: string;
  addedAt: number;
}

/** One row of tokens.list: never the value. */
export interface TokenRow {
  id: string;
  masked: string;
  used: boolean;
  usedAt: number | null;
}

/** Warn when this many unused tokens or fewer remain (issue 5: "configurable, default 2"). */
export const DEFAULT_LOW_TOKEN_THRESHOLD = 2;

const USED_PREFIX = 'used:';

/** The id of the `used` record marking token `tokenId`. */
export function usedMarkId(tokenId: string): string {
  return USED_PREFIX + tokenId;
}

/** token id → usedAt, from the `used` records of the vault (ids other than `used:…` ignored). */
export function usedMarksFrom(records: ReadonlyArray<{ id: string; data: { usedAt: number } }>): Map<string, number> {
  const marks = new Map<string, number>();
  for (const r of records) if (r.id.startsWith(USED_PREFIX)) marks.set(r.id.slice(USED_PREFIX.length), r.data.usedAt);
  return marks;
}

/** The tokens of one entry. */
export function tokensOf<T extends Pick<TokenRecord, 'accountId'>>(accountId: string, tokens: readonly T[]): T[] {
  return tokens.filter((tk) => tk.accountId === accountId);
}

/** Order of addition: addedAt, then id (code-unit order) so equal times stay stable everywhere. */
function inOrder<T extends Pick<TokenRecord, 'id' | 'addedAt'>>(tokens: readonly T[]): T[] {
  return [...tokens].sort((a, b) => a.addedAt - b.addedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** tokens.list rows for the given tokens (those of one entry), in the order they were added. */
export function tokenView(tokens: readonly TokenRecord[], usedMarks: ReadonlyMap<string, number>): TokenRow[] {
  return inOrder(tokens).map((tk) => {
    const usedAt = usedMarks.get(tk.id);
    return { id: tk.id, masked: maskToken(tk.value), used: usedAt !== undefined, usedAt: usedAt ?? null };
  });
}

/** How many of the tokens are unused. */
export function remaining(tokens: readonly Pick<TokenRecord, 'id'>[], usedMarks: ReadonlyMap<string, number>): number {
  return tokens.filter((tk) => !usedMarks.has(tk.id)).length;
}

/** The token tokens.copy hands out when no tokenId is given, or null (`none-left`). */
export function oldestUnused<T extends Pick<TokenRecord, 'id' | 'addedAt'>>(tokens: readonly T[], usedMarks: ReadonlyMap<string, number>): T | null {
  return inOrder(tokens).find((tk) => !usedMarks.has(tk.id)) ?? null;
}

/** Ids of the used tokens, which "Clear used tokens" deletes (their marks stay: grow-only). */
export function usedTokenIds(tokens: readonly Pick<TokenRecord, 'id'>[], usedMarks: ReadonlyMap<string, number>): string[] {
  return tokens.filter((tk) => usedMarks.has(tk.id)).map((tk) => tk.id);
}

/**
 * The low-tokens warning: `remaining` is at or under `threshold` (0 warns only when none are
 * left). Ask it only of an entry that holds tokens: an account without any is not "low".
 */
export function isLow(remainingCount: number, threshold: number = DEFAULT_LOW_TOKEN_THRESHOLD): boolean {
  return remainingCount <= threshold;
}
