// accounts.* handlers (shared/automation-api.md, Messages): import from otpauth:// and
// otpauth-migration:// text, list, update and remove. A batch import is one vault commit,
// so a service worker stopped mid-import leaves either every account or none.
import { t } from '../i18n/i18n';
import { DEFAULT_WINDOW, type AccountData, type OtpParams } from '../otp/account';
import { accountFromTypedSecret, sameAccount } from '../otp/identity';
import { parseImportText } from '../otp/import';
import { TesseraError } from '../messages/errors';
import { randomId } from '../crypto/random';
import { normaliseSites, siteOf } from '../sites/site';
import { usedMarksFrom } from '../tokens/view';
import { ranksFor, sortAccounts } from '../order/order';
import type { OpenRecord } from '../vault/types';
import { serialized } from './mutex';
import { optStr, str } from './router';
import type { ApiContext, Message, Result } from './types';

export type AccountRecord = OpenRecord<AccountData>;

export interface AccountSummary {
  id: string;
  type: AccountData['type'];
  issuer: string;
  label: string;
  algorithm: AccountData['algorithm'];
  digits: number;
  period: number | null;
  counter: number | null;
  sites: string[];
  tokensRemaining: number;
  /** Emergency tokens held, used ones included (an answer field beyond the contract). */
  tokensTotal: number;
  /** Issue 14 (answer fields beyond the contract): pinned first, the user's rank, groups. */
  pinned: boolean;
  order: number | null;
  tags: string[];
}

/** Every account that opens; corrupt ones are reported by the caller that asks for them. */
export async function loadAccounts(ctx: ApiContext): Promise<AccountRecord[]> {
  return (await ctx.vault.read<AccountData>('account')).records;
}

export async function loadAccount(ctx: ApiContext, id: string): Promise<AccountRecord> {
  const rec = await ctx.vault.get<AccountData>(id);
  if (!rec || rec.kind !== 'account') throw new TesseraError('not-found');
  return rec;
}

export interface TokenCount {
  remaining: number;
  total: number;
}

/** Emergency tokens per account id: held, and unused (without a used mark). */
export async function tokenCounts(ctx: ApiContext): Promise<Map<string, TokenCount>> {
  const tokens = (await ctx.vault.read<{ accountId: string }>('token')).records;
  return countTokens(tokens, (await ctx.vault.read<{ usedAt: number }>('used')).records);
}

/** Emergency tokens per account, used ones included in `total`, from the token and used records. */
export function countTokens(
  tokens: ReadonlyArray<{ id: string; data: { accountId: string } }>,
  used: ReadonlyArray<{ id: string; data: { usedAt: number } }>,
): Map<string, TokenCount> {
  const marks = usedMarksFrom(used);
  const counts = new Map<string, TokenCount>();
  for (const t of tokens) {
    const c = counts.get(t.data.accountId) ?? { remaining: 0, total: 0 };
    c.total++;
    if (!marks.has(t.id)) c.remaining++;
    counts.set(t.data.accountId, c);
  }
  return counts;
}

export function summarise(rec: AccountRecord, tokens: TokenCount = { remaining: 0, total: 0 }): AccountSummary {
  const a = rec.data;
  return {
    id: rec.id,
    type: a.type,
    issuer: a.issuer,
    label: a.label,
    algorithm: a.algorithm,
    digits: a.digits,
    period: a.type === 'totp' ? a.period : null,
    counter: a.type === 'hotp' ? a.counter : null,
    sites: a.sites,
    tokensRemaining: tokens.remaining,
    tokensTotal: tokens.total,
    pinned: !!a.pinned,
    order: typeof a.order === 'number' ? a.order : null,
    tags: a.tags ?? [],
  };
}

export function newAccountData(p: OtpParams, sites: string[], now: number): AccountData {
  return { ...p, window: DEFAULT_WINDOW, sites, createdAt: now };
}

/** Reads the optional `sites` field (a list that replaces the binding): normalised, or bad-input. */
export function sitesField(msg: Message): string[] | undefined {
  if (msg.sites === undefined) return undefined;
  if (!Array.isArray(msg.sites) || !msg.sites.every((s) => typeof s === 'string')) throw new TesseraError('bad-input', t('error.input.list', 'sites'));
  const n = normaliseSites(msg.sites as string[]);
  if (n.invalid.length) throw new TesseraError('bad-input', t('error.input.site', n.invalid.join(', ').slice(0, 120)));
  return n.sites;
}

/** Reads the optional `site` field: a URL or host, normalised to a site (bad-input if none). */
function siteField(msg: Message): string[] {
  const raw = optStr(msg, 'site');
  if (raw === undefined || raw.trim() === '') return [];
  const site = siteOf(raw);
  if (!site) throw new TesseraError('bad-input', t('error.input.site', raw.slice(0, 80)));
  return [site];
}

/**
 * Adds parsed accounts, skipping duplicates of stored accounts and of earlier items.
 * Shared by accounts.import, accounts.add, qr.scanTab and qr.confirm.
 */
export function addAccounts(
  ctx: ApiContext,
  items: Array<{ params: OtpParams }>,
  sites: string[],
): Promise<{ added: Array<{ id: string; issuer: string; label: string }>; duplicates: number }> {
  return serialized(() => addAccountsNow(ctx, items, sites));
}

async function addAccountsNow(
  ctx: ApiContext,
  items: Array<{ params: OtpParams }>,
  sites: string[],
): Promise<{ added: Array<{ id: string; issuer: string; label: string }>; duplicates: number }> {
  // `tokens` entries hold no secret: they are never the duplicate of an account.
  const known: Array<Pick<OtpParams, 'secret' | 'issuer' | 'label'>> = (await loadAccounts(ctx)).filter((r) => r.data.type !== 'tokens').map((r) => r.data);
  const added: Array<{ id: string; issuer: string; label: string }> = [];
  const put: Array<{ id: string; kind: 'account'; data: AccountData }> = [];
  let duplicates = 0;
  for (const { params } of items) {
    if (known.some((k) => sameAccount(k, params))) {
      duplicates++;
      continue;
    }
    known.push(params);
    const id = randomId();
    put.push({ id, kind: 'account', data: newAccountData(params, sites, ctx.now()) });
    added.push({ id, issuer: params.issuer, label: params.label });
  }
  if (put.length) {
    await ctx.vault.commit({ put });
    ctx.onChange?.();
  }
  return { added, duplicates };
}

export async function importAccounts(msg: Message, ctx: ApiContext): Promise<Result> {
  const text = str(msg, 'text');
  const sites = siteField(msg);
  const { items, errors } = parseImportText(text);
  const { added, duplicates } = await addAccounts(ctx, items, sites);
  return { added, duplicates, errors };
}

/** accounts.add (used by the options page's "type a secret" form). */
export async function addTyped(msg: Message, ctx: ApiContext): Promise<Result> {
  const input = msg.account;
  if (!input || typeof input !== 'object') throw new TesseraError('bad-input');
  for (const [k, v] of Object.entries(input)) {
    if (typeof v !== 'string' && typeof v !== 'number') throw new TesseraError('bad-input', t('error.input.string', k));
  }
  const params = accountFromTypedSecret(input as Parameters<typeof accountFromTypedSecret>[0]);
  const { added, duplicates } = await addAccounts(ctx, [{ params }], siteField(msg));
  return { added, duplicates };
}

export async function listAccounts(_msg: Message, ctx: ApiContext): Promise<Result> {
  const { records, corrupt } = await ctx.vault.read<AccountData>('account');
  const counts = await tokenCounts(ctx);
  // The stable order (automation-api.md, Stable hooks; lib/order): the popup shows the same.
  const accounts = sortAccounts(records.map((r) => summarise(r, counts.get(r.id))));
  return corrupt.length ? { accounts, corrupt } : { accounts };
}

function stringField(msg: Message, field: string, max: number): string | undefined {
  const v = msg[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.length > max) throw new TesseraError('bad-input', t('error.input.text', field, max));
  return v.trim();
}

export function updateAccount(msg: Message, ctx: ApiContext): Promise<Result> {
  // Under the lock: a fill advancing an HOTP counter meanwhile must not be written back older.
  return serialized(() => updateAccountNow(msg, ctx));
}

async function updateAccountNow(msg: Message, ctx: ApiContext): Promise<Result> {
  const rec = await loadAccount(ctx, str(msg, 'id'));
  const issuer = stringField(msg, 'issuer', 256);
  const label = stringField(msg, 'label', 256);
  const sites = sitesField(msg);
  const tags = tagsField(msg);
  if (msg.pinned !== undefined && typeof msg.pinned !== 'boolean') throw new TesseraError('bad-input', t('error.input.boolean', 'pinned'));
  if (msg.order !== undefined && msg.order !== null && (typeof msg.order !== 'number' || !Number.isInteger(msg.order))) throw new TesseraError('bad-input', t('error.input.integer', 'order'));
  if (msg.window !== undefined) {
    if (typeof msg.window !== 'number' || !Number.isInteger(msg.window) || msg.window < 0 || msg.window > 10) throw new TesseraError('bad-input', t('error.input.range', 'window', 0, 10));
  }
  const data: AccountData = {
    ...rec.data,
    ...(issuer !== undefined ? { issuer } : {}),
    ...(label !== undefined ? { label } : {}),
    ...(sites !== undefined ? { sites } : {}),
    ...(typeof msg.window === 'number' ? { window: msg.window } : {}),
    ...(tags !== undefined ? { tags } : {}),
    ...(typeof msg.pinned === 'boolean' ? { pinned: msg.pinned } : {}),
    ...(typeof msg.order === 'number' ? { order: msg.order } : {}),
  };
  if (msg.order === null) delete data.order;
  await ctx.vault.commit({ put: [{ id: rec.id, kind: 'account', data }] });
  ctx.onChange?.();
  return { account: summarise({ ...rec, data }, (await tokenCounts(ctx)).get(rec.id)) };
}

export function removeAccount(msg: Message, ctx: ApiContext): Promise<Result> {
  return serialized(() => removeAccountNow(msg, ctx));
}

async function removeAccountNow(msg: Message, ctx: ApiContext): Promise<Result> {
  const rec = await loadAccount(ctx, str(msg, 'id'));
  // The account's emergency tokens go with it; their used marks stay (a grow-only set).
  const tokens = (await ctx.vault.read<{ accountId: string }>('token')).records.filter((t) => t.data.accountId === rec.id);
  await ctx.vault.commit({ remove: [rec.id, ...tokens.map((t) => t.id)] });
  ctx.onChange?.();
  return {};
}

/** Reads the optional `tags` field: a list of group names (trimmed, distinct, 1–40 chars, ≤ 20). */
export function tagsField(msg: Message): string[] | undefined {
  if (msg.tags === undefined) return undefined;
  if (!Array.isArray(msg.tags) || !msg.tags.every((s) => typeof s === 'string')) throw new TesseraError('bad-input', t('error.input.list', 'tags'));
  const tags = [...new Set((msg.tags as string[]).map((s) => s.normalize('NFC').trim()).filter(Boolean))];
  if (tags.length > 20 || tags.some((s) => s.length > 40)) throw new TesseraError('bad-input', t('error.input.text', 'tags', 40));
  return tags;
}

/**
 * accounts.reorder (issue 14): `ids`, every account in the user's new order (pins stay as
 * set). Only the accounts whose rank changes are rewritten, in one commit, so they sync.
 */
export function reorderAccounts(msg: Message, ctx: ApiContext): Promise<Result> {
  return serialized(async () => {
    const ids = msg.ids;
    if (!Array.isArray(ids) || !ids.every((s) => typeof s === 'string') || new Set(ids).size !== ids.length) throw new TesseraError('bad-input', t('error.input.list', 'ids'));
    const records = await loadAccounts(ctx);
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const id of ids as string[]) if (!byId.has(id)) throw new TesseraError('not-found');
    // Accounts left out keep their place after the listed ones (a list made before an import, say).
    const rest = sortAccounts(records.filter((r) => !(ids as string[]).includes(r.id)).map((r) => summarise(r))).map((a) => a.id);
    const changed = ranksFor([...(ids as string[]), ...rest], new Map(records.map((r) => [r.id, r.data.order])));
    if (changed.size) {
      await ctx.vault.commit({ put: [...changed].map(([id, order]) => ({ id, kind: 'account' as const, data: { ...byId.get(id)!.data, order } })) });
      ctx.onChange?.();
    }
    return { changed: changed.size };
  });
}
