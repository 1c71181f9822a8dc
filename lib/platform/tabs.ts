// The browser's tabs and frames for autofill and QR scanning (lib/api/autofill.ts TabsPort).
// Frames are listed by running a one-line script in all of them: that needs no extra
// permission (host access covers it) and fails exactly on the pages we may not script.
import { browser } from 'wxt/browser';
import type { TabsPort } from '../api/autofill';
import { TesseraError } from '../messages/errors';
import { isNoSuchTabError } from './browser-info';

export const browserTabs: TabsPort = {
  async tabUrl(tabId) {
    try {
      const tab = await browser.tabs.get(tabId);
      return tab.url ?? tab.pendingUrl ?? '';
    } catch {
      return null;
    }
  },
  async frames(tabId) {
    try {
      // The origin too: an about:blank / about:srcdoc frame has its creator's (issue 13, frameSite).
      // self.origin, not location.origin: the latter reads "null" there in Chrome's isolated world.
      const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: () => [location.href, self.origin] });
      // documentId: Chrome 106+; Firefox leaves it out, and messages then go by frame id alone.
      return results.map((r) => {
        const [url, origin] = Array.isArray(r.result) ? (r.result as unknown[]).map(String) : [String(r.result ?? ''), undefined];
        return { frameId: r.frameId, url: url ?? '', origin, documentId: (r as { documentId?: string }).documentId };
      });
    } catch (e) {
      if (isNoSuchTabError(e)) throw new TesseraError('not-found');
      throw new TesseraError('unscriptable');
    }
  },
  async send(tabId, frameId, message, documentId) {
    try {
      return await browser.tabs.sendMessage(tabId, message, documentId ? { frameId, documentId } : { frameId });
    } catch {
      return undefined;
    }
  },
  async inject(tabId, frameId) {
    // The detector (entrypoints/autofill-engine.ts): once per frame, a second run does nothing.
    try {
      await browser.scripting.executeScript({ target: frameId === undefined ? { tabId, allFrames: true } : { tabId, frameIds: [frameId] }, files: ['/autofill-engine.js'] });
    } catch {
      // A frame we may not script, or one that went away: frames() will say so where it matters.
    }
  },
};
