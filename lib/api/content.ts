// Messages our content scripts may send (lib/platform/listener.ts routes them here). They ask
// for a fill of their own tab and frame and get a code written, never a secret. An account a
// content script names must be bound to the tab's site: a page that subverted its content
// script still cannot pull another site's code.
import { TesseraError } from '../messages/errors';
import type { SenderLike } from '../messages/sender';
import { siteOf } from '../sites/site';
import { failure, type Answer } from './router';
import { accountsForSite, emailCodeFor, fill, type TabsPort } from './autofill';
import type { ApiContext, Message } from './types';

/** At most one automatic fill per page in this interval, whatever the page does with its fields. */
const AUTOMATIC_INTERVAL_MS = 30_000;
const lastAutomatic = new Map<string, number>();

function automaticAllowed(page: string, now: number): boolean {
  const last = lastAutomatic.get(page);
  if (last !== undefined && now - last < AUTOMATIC_INTERVAL_MS) return false;
  if (lastAutomatic.size > 500) lastAutomatic.clear();
  lastAutomatic.set(page, now);
  return true;
}

export async function autofillRequest(msg: Message, sender: SenderLike, ctx: ApiContext): Promise<Answer> {
  try {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new TesseraError('forbidden');
    const state = await ctx.vault.state();
    if (state !== 'unlocked') throw new TesseraError(state === 'new' ? 'no-vault' : 'locked');
    const automatic = msg.reason === 'auto';
    if (automatic && !(await ctx.settings.get()).autoFill) return { ok: true, filled: false, skipped: 'auto-fill-off' };
    if (automatic && !automaticAllowed(`${tabId} ${sender.url ?? ''}`, ctx.now())) return { ok: true, filled: false, skipped: 'too-soon' };
    let accountId: string | undefined;
    if (!automatic && typeof msg.accountId === 'string') {
      const bound = await accountsForSite(ctx, siteOf(sender.tab?.url ?? sender.url ?? ''));
      if (!bound.some((a) => a.id === msg.accountId)) throw new TesseraError('no-account-for-site');
      accountId = msg.accountId;
    }
    // Automatic fills never name an account: only a single bound account is used (else ambiguous).
    const result = await fill({ tabId, frameId: sender.frameId, accountId, automatic }, ctx);
    return { ok: true, ...result };
  } catch (e) {
    return failure(e);
  }
}

/**
 * autofill.engine: the sentinel content script saw a field in its frame and asks for the detector
 * (entrypoints/autofill-engine.ts). Only our own script is injected, only into the asking frame.
 */
export async function autofillEngine(_msg: Message, sender: SenderLike, ctx: ApiContext): Promise<Answer> {
  const tabId = sender.tab?.id;
  const tabs = ctx.services?.tabs as TabsPort | undefined;
  if (tabId === undefined || !tabs?.inject) return failure(new TesseraError('forbidden'));
  await tabs.inject(tabId, sender.frameId ?? 0);
  return { ok: true };
}

/**
 * autofill.offer (issue 15, lib/autofill/protocol.ts OfferAnswer): the chip asks whether a click
 * would fill a code read from e-mail. Only the asking frame's field counts, the same checks as the
 * fill (lib/api/autofill.ts emailCodeFor), and the answer gives the mail's arrival, never its code:
 * the code reaches the page only in the autofill.write a fill sends to the checked document.
 */
export async function autofillOffer(_msg: Message, sender: SenderLike, ctx: ApiContext): Promise<Answer> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return failure(new TesseraError('forbidden'));
  // A click would answer `locked` (autofill.request): nothing to offer, and no mailbox is read.
  if ((await ctx.vault.state()) !== 'unlocked') return { ok: true, source: null };
  const found = await emailCodeFor(ctx, tabId, sender.frameId ?? 0);
  return found ? { ok: true, source: 'email', receivedAt: found.receivedAt } : { ok: true, source: null };
}

export const contentHandlers = { 'autofill.request': autofillRequest, 'autofill.engine': autofillEngine, 'autofill.offer': autofillOffer };
