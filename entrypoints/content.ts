// The always-injected content script (every frame of every page, about:blank and about:srcdoc
// frames included): a sentinel. Once the frame has a field (lib/autofill/sentinel.ts) it asks the
// background to inject the detector (entrypoints/autofill-engine.ts), which finds one-time-code
// fields and fills the code the background sends (lib/autofill/agent.ts, protocol.ts).
// Kept tiny (≤ 8 KB minified and gzipped, see bench/autofill-detect.mjs): no detection, no crypto.
// match_about_blank / match_origin_as_fallback: frames without a URL of their own (srcdoc,
// about:blank written by their parent) run with their creator's origin and get the script too
// (Chrome 99+, Firefox 128+); the background takes their site from that origin (lib/api/autofill.ts).
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { whenFields } from '../lib/autofill/sentinel';
import { AGENT_KEY } from '../lib/autofill/protocol';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  main(ctx) {
    const stop = whenFields(document, () => {
      browser.runtime.sendMessage({ type: 'autofill.engine' }).catch(() => undefined);
    });
    const agent = () => (globalThis as unknown as Record<string, { stop(): void } | undefined>)[AGENT_KEY];
    // Until the detector runs here, this frame has no field: say so (protocol.ts DetectAnswer).
    const listener = (msg: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void) => {
      if (sender.id !== browser.runtime.id || (msg as { type?: unknown } | null)?.type !== 'autofill.detect' || agent()) return undefined;
      sendResponse({ found: false, kind: null, length: null, score: 0, frameUrl: document.URL, top: window.top === window });
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    // An updated or reloaded extension orphans this script and the detector: stop watching the page.
    ctx.onInvalidated(() => {
      stop();
      browser.runtime.onMessage.removeListener(listener);
      agent()?.stop();
    });
  },
});
