// The other fill triggers (issue 4): the keyboard shortcut (commands API) and the context
// menu on editable fields. Playwright cannot press extension shortcuts or click native menus,
// so the handlers are exported and tested directly. When a fill is ambiguous the content
// script of that frame is asked to show its account picker.
import { browser } from 'wxt/browser';
import { fill } from '../api/autofill';
import { failure } from '../api/router';
import type { ApiContext } from '../api/types';

export const FILL_COMMAND = 'fill-otp';
export const FILL_MENU = 'tessera-fill';

/** Fills in `tabId` (optionally one frame); on `ambiguous` shows the picker in the page. */
export async function fillFromTrigger(ctx: ApiContext, tabId: number, frameId?: number) {
  try {
    return { ok: true as const, ...(await fill({ tabId, frameId }, ctx)) };
  } catch (e) {
    const answer = failure(e);
    if (!answer.ok) {
      const notice = { type: 'autofill.notice', code: answer.error.code, message: answer.error.message, candidates: answer.candidates ?? [] };
      // Only the frame with the field hears it (an `ambiguous` answer names that frame).
      const target = typeof answer.frameId === 'number' ? answer.frameId : frameId;
      await browser.tabs.sendMessage(tabId, notice, target === undefined ? undefined : { frameId: target }).catch(() => undefined);
    }
    return answer;
  }
}

export function installFillTriggers(ctx: ApiContext): void {
  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== FILL_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id !== undefined) await fillFromTrigger(ctx, tab.id);
  });
  // Firefox for Android has no context menus.
  if (!browser.contextMenus) return;
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: FILL_MENU, title: browser.i18n.getMessage('menuFill'), contexts: ['editable'] });
  });
  browser.contextMenus.onClicked.addListener(async (info, tab) => {
    if (info.menuItemId === FILL_MENU && tab?.id !== undefined) await fillFromTrigger(ctx, tab.id, info.frameId);
  });
}
