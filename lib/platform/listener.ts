// The background's message door. Privileged API messages are accepted only from Tessera's
// own pages (lib/messages/sender.ts); our content scripts may send only the few messages
// listed in `contentHandlers` (they receive codes, never secrets); anything else, and every
// message from another extension, is answered `forbidden` and does nothing.
import { browser } from 'wxt/browser';
import { dispatch, type Answer } from '../api/router';
import type { ApiContext, Handler, Message } from '../api/types';
import { TesseraError, toErrorInfo } from '../messages/errors';
import { isExtensionPage, isOwnContentScript, type SenderLike } from '../messages/sender';
import { recordActivity } from './autolock';

export type ContentHandler = (msg: Message, sender: SenderLike, ctx: ApiContext) => Promise<Answer>;

const forbidden = (): Answer => ({ ok: false, error: toErrorInfo(new TesseraError('forbidden')) });

export function installApi(handlers: Record<string, Handler>, contentHandlers: Record<string, ContentHandler>, ctx: ApiContext): void {
  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((msg: unknown, sender: SenderLike, sendResponse: (a: Answer) => void) => {
    const type = (msg as Message | undefined)?.type;
    let answer: Promise<Answer>;
    if (isExtensionPage(sender, browser.runtime.id, origin)) {
      // Recording activity is best effort: the message is answered whatever happens to it.
      answer = recordActivity().catch(() => undefined).then(() => dispatch(handlers, msg, ctx));
    } else if (typeof type === 'string' && Object.hasOwn(contentHandlers, type) && isOwnContentScript(sender, browser.runtime.id, origin)) {
      answer = contentHandlers[type]!(msg as Message, sender, ctx).catch((e: unknown) => ({ ok: false as const, error: toErrorInfo(e) }));
    } else {
      answer = Promise.resolve(forbidden());
    }
    void answer.then(sendResponse);
    return true;
  });
  browser.runtime.onMessageExternal?.addListener((_msg: unknown, _sender: unknown, sendResponse: (a: Answer) => void) => {
    sendResponse(forbidden());
    return false;
  });
}
