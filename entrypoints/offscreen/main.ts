// Chrome's offscreen document (reasons CLIPBOARD and BLOBS, lib/platform/offscreen.ts): the service
// worker has no DOM, so clearing a copied code from the clipboard happens here, on the
// background's request (it gets a digest of the value, never the value); and it cannot import(),
// so QR pictures are decoded here, the decoder loaded on the first one
// (lib/platform/qr-offscreen.ts). Only the background worker is heard
// (lib/platform/clipboard-offscreen.ts): not our content scripts, not our other pages.
// The worker's script is WXT's background.js (runtime.getManifest is not offered to offscreen
// documents, which get runtime messaging and little else).
import { browser } from 'wxt/browser';
import { offscreenListener } from '../../lib/platform/clipboard-offscreen';
import { qrOffscreenListener } from '../../lib/platform/qr-offscreen';

const backgroundUrl = (browser.runtime.getURL as (path: string) => string)('/background.js');
browser.runtime.onMessage.addListener(offscreenListener(document, browser.runtime.id, backgroundUrl));
browser.runtime.onMessage.addListener(qrOffscreenListener(browser.runtime.id, backgroundUrl));
