// The offscreen document's message door (Chrome; entrypoints/offscreen wires it). The offscreen
// document can read and clear the clipboard, and runtime.sendMessage from any context of this
// extension reaches it: our content scripts in every page, the popup, the options page. Only the
// background service worker may drive it (issue 11 point 5): a subverted content script must not
// be able to clear, or probe by digest, what the user copied. The worker is told apart by what
// the browser sets on the sender (runtime.MessageSender): our id, no tab, no frame, no document,
// and its script's URL (the manifest's background.service_worker) with our origin.
import { clearClipboardIfHolds } from './clipboard-dom';

export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
  frameId?: number;
  documentId?: string;
}

/** True only for the extension's own background service worker. */
export function isBackgroundSender(sender: SenderInfo, extensionId: string, backgroundUrl: string): boolean {
  if (sender.id !== extensionId || sender.tab !== undefined || sender.frameId !== undefined || sender.documentId !== undefined) return false;
  if (sender.url !== backgroundUrl) return false;
  // URL.origin is "null" for extension schemes in some runtimes: take scheme://host by hand.
  return sender.origin === undefined || sender.origin === /^[a-z-]+:\/\/[^/]+/.exec(backgroundUrl)?.[0];
}

export interface OffscreenMessage {
  target?: string;
  type?: string;
  digest?: string;
}

/**
 * The offscreen document's runtime.onMessage listener: answers `clipboard.clearIfHolds` from the
 * background, and nothing else (returns false: no answer, nothing done).
 */
export function offscreenListener(doc: Document, extensionId: string, backgroundUrl: string, clear = clearClipboardIfHolds) {
  return (msg: OffscreenMessage | undefined, sender: SenderInfo, sendResponse: (answer: { cleared: boolean }) => void): boolean => {
    if (msg?.target !== 'offscreen' || !isBackgroundSender(sender, extensionId, backgroundUrl)) return false;
    if (msg.type !== 'clipboard.clearIfHolds' || typeof msg.digest !== 'string' || !/^[0-9a-f]{64}$/.test(msg.digest)) return false;
    void clear(doc, msg.digest).then((cleared) => sendResponse({ cleared }), () => sendResponse({ cleared: false }));
    return true;
  };
}
