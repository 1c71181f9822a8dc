// popup.init and popup.codes (issue 14): everything the popup's first paint needs in ONE
// message — the accounts in display order, the codes of the first screen only, the tab's site
// and the accounts bound to it, and the settings the rows use — so a popup over 1,000 accounts
// costs one round trip and a screenful of HMACs. popup.codes then gives the codes of the rows
// the popup puts in the document later (scrolling, searching, the next time step).
import type { AccountData } from '../otp/account';
import { siteOf } from '../sites/site';
import { displayOrder, sortAccounts } from '../order/order';
import { summarise, tokenCounts, type AccountRecord, type AccountSummary } from './accounts';
import { codeNow } from './clock';
import type { TabsPort } from './autofill';
import { localCodes } from './codes';
import { int } from './router';
import type { ApiContext, Message, Result } from './types';

export interface PopupCode {
  id: string;
  code: string;
  period: number | null;
  expiresAt: number | null;
  acceptedUntil: number | null;
}

/** The codes of `ids` (in that order) among `records`, on corrected time as codes.all gives them. */
async function codesOf(records: ReadonlyMap<string, AccountRecord>, ids: Iterable<string>, ctx: ApiContext): Promise<{ codes: PopupCode[]; now: number }> {
  const { now, shiftMs } = await codeNow(ctx);
  const picked = [...ids].map((id) => records.get(id)).filter((r): r is AccountRecord => r !== undefined);
  return { codes: localCodes(picked, now, shiftMs), now: now + shiftMs };
}

/** popup.init: `tabId` (optional), `first` (rows on the first screen, default 30). */
export async function popupInit(msg: Message, ctx: ApiContext): Promise<Result> {
  const tabId = typeof msg.tabId === 'number' ? msg.tabId : undefined;
  const first = msg.first === undefined ? 30 : Math.max(0, Math.min(10_000, int(msg, 'first')));
  const [read, counts, settings, url] = await Promise.all([
    ctx.vault.read<AccountData>('account'),
    tokenCounts(ctx),
    ctx.settings.get(),
    tabId !== undefined && ctx.services?.tabs ? (ctx.services.tabs as TabsPort).tabUrl(tabId).catch(() => null) : Promise.resolve<string | null>(null),
  ]);
  const site = url ? siteOf(url) : null;
  const accounts = sortAccounts(read.records.map((r) => summarise(r, counts.get(r.id))));
  const bound = site ? accounts.filter((a) => a.sites.includes(site)).map((a) => a.id) : [];
  const shown = displayOrder(accounts, new Set(bound)).slice(0, first).map((a) => a.id);
  const { codes, now } = await codesOf(new Map(read.records.map((r) => [r.id, r as AccountRecord])), shown, ctx);
  return { accounts, codes, site, bound, now, settings: { lowTokenThreshold: settings.lowTokenThreshold, hideCodes: settings.hideCodes }, ...(read.corrupt.length ? { corrupt: read.corrupt } : {}) };
}

/** popup.codes: `ids`, the rows the popup has in its document; answers their codes. */
export async function popupCodes(msg: Message, ctx: ApiContext): Promise<Result> {
  const ids = Array.isArray(msg.ids) ? msg.ids.filter((x): x is string => typeof x === 'string').slice(0, 10_000) : [];
  const want = new Set(ids);
  const records = new Map<string, AccountRecord>();
  // Reading by id would open each record alone; one indexed read is cheaper past a few dozen.
  for (const r of (await ctx.vault.read<AccountData>('account')).records) if (want.has(r.id)) records.set(r.id, r as AccountRecord);
  return codesOf(records, ids, ctx);
}
