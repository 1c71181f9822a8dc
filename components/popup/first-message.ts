// The popup's first message, started before the popup's UI code has loaded (issue 14): popup.html
// runs entrypoints/popup-early.ts first (its own small script in <head>), so the tab lookup and
// popup.init — which wakes a stopped service worker and opens the vault's records — run while the
// browser is still fetching and parsing Preact and the components. The UI then takes the answer
// already on its way instead of asking again; later refreshes (after an unlock, a lock) ask afresh.
// The two scripts are separate bundles (each has its own copy of this module), so the promise
// passes between them on the page's global object.
import type { AccountSummary } from '../../lib/api/accounts';
import { send, type Answer } from '../../lib/messages/client';
import type { CodeInfo } from './AccountRow';
import { activeWebTabId } from './active-tab';

/** What popup.init answers (lib/api/popup-init.ts). */
export interface PopupInit {
  accounts: AccountSummary[];
  codes: CodeInfo[];
  site: string | null;
  bound: string[];
  settings: { lowTokenThreshold: number; hideCodes: boolean };
}

/** Rows of one fixed height (components/popup/popup.css --row-h), the windowing's unit. */
export const ROW_H = 64;
/** Rows the first screen shows (a popup is at most 600 px high), asked for in popup.init. */
export const FIRST = Math.ceil(600 / ROW_H) + 4;

export interface FirstAnswer {
  /** The tab the popup was opened over: the popup acts on that page even if focus moves. */
  tabId: number | undefined;
  answer: Answer<PopupInit>;
}

/** popup.init for the tab the popup was opened over. */
export async function askPopupInit(): Promise<FirstAnswer> {
  const tabId = await activeWebTabId().catch(() => undefined);
  // Marks for bench/popup-timeline.mjs: when the question left and when the answer came.
  performance.mark('tessera:init-sent');
  const answer = await sendPopupInit(tabId);
  performance.mark('tessera:init-answered');
  return { tabId, answer };
}

/** popup.init for a tab already known (the popup's refreshes). */
export function sendPopupInit(tabId: number | undefined): Promise<Answer<PopupInit>> {
  return send<PopupInit>({ type: 'popup.init', tabId, first: FIRST });
}

const KEY = '__tesseraFirstPopupInit';
type Holder = { [KEY]?: Promise<FirstAnswer> };

/** Starts the first popup.init (popup.html's early script). */
export function startEarly(): void {
  performance.mark('tessera:early');
  (globalThis as Holder)[KEY] ??= askPopupInit();
}

/** The early answer once (then undefined), so that only the first render uses it. */
export function takeEarly(): Promise<FirstAnswer> | undefined {
  const holder = globalThis as Holder;
  const e = holder[KEY];
  delete holder[KEY];
  return e;
}
