// lib/platform/clipboard-offscreen.ts (issue 11 point 5): the offscreen document clears the
// clipboard for the background worker only (and decodes QR pictures for it alone: qr-offscreen.ts). Senders as Chrome describes them (runtime.MessageSender):
// the worker has our id and its script URL and nothing else; a content script has a tab, a frame
// and the page's URL; our pages have their own URL (and, in a tab, a tab).
import { describe, expect, it, vi } from 'vitest';
import { isBackgroundSender, offscreenListener, type SenderInfo } from '../../../lib/platform/clipboard-offscreen';
import { qrOffscreenListener } from '../../../lib/platform/qr-offscreen';
import { TesseraError } from '../../../lib/messages/errors';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const WORKER = `${ORIGIN}/background.js`;
const DIGEST = 'a'.repeat(64);

const background: SenderInfo = { id: ID, url: WORKER, origin: ORIGIN };
const others: Array<[string, SenderInfo]> = [
  ['our content script in a page', { id: ID, url: 'https://evil.example/', origin: 'https://evil.example', tab: { id: 3 }, frameId: 0, documentId: 'D1' }],
  ['our content script in a frame claiming the worker URL', { id: ID, url: WORKER, origin: ORIGIN, tab: { id: 3 }, frameId: 4 }],
  ['the popup', { id: ID, url: `${ORIGIN}/popup.html`, origin: ORIGIN, frameId: 0, documentId: 'D2' }],
  ['the options page in a tab', { id: ID, url: `${ORIGIN}/options.html`, origin: ORIGIN, tab: { id: 9 }, frameId: 0 }],
  ['a page of ours without frame or document fields', { id: ID, url: `${ORIGIN}/options.html`, origin: ORIGIN }],
  ['another extension', { id: 'ponmlkjihgfedcbaponmlkjihgfedcba', url: `chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/background.js` }],
  ['a sender with our worker URL but another origin', { id: ID, url: WORKER, origin: 'https://evil.example' }],
  ['no sender details', {}],
];

describe('isBackgroundSender', () => {
  it('accepts the background worker', () => {
    expect(isBackgroundSender(background, ID, WORKER)).toBe(true);
    expect(isBackgroundSender({ id: ID, url: WORKER }, ID, WORKER)).toBe(true);
  });

  it.each(others)('refuses %s', (_, sender) => {
    expect(isBackgroundSender(sender, ID, WORKER)).toBe(false);
  });
});

describe('offscreenListener', () => {
  const message = { target: 'offscreen', type: 'clipboard.clearIfHolds', digest: DIGEST };

  it('clears for the background and answers', async () => {
    const clear = vi.fn(async () => true);
    const answered = new Promise((resolve) => {
      expect(offscreenListener(document, ID, WORKER, clear)(message, background, resolve)).toBe(true);
    });
    expect(await answered).toEqual({ cleared: true });
    expect(clear).toHaveBeenCalledWith(document, DIGEST);
  });

  it.each(others)('does nothing and answers nothing for %s', (_, sender) => {
    const clear = vi.fn(async () => true);
    const respond = vi.fn();
    expect(offscreenListener(document, ID, WORKER, clear)(message, sender, respond)).toBe(false);
    expect(clear).not.toHaveBeenCalled();
    expect(respond).not.toHaveBeenCalled();
  });

  it('ignores other messages, even from the background', () => {
    const clear = vi.fn(async () => true);
    const listener = offscreenListener(document, ID, WORKER, clear);
    for (const m of [undefined, { type: 'clipboard.clearIfHolds', digest: DIGEST }, { target: 'offscreen', type: 'clipboard.read' }, { target: 'offscreen', type: 'clipboard.clearIfHolds', digest: 'x' }]) {
      expect(listener(m, background, vi.fn())).toBe(false);
    }
    expect(clear).not.toHaveBeenCalled();
  });
});

describe('qrOffscreenListener (issue 14: the worker hands QR pictures to the offscreen document)', () => {
  const request = { dataUrl: 'data:image/png;base64,AAAA', capture: true };
  const message = { target: 'offscreen', type: 'qr.decode', request };

  it('decodes for the background, loading the decoder on demand, and answers errors as codes', async () => {
    const decodePicture = vi.fn(async () => ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP']);
    const load = vi.fn(async () => ({ decodePicture }) as never);
    const answered = new Promise((resolve) => expect(qrOffscreenListener(ID, WORKER, load)(message, background, resolve)).toBe(true));
    expect(await answered).toEqual({ texts: ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'] });
    expect(decodePicture).toHaveBeenCalledWith(request);
    const failing = vi.fn(async () => ({ decodePicture: async () => Promise.reject(new TesseraError('bad-input', 'outside')) }) as never);
    const error = new Promise((resolve) => qrOffscreenListener(ID, WORKER, failing)(message, background, resolve));
    expect(await error).toEqual({ error: { code: 'bad-input', message: 'outside' } });
  });

  it.each(others)('ignores %s, and loads nothing', (_, sender) => {
    const load = vi.fn();
    const respond = vi.fn();
    expect(qrOffscreenListener(ID, WORKER, load)(message, sender, respond)).toBe(false);
    expect(load).not.toHaveBeenCalled();
    expect(respond).not.toHaveBeenCalled();
  });

  it('ignores other messages and malformed requests', () => {
    const load = vi.fn();
    const l = qrOffscreenListener(ID, WORKER, load);
    expect(l({ target: 'offscreen', type: 'clipboard.clearIfHolds', digest: DIGEST } as never, background, vi.fn())).toBe(false);
    expect(l({ target: 'offscreen', type: 'qr.decode', request: { dataUrl: 42 } } as never, background, vi.fn())).toBe(false);
    expect(l({ type: 'qr.decode', request } as never, background, vi.fn())).toBe(false);
    expect(load).not.toHaveBeenCalled();
  });
});
