// Chrome's offscreen document (reason CLIPBOARD): the service worker has no DOM, so clearing a
// copied code from the clipboard happens here. Only the background talks to it.
import { browser } from 'wxt/browser';
import { clearClipboardIfHolds } from '../../lib/platform/clipboard-dom';

browser.runtime.onMessage.addListener((msg: { target?: string; type?: string; code?: string }, sender, sendResponse) => {
  if (msg?.target !== 'offscreen' || sender.id !== browser.runtime.id) return false;
  if (msg.type === 'clipboard.clearIfHolds' && typeof msg.code === 'string') {
    sendResponse({ cleared: clearClipboardIfHolds(document, msg.code) });
  }
  return false;
});
