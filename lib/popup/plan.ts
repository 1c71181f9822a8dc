// Which rows the popup's first screen shows, from the session view alone (issue 14): the view if
// it was built with the settings stored now, the accounts bound to the tab's site (by host,
// lib/sites/host-in-site.ts) and the ids of the first screen in display order. No crypto: this
// runs in the popup's early script (components/popup/first-message.ts), which then reads just
// those sealed rows and the vault's generation; lib/popup/first-screen.ts opens them.
import { displayOrder } from '../order/order';
import { hostInSite, hostOfUrl } from '../sites/host-in-site';
import type { AccountSummary } from '../api/accounts';
import { parseView, settingsStamp, type PopupView } from './view';

export interface FirstScreenPlan {
  view: PopupView;
  site: string | null;
  bound: string[];
  /** The first screen's accounts (token lists included) in display order, each with the record stamp the view holds for it. */
  shown: Array<{ account: AccountSummary; stamp: string }>;
}

/** The ids of the rows a plan shows, in its order (what the popup reads from the vault). */
export function shownIds(plan: FirstScreenPlan): string[] {
  return plan.shown.map((s) => s.account.id);
}

/** The plan for `first` rows, or null when there is no view or it was built with other settings. */
export function planFirstScreen(viewText: unknown, storedSettings: unknown, tabUrl: string | null, first: number): FirstScreenPlan | null {
  const view = parseView(viewText);
  if (!view || settingsStamp(storedSettings) !== view.settingsStamp) return null;
  const host = tabUrl ? hostOfUrl(tabUrl) : null;
  let site: string | null = null;
  const bound: string[] = [];
  if (host) {
    for (const a of view.accounts) {
      const s = a.sites.find((x) => hostInSite(host, x));
      if (s === undefined) continue;
      bound.push(a.id);
      site ??= s;
    }
  }
  const stampOf = new Map(view.accounts.map((a, i) => [a, view.stamps[i]!]));
  const shown = displayOrder(view.accounts, new Set(bound)).slice(0, Math.max(0, first)).map((account) => ({ account, stamp: stampOf.get(account)! }));
  return { view, site, bound, shown };
}
