// The popup's first data, started before the popup's UI code has loaded (issue 14): popup.html
// runs entrypoints/popup-early.ts first (its own small script in <head>), which starts, while the
// browser is still fetching and parsing Preact and the components,
// - the reads the first screen can be drawn from without the background: the unlocked key and the
//   session view (storage.session), the stored settings (storage.local), then the first screen's
//   sealed rows with the vault's generation (IndexedDB). The UI turns those into a first screen
//   (lib/popup/first-screen.ts) when the view still matches, and
// - popup.init to the background (which may have to start first, and then opens the vault), whose
//   answer replaces that first screen when it comes.
// The UI takes what is already on its way instead of asking again; later refreshes (after an
// unlock, a lock) ask afresh. The two scripts are separate bundles (each has its own copy of this
// module), so the promises pass between them on the page's global object.
import { browser } from 'wxt/browser';
import { send, type Answer } from '../../lib/messages/client';
import { POPUP_VIEW_KEY, type PopupInit } from '../../lib/popup/view';
import { planFirstScreen, shownIds } from '../../lib/popup/plan';
import type { FirstScreenReads } from '../../lib/popup/first-screen';
import { SESSION_KEY } from '../../lib/vault/types';
import { SETTINGS_KEY } from '../../lib/settings/storage-key';
import { openVaultDbRaw, readRowsWithGeneration } from '../../lib/vault/raw-read';
import { activeWebTab, type WebTab } from './active-tab';

export type { PopupInit };

/** Rows of one fixed height (components/popup/popup.css --row-h), the windowing's unit. */
export const ROW_H = 64;
/** Rows the first screen shows (a popup is at most 600 px high), asked for in popup.init. */
export const FIRST = Math.ceil(600 / ROW_H) + 4;

export interface FirstAnswer {
  /** The tab the popup was opened over: the popup acts on that page even if focus moves. */
  tabId: number | undefined;
  answer: Answer<PopupInitAnswer>;
}

/** What the popup starts at once: the background's answer, and what it reads itself meanwhile. */
export interface FirstData {
  tab: Promise<WebTab | undefined>;
  full: Promise<FirstAnswer>;
  reads: Promise<FirstScreenReads>;
  /** The first screen is painted (or will not come from the view): popup.init may leave now. */
  release(): void;
}

/** popup.init waits at most this long for the first screen from the view before it leaves anyway. */
const RELEASE_MS = 300;

/** What popup.init answers: `accounts` are left out (`unchanged`) when the popup named the generation they are at. */
export type PopupInitAnswer = Omit<PopupInit, 'accounts'> & { accounts?: PopupInit['accounts']; unchanged?: boolean };

/** popup.init for a tab already known (the popup's refreshes), or naming the view it drew from (`known`). */
export function sendPopupInit(tabId: number | undefined, known?: string): Promise<Answer<PopupInitAnswer>> {
  return send<PopupInitAnswer>({ type: 'popup.init', tabId, first: FIRST, ...(known ? { known } : {}) });
}

/** Starts the first screen's own reads and popup.init for the tab the popup was opened over. */
export function beginFirst(): FirstData {
  const tab = activeWebTab().catch(() => undefined);
  const session = browser.storage.session.get([SESSION_KEY, POPUP_VIEW_KEY]);
  const db = openVaultDbRaw();
  // Which rows the view would show (no crypto: the session view, the stored settings, the tab).
  const plan = Promise.all([session, browser.storage.local.get(SETTINGS_KEY), tab])
    .then(([s, local, t]) => (s[SESSION_KEY] ? planFirstScreen(s[POPUP_VIEW_KEY], local[SETTINGS_KEY], t?.url ?? null, FIRST) : null))
    .catch(() => null);
  let release!: () => void;
  const released = new Promise<void>((r) => {
    release = r;
    setTimeout(r, RELEASE_MS);
  });
  // popup.init leaves once the plan says whether the view will do: at once when it will not; when
  // it will, after the first screen is painted (the background's work at 1,000 accounts would
  // compete with it for the machine), naming the view's generation, which spares the answer the
  // account list (lib/api/popup-init.ts `known`).
  const full = Promise.all([tab, plan]).then(async ([t, p]) => {
    if (p) await released;
    // Marks for bench/popup-timeline.mjs: when the question left and when the answer came.
    performance.mark('tessera:init-sent');
    const answer = await sendPopupInit(t?.id, p?.view.generation);
    performance.mark('tessera:init-answered');
    return { tabId: t?.id, answer };
  });
  const none: FirstScreenReads = { key: null, plan: null, generation: undefined, rows: null };
  const reads = Promise.all([session, plan, db]).then(async ([s, p, d]): Promise<FirstScreenReads> => {
    if (!p || !d) {
      d?.close();
      return none;
    }
    const read = await readRowsWithGeneration(d, shownIds(p));
    performance.mark('tessera:reads-done');
    return { key: s[SESSION_KEY], plan: p, generation: read?.generation, rows: read?.rows ?? null };
  }).catch(() => none);
  return { tab, full, reads, release };
}

const KEY = '__tesseraFirstPopupData';
type Holder = { [KEY]?: FirstData };

/** Starts the first popup data (popup.html's early script). */
export function startEarly(): void {
  performance.mark('tessera:early');
  (globalThis as Holder)[KEY] ??= beginFirst();
}

/** The early data once (then undefined), so that only the first render uses it. */
export function takeEarly(): FirstData | undefined {
  const holder = globalThis as Holder;
  const e = holder[KEY];
  delete holder[KEY];
  return e;
}
