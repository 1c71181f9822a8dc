// The always-injected content script (every frame of every page): finds one-time-code fields and
// fills the code the background sends (lib/autofill/agent.ts; protocol in lib/autofill/protocol.ts).
// Kept tiny (≤ 8 KB minified and gzipped, see bench/autofill-detect.mjs): no crypto, no QR code,
// no dictionaries — the chip's title comes from browser.i18n (public/_locales, key chipTitle).
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startAgent } from '../lib/autofill/agent';
import type { FillRequestAnswer } from '../lib/autofill/protocol';
import { layoutMeasure } from '../lib/autofill/visible';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const title = browser.i18n.getMessage('chipTitle') || 'Tessera';
    const agent = startAgent(document, {
      send: (msg) => browser.runtime.sendMessage(msg) as Promise<FillRequestAnswer | undefined>,
      title,
      pickTitle: browser.i18n.getMessage('chipPick') || title,
      measure: layoutMeasure,
    });
    const listener = (msg: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void) => {
      // Only this extension's background talks to the content script.
      if (sender.id !== browser.runtime.id) return undefined;
      const answer = agent.handle(msg);
      if (!answer) return undefined;
      void answer.then(sendResponse, () => sendResponse({ filled: false, fields: 0 }));
      return true; // The answer comes asynchronously (runtime.onMessage's sendResponse contract).
    };
    browser.runtime.onMessage.addListener(listener);
    // An updated or reloaded extension orphans this script: stop watching the page.
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(listener);
      agent.stop();
    });
  },
});
