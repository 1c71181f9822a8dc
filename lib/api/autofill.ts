// autofill.fill and the other ways a code reaches a login form (issue 4): the popup, the
// keyboard shortcut, the context menu and the chip in the page. The content script in each
// frame detects code fields and writes what it is given; here we pick the frame and the
// account and hand over only the code. Rules (DESIGN.md, issue 4):
// - without an explicit account, only an account bound to the tab's site is used; several → ambiguous;
// - a frame whose site differs from the tab's is filled only when the account is bound to that frame's site;
// - filling advances an HOTP counter (RFC 4226 §7.2).
import { t } from '../i18n/i18n';
import { TesseraError } from '../messages/errors';
import { siteOf } from '../sites/site';
import { loadAccount, loadAccounts, type AccountRecord } from './accounts';
import { useCode } from './codes';
import { errorWith, int, optStr } from './router';
import { clearClipboardLater } from './clipboard';
import type { DetectAnswer, WriteAnswer } from '../autofill/protocol';
import type { ApiContext, Message, Result } from './types';

/** What a frame's content script answers to `autofill.detect`. */
export type FrameDetection = DetectAnswer;

/** The browser as autofill needs it (lib/platform/tabs.ts; a fake in unit tests). */
export interface TabsPort {
  /** The tab's URL, or null when there is no such tab. */
  tabUrl(tabId: number): Promise<string | null>;
  /** Every frame's id and URL; throws TesseraError('unscriptable') for pages we may not read. */
  frames(tabId: number): Promise<Array<{ frameId: number; url: string }>>;
  /** Sends a message to one frame's content script; undefined when none answers. */
  send<T>(tabId: number, frameId: number, message: Record<string, unknown>): Promise<T | undefined>;
}

export interface FillRequest {
  tabId: number;
  accountId?: string;
  /** Only this frame (the chip's or the context menu's frame). */
  frameId?: number;
}

export interface FillResult {
  filled: boolean;
  accountId: string;
  fields: number;
}

const tabsOf = (ctx: ApiContext): TabsPort => {
  const port = ctx.services?.tabs as TabsPort | undefined;
  if (!port) throw new TesseraError('internal', 'Tabs are not available here.');
  return port;
};

/** The frame with the best code field, or null. */
async function detect(tabs: TabsPort, tabId: number, onlyFrame?: number): Promise<{ frameId: number; detection: FrameDetection } | null> {
  const frames = (await tabs.frames(tabId)).filter((f) => onlyFrame === undefined || f.frameId === onlyFrame);
  const answers = await Promise.all(
    frames.map(async (f) => ({ frameId: f.frameId, detection: await tabs.send<FrameDetection>(tabId, f.frameId, { type: 'autofill.detect' }).catch(() => undefined) })),
  );
  const found = answers.filter((a): a is { frameId: number; detection: FrameDetection } => Boolean(a.detection?.found));
  // The best score wins; on a tie the top frame, then the lower frame id, so the choice is stable.
  found.sort((a, b) => b.detection.score - a.detection.score || Number(b.detection.top) - Number(a.detection.top) || a.frameId - b.frameId);
  return found[0] ?? null;
}

/** Accounts bound to a site, usable for filling (not `tokens` entries). */
export async function accountsForSite(ctx: ApiContext, site: string | null): Promise<AccountRecord[]> {
  if (!site) return [];
  return (await loadAccounts(ctx)).filter((a) => a.data.type !== 'tokens' && a.data.sites.includes(site));
}

const candidate = (a: AccountRecord) => ({ id: a.id, issuer: a.data.issuer, label: a.data.label });

/** Picks the account for a fill, or throws no-account-for-site / ambiguous (with candidates). */
async function chooseAccount(ctx: ApiContext, tabSite: string | null, accountId: string | undefined): Promise<AccountRecord> {
  if (accountId !== undefined) {
    const rec = await loadAccount(ctx, accountId);
    if (rec.data.type === 'tokens') throw new TesseraError('wrong-type');
    return rec;
  }
  const bound = await accountsForSite(ctx, tabSite);
  if (bound.length === 0) throw new TesseraError('no-account-for-site');
  if (bound.length > 1) {
    const names = bound.map((a) => [a.data.issuer, a.data.label].filter(Boolean).join(' / ')).join(', ');
    throw errorWith('ambiguous', t('error.ambiguous', names), { candidates: bound.map(candidate) });
  }
  return bound[0]!;
}

export async function fill(req: FillRequest, ctx: ApiContext): Promise<FillResult> {
  const tabs = tabsOf(ctx);
  const tabUrl = await tabs.tabUrl(req.tabId);
  if (tabUrl === null) throw new TesseraError('not-found');
  const best = await detect(tabs, req.tabId, req.frameId);
  if (!best) throw new TesseraError('no-otp-field');
  const tabSite = siteOf(tabUrl);
  const account = await chooseAccount(ctx, tabSite, req.accountId);
  // A frame of another site is filled only for an account bound to that site, explicit choice or not.
  const frameSite = siteOf(best.detection.frameUrl);
  if (frameSite !== tabSite && !(frameSite && account.data.sites.includes(frameSite))) throw new TesseraError('no-account-for-site');
  const { code } = await useCode(account, ctx);
  const written = await tabs.send<WriteAnswer>(req.tabId, best.frameId, { type: 'autofill.write', code });
  return { filled: Boolean(written?.filled), accountId: account.id, fields: written?.fields ?? 0 };
}

/** autofill.fill (automation-api.md). */
export async function fillMessage(msg: Message, ctx: ApiContext): Promise<Result> {
  const result = await fill({ tabId: int(msg, 'tabId'), accountId: optStr(msg, 'accountId') }, ctx);
  return { ...result };
}

/**
 * popup.use: the user picked an account in the popup. When the active tab has a code field the
 * code is filled there (an explicit choice); otherwise the code is returned for the clipboard.
 */
export async function popupUse(msg: Message, ctx: ApiContext): Promise<Result> {
  const id = optStr(msg, 'id');
  if (!id) throw new TesseraError('bad-input');
  const tabId = typeof msg.tabId === 'number' ? msg.tabId : undefined;
  if (tabId !== undefined && ctx.services?.tabs) {
    try {
      const r = await fill({ tabId, accountId: id }, ctx);
      if (r.filled) return { action: 'filled', ...r };
    } catch (e) {
      // No field, a page we can't read, or a frame of an unbound site: fall back to copying.
      if (!(e instanceof TesseraError) || !['no-otp-field', 'unscriptable', 'not-found', 'no-account-for-site'].includes(e.code)) throw e;
    }
  }
  const { code } = await useCode(await loadAccount(ctx, id), ctx);
  // The asking page writes the clipboard; the background clears it later if it still holds this.
  await clearClipboardLater(ctx, code);
  return { action: 'copied', code };
}

/** popup.context: the active tab's site and the accounts bound to it (for the popup's page actions). */
export async function popupContext(msg: Message, ctx: ApiContext): Promise<Result> {
  const tabId = typeof msg.tabId === 'number' ? msg.tabId : undefined;
  const url = tabId !== undefined && ctx.services?.tabs ? await tabsOf(ctx).tabUrl(tabId) : null;
  const site = url ? siteOf(url) : null;
  const bound = site ? (await loadAccounts(ctx)).filter((a) => a.data.sites.includes(site)).map((a) => a.id) : [];
  return { site, bound };
}
