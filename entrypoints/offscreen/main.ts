// Chrome's offscreen document (reason CLIPBOARD): the service worker has no DOM, so clearing a
// copied code from the clipboard happens here, on the background's request (it gets a digest
// of the value, never the value). Only the background worker is heard
// (lib/platform/clipboard-offscreen.ts): not our content scripts, not our other pages.
// The worker's script is WXT's background.js (runtime.getManifest is not offered to offscreen
// documents, which get runtime messaging and little else).
import { browser } from 'wxt/browser';
import { offscreenListener } from '../../lib/platform/clipboard-offscreen';

browser.runtime.onMessage.addListener(offscreenListener(document, browser.runtime.id, (browser.runtime.getURL as (path: string) => string)('/background.js')));
