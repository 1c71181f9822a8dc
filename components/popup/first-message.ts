// The popup's first data, started before the popup's UI code has loaded (issue 14): popup.html
// runs entrypoints/popup-early.ts first (its own small script in <head>), which starts, while the
// browser is still fetching and parsing Preact and the components,
// - popup.init to the background (which may have to start first, and then opens the vault), and
// - the reads the first screen can be drawn from without the background: the unlocked key and the
//   session view (storage.session), the stored settings (storage.local) and the sealed rows
//   (IndexedDB). The UI turns those into a first screen (lib/popup/first-screen.ts) when the view
//   still matches, and popup.init's answer replaces it when it comes.
// The UI takes what is already on its way instead of asking again; later refreshes (after an
// unlock, a lock) ask afresh. The two scripts are separate bundles (each has its own copy of this
// module), so the promises pass between them on the page's global object.
import { browser } from 'wxt/browser';
import { send, type Answer } from '../../lib/messages/client';
import { POPUP_VIEW_KEY, type PopupInit } from '../../lib/popup/view';
import { planFirstScreen } from '../../lib/popup/plan';
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
  answer: Answer<PopupInit>;
}

/** What the popup starts at once: the background's answer, and what it reads itself meanwhile. */
export interface FirstData {
  tab: Promise<WebTab | undefined>;
  full: Promise<FirstAnswer>;
  reads: Promise<FirstScreenReads>;
}

/** popup.init for a tab already known (the popup's refreshes). */
export function sendPopupInit(tabId: number | undefined): Promise<Answer<PopupInit>> {
  return send<PopupInit>({ type: 'popup.init', tabId, first: FIRST });
}

async function readFirst(tab: Promise<WebTab | undefined>): Promise<FirstScreenReads> {
  const [session, local, db, t] = await Promise.all([
    browser.storage.session.get([SESSION_KEY, POPUP_VIEW_KEY]),
    browser.storage.local.get(SETTINGS_KEY),
    openVaultDbRaw(),
    tab,
  ]);
  const plan = session[SESSION_KEY] ? planFirstScreen(session[POPUP_VIEW_KEY], local[SETTINGS_KEY], t?.url ?? null, FIRST) : null;
  if (!plan || !db) {
    db?.close();
    return { key: null, plan: null, generation: undefined, rows: null };
  }
  const read = await readRowsWithGeneration(db, plan.ids);
  performance.mark('tessera:reads-done');
  return { key: session[SESSION_KEY], plan, generation: read?.generation, rows: read?.rows ?? null };
}

/** Starts popup.init and the first screen's own reads for the tab the popup was opened over. */
export function beginFirst(): FirstData {
  const tab = activeWebTab().catch(() => undefined);
  const full = tab.then(async (t) => {
    // Marks for bench/popup-timeline.mjs: when the question left and when the answer came.
    performance.mark('tessera:init-sent');
    const answer = await sendPopupInit(t?.id);
    performance.mark('tessera:init-answered');
    return { tabId: t?.id, answer };
  });
  const none: FirstScreenReads = { key: null, plan: null, generation: undefined, rows: null };
  return { tab, full, reads: readFirst(tab).catch(() => none) };
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
