// QR enrollment (issue 3): qr.scanTab (shared/automation-api.md) and the pages' review flow.
// A scan's accounts either go straight into the vault (`add`, the default) or wait, sealed in
// storage.session, for the user to confirm or rename them (qr.review → qr.confirm).
// An account enrolled from a page is bound to that page's site only when its code was read from
// a resource of that site (issue 11 point 1): a page can show another site's QR code (an <img> of
// victim.example's enrollment page), and binding that account to the page would hand the page the
// victim's codes. Such codes are added unbound (`add`), or held with where they came from for the
// user to decide (review).
import { t } from '../i18n/i18n';
import { randomId } from '../crypto/random';
import { TesseraError } from '../messages/errors';
import type { OtpParams } from '../otp/account';
import { interpretQrTexts, type Interpretation } from '../qr/interpret';
import type { FoundText } from '../qr/page-scan';
import { siteOf } from '../sites/site';
import { addAccounts, sitesField } from './accounts';
import { int, optBool, str } from './router';
import type { ApiContext, Message, Result } from './types';
import type { TabsPort } from './autofill';

/** The browser side (lib/platform/qr-scan.ts; a fake in unit tests). */
export interface QrPort {
  /** Every distinct QR text in the tab's frames, or else in a capture of the visible tab, with where each was read. */
  scanPage(tabId: number): Promise<FoundText[]>;
  /** Lets the user drag a rectangle over the page and reads it; null when cancelled. */
  scanRegion(tabId: number): Promise<string[] | null>;
}

export interface PendingScan {
  /** `from`: set when the code was not read from the scanned page's own site (that site, or null: unknown). */
  items: Array<{ position: number; params: OtpParams; from?: string | null }>;
  sites: string[];
  expires: number;
  described: ReturnType<typeof described>;
}

/**
 * Where scans wait for the user's confirmation. They hold secrets: the extension keeps them in
 * storage.session sealed with the vault key (lib/platform/scan-store.ts), so a review outlives a
 * stopped service worker but not a lock; tests use this memory store.
 */
export interface ScanStore {
  get(id: string): Promise<PendingScan | null>;
  put(id: string, scan: PendingScan): Promise<void>;
  remove(id: string): Promise<void>;
}

const memory = new Map<string, PendingScan>();
const memoryStore: ScanStore = {
  get: async (id) => memory.get(id) ?? null,
  put: async (id, scan) => void memory.set(id, scan),
  remove: async (id) => void memory.delete(id),
};
const scansOf = (ctx: ApiContext) => (ctx.services?.scans as ScanStore | undefined) ?? memoryStore;
const PENDING_MS = 15 * 60_000;

async function heldScan(ctx: ApiContext, id: string): Promise<PendingScan> {
  const scan = await scansOf(ctx).get(id);
  if (!scan || scan.expires < ctx.now()) throw new TesseraError('not-found');
  return scan;
}

const portOf = (ctx: ApiContext) => {
  const qr = ctx.services?.qr as QrPort | undefined;
  const tabs = ctx.services?.tabs as TabsPort | undefined;
  if (!qr || !tabs) throw new TesseraError('internal', t('error.unavailable'));
  return { qr, tabs };
};

async function tabSite(ctx: ApiContext, tabId: number): Promise<string[]> {
  const url = await portOf(ctx).tabs.tabUrl(tabId);
  if (url === null) throw new TesseraError('not-found');
  const site = siteOf(url);
  return site ? [site] : [];
}

/** The answer fields every scan shares: what was found (and, for codes of another site, where from), never a secret. */
function described(r: Interpretation, origin?: Origin) {
  const found = r.found.map((f, i) => {
    const from = origin?.foreign(i + 1);
    return from === undefined ? f : { ...f, source: { site: from } };
  });
  return { found, errors: r.errors, missingBatches: r.missingBatches };
}

/**
 * Where each found code (by 1-based position) came from, against the scanned tab's site:
 * `foreign(p)` is undefined for a code read from a resource of the tab's own site, else the site
 * it was read from, or null when that is unknown.
 */
interface Origin {
  foreign(position: number): string | null | undefined;
}

function originOf(found: readonly FoundText[], tabSites: readonly string[]): Origin {
  return {
    foreign(position) {
      const sources = found[position - 1]?.sources ?? [];
      const sites = sources.map(siteOf);
      if (tabSites.length && sites.some((s) => s !== null && tabSites.includes(s))) return undefined;
      return sites.find((s): s is string => s !== null) ?? null;
    },
  };
}

async function hold(ctx: ApiContext, r: Interpretation, sites: string[], origin?: Origin) {
  const scanId = randomId();
  const items = r.items.map((it) => {
    const from = origin?.foreign(it.position);
    return from === undefined ? it : { ...it, from };
  });
  const scan: PendingScan = { items, sites, expires: ctx.now() + PENDING_MS, described: described(r, origin) };
  await scansOf(ctx).put(scanId, scan);
  return { scanId, ...view(scan) };
}

/** A held scan as the review shows it: the accounts by index (and where they came from), never their secrets. */
function view(scan: PendingScan) {
  const items = scan.items.map((it, index) => ({ index, position: it.position, issuer: it.params.issuer, label: it.params.label, ...(it.from !== undefined && { from: it.from }) }));
  return { sites: scan.sites, items };
}

/**
 * qr.scanTab: scan a tab; add what was found unless `add` is false. Only codes read from the
 * tab's own site are bound to it; the others are added unbound, and `found` says where they came from.
 */
export async function scanTab(msg: Message, ctx: ApiContext): Promise<Result> {
  const tabId = int(msg, 'tabId');
  const add = optBool(msg, 'add', true);
  const sites = await tabSite(ctx, tabId);
  const found = await portOf(ctx).qr.scanPage(tabId);
  const r = interpretQrTexts(found.map((f) => f.text));
  const origin = originOf(found, sites);
  if (!add) return { ...described(r, origin), added: [], duplicates: 0, ...(await hold(ctx, r, sites, origin)) };
  const own = r.items.filter((it) => origin.foreign(it.position) === undefined);
  const other = r.items.filter((it) => origin.foreign(it.position) !== undefined);
  const bound = await addAccounts(ctx, own, sites);
  const unbound = other.length ? await addAccounts(ctx, other, []) : { added: [], duplicates: 0 };
  return { ...described(r, origin), added: [...bound.added, ...unbound.added], duplicates: bound.duplicates + unbound.duplicates };
}

/** qr.scanRegion: the user selects an area of the page; its accounts wait for review. */
export async function scanRegion(msg: Message, ctx: ApiContext): Promise<Result> {
  const tabId = int(msg, 'tabId');
  const sites = await tabSite(ctx, tabId);
  const texts = await portOf(ctx).qr.scanRegion(tabId);
  if (texts === null) return { cancelled: true };
  const r = interpretQrTexts(texts);
  const held = await hold(ctx, r, sites);
  // The popup that asked has closed by now (the user worked in the page): review in the options page.
  const openReview = ctx.services?.openReview as ((scanId: string) => Promise<void>) | undefined;
  if (msg.openReview === true) await openReview?.(held.scanId);
  return { ...described(r), ...held };
}

/** qr.review: texts decoded by a page (image files, a pasted or dropped screenshot). */
export async function review(msg: Message, ctx: ApiContext): Promise<Result> {
  const texts = msg.texts;
  if (!Array.isArray(texts) || !texts.every((t) => typeof t === 'string') || texts.length > 64) throw new TesseraError('bad-input');
  const r = interpretQrTexts(texts as string[]);
  return { ...described(r), ...(await hold(ctx, r, [])) };
}

/** qr.pending: a held scan again (the options page opened for a region scan). */
export async function showPending(msg: Message, ctx: ApiContext): Promise<Result> {
  const scan = await heldScan(ctx, str(msg, 'scanId'));
  return { ...scan.described, ...view(scan) };
}

/**
 * qr.confirm: adds the chosen accounts of a held scan, each with the issuer and label the user
 * gave, bound to `sites` (the scanned page's site unless the user changed it). A kept item may
 * say `bind`: false leaves it unbound, true binds it to those sites; without it, an item read
 * from another site than the page's stays unbound (the user is asked in the review).
 */
export async function confirm(msg: Message, ctx: ApiContext): Promise<Result> {
  const scanId = str(msg, 'scanId');
  const scan = await heldScan(ctx, scanId);
  if (!Array.isArray(msg.keep)) throw new TesseraError('bad-input');
  const bound: Array<{ params: OtpParams }> = [];
  const unbound: Array<{ params: OtpParams }> = [];
  for (const k of msg.keep as Array<Record<string, unknown>>) {
    const item = typeof k?.index === 'number' ? scan.items[k.index] : undefined;
    if (!item || (k.bind !== undefined && typeof k.bind !== 'boolean')) throw new TesseraError('bad-input');
    const issuer = typeof k.issuer === 'string' ? k.issuer.trim().slice(0, 256) : item.params.issuer;
    const label = typeof k.label === 'string' && k.label.trim() ? k.label.trim().slice(0, 256) : item.params.label;
    (k.bind ?? (item.from === undefined) ? bound : unbound).push({ params: { ...item.params, issuer, label } });
  }
  const sites = sitesField(msg) ?? scan.sites;
  const a = await addAccounts(ctx, bound, sites);
  const b = unbound.length ? await addAccounts(ctx, unbound, []) : { added: [], duplicates: 0 };
  await scansOf(ctx).remove(scanId);
  return { added: [...a.added, ...b.added], duplicates: a.duplicates + b.duplicates };
}

