// tokens.* handlers (shared/automation-api.md, Messages and "Tokens:"): add from a paste,
// list masked, copy (which uses a token up), reveal without using, and clear used ones.
// A token is a `token` record; its used mark a separate `used` record (grow-only, lib/tokens/view.ts).
import { t } from '../i18n/i18n';
import type { AccountData } from '../otp/account';
import { DEFAULT_WINDOW } from '../otp/account';
import { TesseraError } from '../messages/errors';
import { randomId } from '../crypto/random';
import { MAX_PASTE_LENGTH, parseTokenPaste } from '../tokens/parse';
import { planTokenAdd } from '../tokens/plan';
import { oldestUnused, remaining, tokenView, usedMarkId, usedMarksFrom, usedTokenIds, type TokenRecord } from '../tokens/view';
import { loadAccount, loadAccounts, type AccountRecord } from './accounts';
import { serialized } from './mutex';
import { optStr, str } from './router';
import type { VaultChange } from '../vault/types';
import { clearClipboardLater } from './clipboard';
import type { ApiContext, Message, Result } from './types';

async function tokensAndMarks(ctx: ApiContext, accountId: string): Promise<{ tokens: TokenRecord[]; marks: Map<string, number> }> {
  const tokens = (await ctx.vault.read<Omit<TokenRecord, 'id'>>('token')).records
    .filter((r) => r.data.accountId === accountId)
    .map((r) => ({ id: r.id, ...r.data }));
  const marks = usedMarksFrom((await ctx.vault.read<{ usedAt: number }>('used')).records);
  return { tokens, marks };
}

/** The entry named by `accountId`, or the `tokens` entry called `service` (created when new). */
async function entryFor(msg: Message, ctx: ApiContext): Promise<{ entry: AccountRecord | null; create?: AccountData }> {
  const accountId = optStr(msg, 'accountId');
  if (accountId !== undefined) return { entry: await loadAccount(ctx, accountId) };
  const service = optStr(msg, 'service')?.trim();
  if (!service) throw new TesseraError('bad-input', t('error.input.entry'));
  const existing = (await loadAccounts(ctx)).find((a) => a.data.type === 'tokens' && a.data.issuer === service);
  if (existing) return { entry: existing };
  return {
    entry: null,
    create: {
      type: 'tokens', issuer: service, label: '', secret: '', algorithm: 'SHA1', digits: 6, period: 30, counter: 0,
      extra: [], window: DEFAULT_WINDOW, sites: [], createdAt: ctx.now(),
    },
  };
}

export function addTokens(msg: Message, ctx: ApiContext): Promise<Result> {
  return serialized(() => addTokensNow(msg, ctx));
}

async function addTokensNow(msg: Message, ctx: ApiContext): Promise<Result> {
  const text = str(msg, 'text');
  if (text.length > MAX_PASTE_LENGTH) throw new TesseraError('too-large');
  const { entry, create } = await entryFor(msg, ctx);
  const accountId = entry?.id ?? randomId();
  const { tokens, marks } = entry ? await tokensAndMarks(ctx, accountId) : { tokens: [], marks: new Map<string, number>() };
  const plan = planTokenAdd(tokens.map((t) => t.value), parseTokenPaste(text));
  const now = ctx.now();
  // One millisecond apart, so the paste's order is the order of addition (tokens.list).
  const put: VaultChange['put'] & object = plan.accept.map((a, i) => ({ id: randomId(), kind: 'token', data: { accountId, value: a.value, addedAt: now + i } }));
  // A new `service` entry is created even when nothing was added, so the answer names it.
  if (create) put.unshift({ id: accountId, kind: 'account', data: create });
  if (put.length) {
    await ctx.vault.commit({ put });
    ctx.onChange?.();
  }
  return {
    accountId,
    added: plan.accept.length,
    duplicates: plan.duplicates,
    rejected: plan.rejected,
    remaining: remaining(tokens, marks) + plan.accept.length,
  };
}

export async function listTokens(msg: Message, ctx: ApiContext): Promise<Result> {
  const account = await loadAccount(ctx, str(msg, 'accountId'));
  const { tokens, marks } = await tokensAndMarks(ctx, account.id);
  return { tokens: tokenView(tokens, marks), remaining: remaining(tokens, marks) };
}

function pick(tokens: TokenRecord[], marks: Map<string, number>, tokenId: string | undefined): TokenRecord {
  if (tokenId === undefined) {
    const next = oldestUnused(tokens, marks);
    if (!next) throw new TesseraError('none-left');
    return next;
  }
  const token = tokens.find((t) => t.id === tokenId);
  if (!token) throw new TesseraError('not-found');
  return token;
}

/** tokens.copy: hands out a token and marks it used (a used mark is never removed or moved). */
export function copyToken(msg: Message, ctx: ApiContext): Promise<Result> {
  return serialized(() => copyTokenNow(msg, ctx));
}

async function copyTokenNow(msg: Message, ctx: ApiContext): Promise<Result> {
  const account = await loadAccount(ctx, str(msg, 'accountId'));
  const { tokens, marks } = await tokensAndMarks(ctx, account.id);
  const token = pick(tokens, marks, optStr(msg, 'tokenId'));
  if (!marks.has(token.id)) {
    await ctx.vault.commit({ put: [{ id: usedMarkId(token.id), kind: 'used', data: { usedAt: ctx.now() } }] });
    ctx.onChange?.();
  }
  // The asking page writes the clipboard; the background clears it later if it still holds this.
  await clearClipboardLater(ctx, token.value);
  return { value: token.value, tokenId: token.id, remaining: remaining(tokens, marks) - (marks.has(token.id) ? 0 : 1) };
}

/** tokens.reveal: shows a value on the options page after an explicit click; nothing is used. */
export async function revealToken(msg: Message, ctx: ApiContext): Promise<Result> {
  const account = await loadAccount(ctx, str(msg, 'accountId'));
  const { tokens, marks } = await tokensAndMarks(ctx, account.id);
  const token = pick(tokens, marks, str(msg, 'tokenId'));
  return { value: token.value, tokenId: token.id };
}

/** tokens.clearUsed: removes used tokens from the entry (their used marks stay). */
export function clearUsedTokens(msg: Message, ctx: ApiContext): Promise<Result> {
  return serialized(() => clearUsedTokensNow(msg, ctx));
}

async function clearUsedTokensNow(msg: Message, ctx: ApiContext): Promise<Result> {
  const account = await loadAccount(ctx, str(msg, 'accountId'));
  const { tokens, marks } = await tokensAndMarks(ctx, account.id);
  const ids = usedTokenIds(tokens, marks);
  if (ids.length) {
    await ctx.vault.commit({ remove: ids });
    ctx.onChange?.();
  }
  return { cleared: ids.length, remaining: remaining(tokens, marks) };
}
