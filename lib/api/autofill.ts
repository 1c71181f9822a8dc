// autofill.fill and the other ways a code reaches a login form (issue 4): the popup, the
// keyboard shortcut, the context menu and the chip in the page. The content script in each
// frame detects code fields and writes what it is given; here we pick the frame and the
// account and hand over only the code. Rules (DESIGN.md, issue 4):
// - without an explicit account, only an account bound to the tab's site is used; several → ambiguous;
// - a frame whose site differs from the tab's is filled only when the account is bound to that frame's site;
// - filling advances an HOTP counter (RFC 4226 §7.2);
// - nothing is written into a plain-http page or frame except on a loopback host (issue 11 point 2:
//   site binding ignores the scheme, so a network attacker who redirects any http navigation to
//   http://login.bank.example/ would otherwise be handed bank's code): `insecure-page`.
import { t } from '../i18n/i18n';
import { TesseraError, toErrorInfo } from '../messages/errors';
import { siteOf } from '../sites/site';
import { loadAccount, loadAccounts, updateAccount, type AccountRecord } from './accounts';
import { useCode } from './codes';
import { errorWith, int, optStr } from './router';
import { clearClipboardLater } from './clipboard';
import type { DetectAnswer, WriteAnswer } from '../autofill/protocol';
import { channelOf } from '../autofill/channel';
import { findEmailCode, requireEmailCode } from './email';
import type { MailCode } from '../email/detect';
import type { ApiContext, Message, Result } from './types';

/** What a frame's content script answers to `autofill.detect`. */
export type FrameDetection = DetectAnswer;

/** The browser as autofill needs it (lib/platform/tabs.ts; a fake in unit tests). */
export interface TabsPort {
  /** The tab's URL, or null when there is no such tab. */
  tabUrl(tabId: number): Promise<string | null>;
  /**
   * Every frame's id, URL and (where the browser gives it) document id; throws
   * TesseraError('unscriptable') for pages we may not read.
   */
  frames(tabId: number): Promise<Array<{ frameId: number; url: string; documentId?: string; origin?: string }>>;
  /**
   * Sends a message to one frame's content script; undefined when none answers. With a document
   * id, only that document gets it: a frame that navigated meanwhile gets nothing.
   */
  send<T>(tabId: number, frameId: number, message: Record<string, unknown>, documentId?: string): Promise<T | undefined>;
  /** Injects the detector (entrypoints/autofill-engine.ts) into one frame, or all; idempotent. */
  inject?(tabId: number, frameId?: number): Promise<void>;
}

export interface FillRequest {
  tabId: number;
  accountId?: string;
  /** Only this frame (the chip's or the context menu's frame). */
  frameId?: number;
  /**
   * An automatic fill (the opt-in setting): TOTP accounts only. Every HOTP fill moves the counter,
   * so a page that keeps re-creating its field could push it past the server's look-ahead.
   */
  automatic?: boolean;
}

export interface FillResult {
  filled: boolean;
  accountId: string;
  fields: number;
}

/**
 * True for a URL autofill must not write into: plain http (or ws) whose host is not loopback
 * (localhost, *.localhost, 127.0.0.0/8, [::1]: traffic that never leaves the machine, as in
 * development and tests). Other schemes (https, about:, data:) are left to the site rules.
 */
export function isInsecurePage(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'ws:') return false;
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  const loopback = host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  return !loopback;
}

const refuseInsecure = (url: string) => {
  if (isInsecurePage(url)) throw new TesseraError('insecure-page');
};

const tabsOf = (ctx: ApiContext): TabsPort => {
  const port = ctx.services?.tabs as TabsPort | undefined;
  if (!port) throw new TesseraError('internal', t('error.unavailable'));
  return port;
};

/**
 * The frame with the best code field, or null. The frame's URL is the browser's (from listing the
 * frames), not what its content script says: the site rules below must not rest on a page's word.
 */
async function detect(tabs: TabsPort, tabId: number, onlyFrame?: number): Promise<{ frameId: number; url: string; documentId?: string; origin?: string; detection: FrameDetection } | null> {
  // The detector runs only where the sentinel asked for it: make sure every frame has it.
  await tabs.inject?.(tabId, onlyFrame);
  const frames = (await tabs.frames(tabId)).filter((f) => onlyFrame === undefined || f.frameId === onlyFrame);
  const answers = await Promise.all(
    frames.map(async (f) => ({ ...f, detection: await tabs.send<FrameDetection>(tabId, f.frameId, { type: 'autofill.detect' }, f.documentId) })),
  );
  const found = answers.filter((a): a is typeof a & { detection: FrameDetection } => Boolean(a.detection?.found));
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

/**
 * Picks the account for a fill into a frame, or throws no-account-for-site / ambiguous. A frame of
 * another site than the tab's is filled only for an account bound to that frame's site too, and
 * the check comes before any name is given out: a cross-site frame never learns which accounts
 * the tab's site has (the picker's candidates go to that frame).
 */
async function chooseAccount(ctx: ApiContext, tabSite: string | null, frameSite: string | null, frameId: number, accountId: string | undefined, automatic = false): Promise<AccountRecord> {
  const crossSite = frameSite !== tabSite;
  const fitsFrame = (a: AccountRecord) => (!crossSite || (frameSite !== null && a.data.sites.includes(frameSite))) && (!automatic || a.data.type === 'totp');
  if (accountId !== undefined) {
    const rec = await loadAccount(ctx, accountId);
    // A `tokens` entry has no code to fill: for autofill there is no such account.
    if (rec.data.type === 'tokens') throw new TesseraError('not-found');
    if (!fitsFrame(rec)) throw new TesseraError('no-account-for-site');
    return rec;
  }
  const bound = (await accountsForSite(ctx, tabSite)).filter(fitsFrame);
  if (bound.length === 0) throw new TesseraError('no-account-for-site');
  if (bound.length > 1) {
    const names = bound.map((a) => [a.data.issuer, a.data.label].filter(Boolean).join(' / ')).join(', ');
    throw errorWith('ambiguous', t('error.ambiguous', names), { candidates: bound.map(candidate), frameId });
  }
  return bound[0]!;
}

/**
 * Issue 13 (shared/automation-api.md "Autofill and email codes"): without an account the user
 * named, a page whose code comes by text message or phone call gets no authenticator code
 * (not-app-code), and one whose code comes by e-mail gets none either: e-mail codes are not read
 * yet, so there is no mailbox code to give (no-email-code). The channel is the page's word
 * (lib/autofill/channel.ts): it can only make Tessera refuse, never fill elsewhere.
 */
function refuseOtherChannels(detection: FrameDetection, accountId: string | undefined): void {
  if (accountId !== undefined) return;
  const channel = channelOf(detection.hint);
  if (channel === 'sms' || channel === 'call') throw new TesseraError('not-app-code');
}

/**
 * Issue 15: a page that asks for a code sent by e-mail (and no account named) gets the code of the
 * newest recent message in an open mailbox tab (lib/api/email.ts), or `no-email-code`. Same frame
 * and document rules as an account's code; nothing from the mailbox is kept.
 */
async function fillFromEmail(tabs: TabsPort, req: FillRequest, best: NonNullable<Awaited<ReturnType<typeof detect>>>, ctx: ApiContext): Promise<(FillResult & { code: string; source: 'email'; receivedAt: number }) | null> {
  if (req.accountId !== undefined || channelOf(best.detection.hint) !== 'email') return null;
  // An automatic fill reads no mailbox (only a fill the user asks for does), and an authenticator
  // code is not what a page that e-mailed its code wants: nothing is written.
  if (req.automatic) throw new TesseraError('no-email-code');
  const mail = await requireEmailCode(ctx);
  // The same guard as an account's code: only the document that was checked, at that URL.
  const write = { type: 'autofill.write', code: mail.code, nonce: best.detection.nonce, url: best.url };
  const written = await tabs.send<WriteAnswer>(req.tabId, best.frameId, write, best.documentId);
  return { filled: Boolean(written?.filled), accountId: '', fields: written?.fields ?? 0, code: mail.code, source: 'email', receivedAt: mail.receivedAt };
}

/**
 * The site a frame belongs to. An about:blank or about:srcdoc frame (or a blob:/data: one) has
 * no host of its own: it runs with its creator's origin, which the browser reports (never the
 * page's word), so its site is that origin's; an opaque origin ("null": a sandboxed frame) has no
 * site, and a frame without one is only filled when the tab's site is null too (never).
 */
export function frameSite(url: string, origin?: string): string | null {
  if (/^(?:https?|file):/i.test(url) || origin === undefined) return siteOf(url);
  return origin && origin !== 'null' ? siteOf(origin) : null;
}

/** Fills and says with which code (for popup.use, which copies that same code if it didn't land). */
async function fillWithCode(req: FillRequest, ctx: ApiContext): Promise<FillResult & { code: string; source?: 'email' | 'account'; receivedAt?: number }> {
  const tabs = tabsOf(ctx);
  const tabUrl = await tabs.tabUrl(req.tabId);
  if (tabUrl === null) throw new TesseraError('not-found');
  refuseInsecure(tabUrl);
  const best = await detect(tabs, req.tabId, req.frameId);
  if (!best) throw new TesseraError('no-otp-field');
  // An about:blank/srcdoc frame has its creator's origin: judge the scheme by that (issue 13).
  refuseInsecure(/^(?:https?|file):/i.test(best.url) || !best.origin ? best.url : best.origin);
  refuseOtherChannels(best.detection, req.accountId);
  const emailed = await fillFromEmail(tabs, req, best, ctx);
  if (emailed) return emailed;
  const account = await chooseAccount(ctx, siteOf(tabUrl), frameSite(best.url, best.origin), best.frameId, req.accountId, req.automatic);
  const { code } = await useCode(account, ctx);
  // Addressed to the document that was checked: if the frame navigated since, nothing is written.
  // The content script writes only if it is still that document (its nonce) at that URL: Firefox
  // has no document ids, and a frame that navigated since would otherwise receive the code.
  const write = { type: 'autofill.write', code, nonce: best.detection.nonce, url: best.url };
  const written = await tabs.send<WriteAnswer>(req.tabId, best.frameId, write, best.documentId);
  return { filled: Boolean(written?.filled), accountId: account.id, fields: written?.fields ?? 0, code, source: 'account' };
}

export async function fill(req: FillRequest, ctx: ApiContext): Promise<FillResult & { source?: 'email' | 'account' }> {
  const { code: _code, receivedAt: _at, ...result } = await fillWithCode(req, ctx);
  return result;
}

/**
 * The e-mail code a tab's code field (or one frame's, for the chip) would get now, or null: the
 * field does not ask for an e-mailed code, the page is one autofill will not write into
 * (insecure-page), e-mail codes are off, or no open mailbox tab has a recent one.
 */
export async function emailCodeFor(ctx: ApiContext, tabId: number, frameId?: number): Promise<MailCode | null> {
  if (!ctx.services?.tabs) return null;
  const tabs = tabsOf(ctx);
  const url = await tabs.tabUrl(tabId);
  if (url === null || isInsecurePage(url)) return null;
  const best = await detect(tabs, tabId, frameId).catch(() => null);
  if (!best || channelOf(best.detection.hint) !== 'email') return null;
  if (isInsecurePage(/^(?:https?|file):/i.test(best.url) || !best.origin ? best.url : best.origin)) return null;
  return findEmailCode(ctx);
}

/**
 * email.offer (page message, issue 15): for the popup, the e-mail code the active tab's code field
 * would get (`code`, `receivedAt`), or `code: null` when the field does not ask for an e-mailed
 * code or none was found. Fills nothing; the popup's button then sends autofill.fill.
 */
export async function emailOffer(msg: Message, ctx: ApiContext): Promise<Result> {
  const found = typeof msg.tabId === 'number' ? await emailCodeFor(ctx, msg.tabId) : null;
  return found ? { code: found.code, receivedAt: found.receivedAt } : { code: null, receivedAt: null };
}

/** autofill.fill (automation-api.md). */
export async function fillMessage(msg: Message, ctx: ApiContext): Promise<Result> {
  const result = await fill({ tabId: int(msg, 'tabId'), accountId: optStr(msg, 'accountId') }, ctx);
  return { ...result };
}

/**
 * popup.use: the user picked an account in the popup. When the active tab has a code field the
 * code is filled there (an explicit choice); otherwise the code is returned for the clipboard.
 * Picking an account that is not bound to the tab's site does not fill at once (issue 11 point 3:
 * on a look-alike such as bank-login.example, "Bank" must not go in silently): the answer is
 * `{ action: 'confirm', site }` and nothing is used; the popup asks, then sends popup.use again
 * with `unbound: 'fill'` (this once) or `'bind'` (add the site to the account, then fill).
 * A page autofill refuses (plain http) gets the code copied, with `notice` saying why.
 */
export async function popupUse(msg: Message, ctx: ApiContext): Promise<Result> {
  const id = optStr(msg, 'id');
  if (!id) throw new TesseraError('bad-input');
  const tabId = typeof msg.tabId === 'number' ? msg.tabId : undefined;
  const unbound = msg.unbound === 'fill' || msg.unbound === 'bind' ? msg.unbound : undefined;
  let code: string | undefined;
  let notice: ReturnType<typeof toErrorInfo> | undefined;
  if (tabId !== undefined && ctx.services?.tabs) {
    try {
      const tabs = tabsOf(ctx);
      const url = await tabs.tabUrl(tabId);
      const site = url ? siteOf(url) : null;
      const rec = await loadAccount(ctx, id);
      if (site && url && rec.data.type !== 'tokens' && !rec.data.sites.includes(site)) {
        refuseInsecure(url);
        // Ask only when there is something to fill: copying reveals nothing to the page.
        if (!unbound && (await detect(tabs, tabId))) return { action: 'confirm', site, accountId: id };
        if (unbound === 'bind') await updateAccount({ type: 'accounts.update', id, sites: [...rec.data.sites, site] }, ctx);
      }
      const { code: used, ...r } = await fillWithCode({ tabId, accountId: id }, ctx);
      if (r.filled) return { action: 'filled', ...r };
      // Written but not read back: copy that same code (an HOTP counter moved once, not twice).
      code = used;
    } catch (e) {
      // No field, a page we can't read, or a frame of an unbound site: fall back to copying.
      if (!(e instanceof TesseraError) || !['no-otp-field', 'unscriptable', 'not-found', 'no-account-for-site', 'insecure-page'].includes(e.code)) throw e;
      // A page Tessera will not fill: the popup says why it copied instead.
      if (e.code === 'insecure-page') notice = toErrorInfo(e);
    }
  }
  code ??= (await useCode(await loadAccount(ctx, id), ctx)).code;
  // The asking page writes the clipboard; the background clears it later if it still holds this.
  await clearClipboardLater(ctx, code);
  return { action: 'copied', code, ...(notice && { notice }) };
}

/** popup.context: the active tab's site and the accounts bound to it (for the popup's page actions). */
export async function popupContext(msg: Message, ctx: ApiContext): Promise<Result> {
  const tabId = typeof msg.tabId === 'number' ? msg.tabId : undefined;
  const url = tabId !== undefined && ctx.services?.tabs ? await tabsOf(ctx).tabUrl(tabId) : null;
  const site = url ? siteOf(url) : null;
  const bound = site ? (await loadAccounts(ctx)).filter((a) => a.data.sites.includes(site)).map((a) => a.id) : [];
  return { site, bound };
}
