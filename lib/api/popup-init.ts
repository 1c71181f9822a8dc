// popup.init and popup.codes (issue 14): everything the popup's first paint needs in ONE
// message — the accounts in display order, the codes of the first screen only, the tab's site
// and the accounts bound to it, and the settings the rows use — so a popup over 1,000 accounts
// costs one round trip and a screenful of HMACs. popup.codes then gives the codes of the rows
// the popup puts in the document later (scrolling, searching, the next time step).
// Each popup.init also leaves the session view (lib/popup/view.ts) for the next popup, which
// draws its first screen from it before this background has even started.
import type { AccountData } from '../otp/account';
import type { OpenRecord, RecordKind, Snapshot } from '../vault/types';
import { siteOf } from '../sites/site';
import { TesseraError } from '../messages/errors';
import { displayOrder, sortAccounts } from '../order/order';
import { VIEW_VERSION, type PopupView } from '../popup/view';
import { localCodes } from '../otp/shown-codes';
import { countTokens, summarise, type AccountRecord } from './accounts';
import { codeNow } from './clock';
import type { TabsPort } from './autofill';
import { int } from './router';
import type { ApiContext, Message, Result } from './types';

export interface PopupCode {
  id: string;
  code: string;
  period: number | null;
  expiresAt: number | null;
  acceptedUntil: number | null;
}

/** Where the popup's session view goes (lib/platform/popup-view-store.ts; a fake in unit tests). */
export interface PopupViewPort {
  /** The stamp of the stored settings as they are now (lib/popup/view.ts settingsStamp). */
  settingsStamp(): Promise<string>;
  save(view: PopupView): Promise<void>;
}

/**
 * The account list popup.init answers, derived from the whole vault once per generation
 * (Vault.derived: a popup opened again over an unchanged vault of 1,000 accounts reads one row
 * of meta instead of every record, and sorts nothing).
 */
function accountList(snap: Snapshot<unknown>) {
  const byKind = <T>(kind: RecordKind) => snap.records.filter((r) => r.kind === kind) as Array<OpenRecord<T>>;
  const accountRecords = byKind<AccountData>('account') as AccountRecord[];
  const counts = countTokens(byKind<{ accountId: string }>('token'), byKind<{ usedAt: number }>('used'));
  return {
    accounts: sortAccounts(accountRecords.map((r) => summarise(r, counts.get(r.id)))),
    stamps: new Map(accountRecords.map((r) => [r.id, r.hlc])),
    corrupt: snap.corrupt.filter((c) => c.kind === 'account'),
    vaultId: snap.vaultId,
    kid: snap.kid,
  };
}

/** The codes of `ids` (in that order) among `records`, on corrected time as codes.all gives them. */
async function codesOf(records: ReadonlyMap<string, AccountRecord>, ids: Iterable<string>, ctx: ApiContext): Promise<{ codes: PopupCode[]; now: number; shiftMs: number }> {
  const { now, shiftMs } = await codeNow(ctx);
  const picked = [...ids].map((id) => records.get(id)).filter((r): r is AccountRecord => r !== undefined);
  return { codes: localCodes(picked, now, shiftMs), now: now + shiftMs, shiftMs };
}

/**
 * popup.init: `tabId` (optional), `first` (rows on the first screen, default 30), `known`
 * (optional: the generation of the session view the popup drew its first screen from). When the
 * vault is still at that generation the answer leaves out `accounts` and says `unchanged: true`:
 * the popup has them already, and 1,000 summaries are the costliest part of the message to pass.
 */
export async function popupInit(msg: Message, ctx: ApiContext): Promise<Result> {
  const tabId = typeof msg.tabId === 'number' ? msg.tabId : undefined;
  const known = typeof msg.known === 'string' ? msg.known : null;
  const first = msg.first === undefined ? 30 : Math.max(0, Math.min(10_000, int(msg, 'first')));
  const views = ctx.services?.popupViews as PopupViewPort | undefined;
  // The stored settings' stamp is read BEFORE the settings: a change in between leaves the view
  // naming the older settings, which the popup then sees do not match (never the other way round).
  const stamp = views ? await views.settingsStamp().catch(() => null) : null;
  const [{ value: list, generation }, settings, url] = await Promise.all([
    ctx.vault.derived('popup.init', accountList),
    ctx.settings.get(),
    tabId !== undefined && ctx.services?.tabs ? (ctx.services.tabs as TabsPort).tabUrl(tabId).catch(() => null) : Promise.resolve<string | null>(null),
  ]);
  const { accounts, stamps } = list;
  const site = url ? siteOf(url) : null;
  const bound = site ? accounts.filter((a) => a.sites.includes(site)).map((a) => a.id) : [];
  const shown = displayOrder(accounts, new Set(bound)).slice(0, first).map((a) => a.id);
  // The rows shown are read afresh (a screenful of single reads): one changed behind the vault's
  // back since the list was derived is reported corrupt now, not only after the next write.
  const records = new Map<string, AccountRecord>();
  const corrupt = [...list.corrupt];
  await Promise.all(shown.map(async (id) => {
    try {
      const r = await ctx.vault.get<AccountData>(id);
      if (r?.kind === 'account') records.set(id, r as AccountRecord);
    } catch (e) {
      if (!(e instanceof TesseraError && e.code === 'corrupt')) throw e;
      if (!corrupt.some((c) => c.id === id)) corrupt.push({ id, kind: 'account' });
    }
  }));
  const { codes, now, shiftMs } = await codesOf(records, shown, ctx);
  const rowSettings = { lowTokenThreshold: settings.lowTokenThreshold, hideCodes: settings.hideCodes };
  // Not awaited: the answer does not wait for the view, and a view that fails to save only means
  // the next popup waits for this background as before.
  const unchanged = known !== null && known === generation;
  if (views && stamp !== null && generation !== null && !unchanged) {
    const view: PopupView = {
      v: VIEW_VERSION, vaultId: list.vaultId, kid: list.kid, generation, settingsStamp: stamp,
      accounts, stamps: accounts.map((a) => stamps.get(a.id)!), settings: rowSettings, shiftMs,
    };
    void views.save(view).catch(() => undefined);
  }
  return { ...(unchanged ? { unchanged: true } : { accounts }), codes, site, bound, now, settings: rowSettings, ...(corrupt.length ? { corrupt } : {}) };
}

/** popup.codes: `ids`, the rows the popup has in its document; answers their codes. */
export async function popupCodes(msg: Message, ctx: ApiContext): Promise<Result> {
  const ids = Array.isArray(msg.ids) ? msg.ids.filter((x): x is string => typeof x === 'string').slice(0, 10_000) : [];
  const want = new Set(ids);
  const records = new Map<string, AccountRecord>();
  // Reading by id would open each record alone; one indexed read is cheaper past a few dozen.
  for (const r of (await ctx.vault.read<AccountData>('account')).records) if (want.has(r.id)) records.set(r.id, r as AccountRecord);
  const { codes, now } = await codesOf(records, ids, ctx);
  return { codes, now };
}
