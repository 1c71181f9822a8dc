// Chrome's offscreen document (reason CLIPBOARD): the service worker has no DOM, so clearing a
// copied code from the clipboard happens here, on the background's request (it gets a digest
// of the value, never the value).
import { browser } from 'wxt/browser';
import { clearClipboardIfHolds } from '../../lib/platform/clipboard-dom';

browser.runtime.onMessage.addListener((msg: { target?: string; type?: string; digest?: string }, sender, sendResponse) => {
  if (msg?.target !== 'offscreen' || sender.id !== browser.runtime.id) return false;
  if (msg.type !== 'clipboard.clearIfHolds' || typeof msg.digest !== 'string') return false;
  void clearClipboardIfHolds(document, msg.digest).then((cleared) => sendResponse({ cleared }), () => sendResponse({ cleared: false }));
  return true;
});
