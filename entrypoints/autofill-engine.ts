// The detector and filler, one frame: injected on demand by the background with
//   browser.scripting.executeScript({ target: { tabId, frameIds }, files: ['/autofill-engine.js'] })
// when the sentinel (entrypoints/content.ts) sees a field, and into every frame before a fill.
// It shares the isolated world with the sentinel, so a second injection finds the running agent
// (globalThis[AGENT_KEY]) and does nothing. Finds one-time-code fields and fills the code the
// background sends (lib/autofill/agent.ts; protocol in lib/autofill/protocol.ts); it never sees a
// secret. Closed shadow roots are opened with chrome.dom.openOrClosedShadowRoot (Chrome 88+) or
// Firefox's element.openOrClosedShadowRoot (content scripts only).
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startAgent, type Agent } from '../lib/autofill/agent';
import { AGENT_KEY, type FillRequestAnswer, type OfferAnswer } from '../lib/autofill/protocol';
import { layoutMeasure } from '../lib/autofill/visible';

type OpenOrClosed = (el: Element) => ShadowRoot | null;

function shadowOpener(): (el: Element) => ShadowRoot | null | undefined {
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: OpenOrClosed } } }).chrome?.dom;
  if (dom?.openOrClosedShadowRoot) return (el) => dom.openOrClosedShadowRoot!(el);
  return (el) => (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
}

export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as Record<string, Agent | undefined>;
  if (scope[AGENT_KEY]) return true;
  const title = browser.i18n.getMessage('chipTitle') || 'Tessera';
  const agent = startAgent(document, {
    send: (msg) => browser.runtime.sendMessage(msg) as Promise<FillRequestAnswer | undefined>,
    title,
    pickTitle: browser.i18n.getMessage('chipPick') || title,
    measure: layoutMeasure,
    shadowOf: shadowOpener(),
    offer: (msg) => browser.runtime.sendMessage(msg) as Promise<OfferAnswer | undefined>,
    // public/_locales: the same words as the popup's "from email, 2 min ago" (lib/i18n email.from).
    emailLabel: (minutes) => (minutes === 0 ? browser.i18n.getMessage('chipEmailNow') : browser.i18n.getMessage('chipEmailAgo', [String(minutes)])),
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
  scope[AGENT_KEY] = {
    ...agent,
    stop() {
      browser.runtime.onMessage.removeListener(listener);
      agent.stop();
    },
  };
  return true;
});
