// Restoring a Tessera backup into a vault that may already hold accounts (issue 12, "Encrypted
// backup": a restore MERGES). The rules, decided here and listed in docs/backup-format.md:
// - Nothing is removed, and nothing local is lost: an account is matched to a local one by its
//   record id (the same vault, or one synced with it), else by the duplicate rule of
//   lib/otp/identity.ts (same seed, issuer and label), and an emergency-token entry by its name.
// - A matched account keeps the newer of the two versions, by their hybrid-logical-clock stamps
//   (the stamps of one synced vault are comparable across devices): a newer local edit is kept.
//   Whichever wins, an HOTP counter never goes back (RFC 4226 §7.2): the higher one is kept.
// - Tokens merge per value within an entry: a value already there stays (with its used mark,
//   and gains the backup's used mark if it had none: a used mark stays used); a new value is
//   added with its used mark, up to the 50-token limit (the rest is reported). A token the user
//   cleared after using it (its used mark is still here, the token is not) does not come back.
// - New accounts keep their backup ids (so a later sync with the original vault converges
//   instead of duplicating), unless the id is taken here.
// The plan is pure: the caller writes `put` in one vault commit, so all of it or none happens.
import { t } from '../i18n/i18n';
import type { AccountData } from '../otp/account';
import { canonicalSecret } from '../otp/base32';
import { sameAccount } from '../otp/identity';
import type { ImportError } from '../otp/import';
import { compareHlc } from '../record/hlc';
import { MAX_TOKENS_PER_ENTRY } from '../tokens/plan';
import { usedMarkId } from '../tokens/view';
import type { BackupAccount, BackupToken, ReadContent } from './content';

export interface LocalState {
  accounts: Array<{ id: string; hlc: string; data: AccountData }>;
  tokens: Array<{ id: string; data: { accountId: string; value: string; addedAt: number } }>;
  /** token id → usedAt, every used mark here (also those of cleared tokens). */
  used: Map<string, number>;
  /** Every live record id here, of any kind. */
  ids: Set<string>;
}

export interface RestoreOptions {
  /** 1-based indices of `entries` (previewEntries) to restore; all when absent. */
  keep?: ReadonlySet<number>;
  /** Sites bound to the accounts the restore adds (besides their own). */
  sites: string[];
  newId(): string;
}

export type Put = { id: string; kind: 'account' | 'token' | 'used'; data: unknown };

export interface RestorePlan {
  put: Put[];
  added: Array<{ id: string; issuer: string; label: string }>;
  /** Accounts that were already here (merged into the local one). */
  duplicates: number;
  /** Matched accounts whose backup version was newer and replaced the local one. */
  updated: number;
  tokensAdded: number;
  marksAdded: number;
  errors: ImportError[];
}

export interface PreviewEntry {
  index: number;
  line: number;
  type: AccountData['type'];
  issuer: string;
  label: string;
  /** Already here: restoring merges it instead of adding it. */
  duplicate: boolean;
  tokens: number;
}

type Local = LocalState['accounts'][number];

function seedKey(secret: string): string {
  try {
    return canonicalSecret(secret);
  } catch {
    return secret; // as lib/otp/identity.ts compares a secret that is not Base32
  }
}

/**
 * Finds the local account a backed-up one is: by id, else (tokens entries) by name, else by the
 * duplicate rule. Indexed by id, name and seed, so a restore of thousands of accounts into a
 * vault of thousands stays linear; within one seed the rule itself (sameAccount) decides.
 */
export class AccountIndex {
  private readonly byId = new Map<string, Local>();
  private readonly byName = new Map<string, Local>();
  private readonly bySeed = new Map<string, Local[]>();

  constructor(accounts: readonly Local[]) {
    for (const a of accounts) this.add(a);
  }

  add(a: Local): void {
    this.byId.set(a.id, a);
    if (a.data.type === 'tokens') {
      if (!this.byName.has(a.data.issuer)) this.byName.set(a.data.issuer, a);
      return;
    }
    const k = seedKey(a.data.secret);
    this.bySeed.set(k, [...(this.bySeed.get(k) ?? []), a]);
  }

  match(b: { id: string; data: Pick<AccountData, 'type' | 'secret' | 'issuer' | 'label'> }): Local | undefined {
    const byId = this.byId.get(b.id);
    if (byId) return byId;
    if (b.data.type === 'tokens') return this.byName.get(b.data.issuer);
    return this.bySeed.get(seedKey(b.data.secret))?.find((l) => sameAccount(l.data, b.data));
  }
}

/** What the preview shows: every readable account of the backup, duplicates marked. */
export function previewEntries(content: ReadContent, local: LocalState): PreviewEntry[] {
  const index = new AccountIndex(local.accounts);
  const tokens = tokensByAccount(content.tokens);
  return content.accounts.map((a, i) => ({
    index: i + 1,
    line: a.line,
    type: a.data.type,
    issuer: a.data.issuer,
    label: a.data.label,
    duplicate: index.match(a) !== undefined,
    tokens: tokens.get(a.id)?.length ?? 0,
  }));
}

function tokensByAccount<T extends { accountId: string }>(tokens: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const tk of tokens) m.set(tk.accountId, [...(m.get(tk.accountId) ?? []), tk]);
  return m;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function planRestore(content: ReadContent, local: LocalState, o: RestoreOptions): RestorePlan {
  const plan: RestorePlan = { put: [], added: [], duplicates: 0, updated: 0, tokensAdded: 0, marksAdded: 0, errors: [...content.errors] };
  const ids = new Set(local.ids);
  const index = new AccountIndex(local.accounts);
  const incoming = tokensByAccount(content.tokens);
  const here = tokensByAccount(local.tokens.map((tk) => ({ ...tk, accountId: tk.data.accountId })));
  const tokenIds = new Set(local.tokens.map((tk) => tk.id));
  const freshId = (wanted: string) => {
    const id = ids.has(wanted) ? o.newId() : wanted;
    ids.add(id);
    return id;
  };
  content.accounts.forEach((b, i) => {
    if (o.keep && !o.keep.has(i + 1)) return;
    const match = index.match(b);
    let target: string;
    if (match) {
      plan.duplicates++;
      target = match.id;
      const backupNewer = compareHlc(b.hlc, match.hlc) > 0;
      const winner: AccountData = backupNewer ? { ...b.data, createdAt: match.data.createdAt } : match.data;
      const counter = winner.type === 'hotp' ? Math.max(match.data.counter, b.data.counter) : winner.counter;
      const data = { ...winner, counter };
      if (!sameJson(data, match.data)) {
        plan.put.push({ id: match.id, kind: 'account', data });
        if (backupNewer) plan.updated++;
      }
    } else {
      target = freshId(b.id);
      const sites = [...new Set([...b.data.sites, ...o.sites])];
      const data = { ...b.data, sites };
      plan.put.push({ id: target, kind: 'account', data });
      plan.added.push({ id: target, issuer: data.issuer, label: data.label });
      index.add({ id: target, hlc: b.hlc, data });
    }
    mergeTokens(plan, incoming.get(b.id) ?? [], here.get(target) ?? [], tokenIds, b, target, local.used, ids, freshId);
  });
  plan.errors.sort((a, b) => a.line - b.line);
  return plan;
}

function mergeTokens(
  plan: RestorePlan,
  incoming: BackupToken[],
  here: LocalState['tokens'],
  tokenIds: ReadonlySet<string>,
  b: BackupAccount & { line: number },
  target: string,
  used: LocalState['used'],
  ids: Set<string>,
  freshId: (wanted: string) => string,
): void {
  const byValue = new Map(here.map((tk) => [tk.data.value, tk.id]));
  let count = here.length;
  let over = 0;
  const mark = (tokenId: string, usedAt: number) => {
    if (used.has(tokenId) || ids.has(usedMarkId(tokenId))) return;
    ids.add(usedMarkId(tokenId));
    plan.put.push({ id: usedMarkId(tokenId), kind: 'used', data: { usedAt } });
    plan.marksAdded++;
  };
  for (const tk of [...incoming].sort((x, y) => x.addedAt - y.addedAt)) {
    const existing = byValue.get(tk.value);
    if (existing !== undefined) {
      if (tk.usedAt !== null) mark(existing, tk.usedAt);
      continue;
    }
    // Used, then cleared here: its mark outlived it on purpose; the token stays gone.
    if (used.has(tk.id) && !tokenIds.has(tk.id)) continue;
    if (count >= MAX_TOKENS_PER_ENTRY) {
      over++;
      continue;
    }
    const id = freshId(tk.id);
    plan.put.push({ id, kind: 'token', data: { accountId: target, value: tk.value, addedAt: tk.addedAt } });
    byValue.set(tk.value, id);
    count++;
    plan.tokensAdded++;
    if (tk.usedAt !== null) mark(id, tk.usedAt);
  }
  if (over) plan.errors.push({ line: b.line, code: 'too-large', message: t('backup.tokens-limit', over, MAX_TOKENS_PER_ENTRY) });
}
