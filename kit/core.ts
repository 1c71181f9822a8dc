// The browser-independent half of Tessera's test kit: typed calls of the automation API
// (docs/automation-api.md; types from lib/api/contract.ts) sent from an extension page, and the
// helpers testers use (addAccount, code, fill, addTokens, copyToken, reset). The Chromium
// fixture (playwright.ts) and the Firefox one (firefox.ts) give it an extension page to talk
// through; everything here works on any object with `evaluate` (a Playwright or puppeteer page).
import type {
  AccountRef,
  AccountSummary,
  AnswerFields,
  ContractErrorCode,
  ErrorAnswer,
  MessageFields,
  MessageType,
} from '../lib/api/contract.js';
import { splitLabel } from '../lib/otp/label.js';

/** A page that runs a function in its context and returns the result (Playwright or puppeteer). */
export interface EvaluatingPage {
  // Both libraries' evaluate are generic in ways that do not unify; the kit only passes
  // self-contained functions with one JSON argument.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  evaluate(fn: any, arg?: any): Promise<any>;
}

/** A web page the tester opened: Playwright's Page or puppeteer's Page. */
export interface WebPage extends EvaluatingPage {
  url(): string;
}

/** The raw answer of any message, as chrome.runtime.sendMessage gives it. */
export type RawAnswer = { ok: true; [field: string]: unknown } | ErrorAnswer;

/**
 * An `ok: false` answer, thrown. `code` is the contract's error code ("locked", "not-found",
 * "ambiguous"…), `messageType` the message that got it, `answer` the whole answer (for
 * `ambiguous`, `candidates` lists the accounts to choose from).
 */
export class TesseraApiError extends Error {
  override readonly name = 'TesseraApiError';
  readonly code: ContractErrorCode;
  readonly messageType: string;
  readonly answer: ErrorAnswer;
  readonly candidates?: Array<{ id: string; issuer: string; label: string }>;
  constructor(messageType: string, answer: ErrorAnswer) {
    super(`${messageType} → ${answer.error.code}: ${answer.error.message}`);
    this.code = answer.error.code;
    this.messageType = messageType;
    this.answer = answer;
    if (answer.candidates) this.candidates = answer.candidates;
  }
}

/** An account as the helpers accept it: its id, `{ id }`, or its issuer (or "Issuer:label"). */
export type AccountLike = string | { id: string };

export interface AddAccountOptions {
  /** Bind the account to this site (a URL or host) so `fill` may use it there. */
  site?: string;
  /** For a bare Base32 secret: the issuer and label of the account (default "Tessera test" / "tester"). */
  issuer?: string;
  label?: string;
  /** For a bare secret: the parameters an `otpauth://` URI would carry (defaults: TOTP, SHA1, 6 digits, 30 s). */
  type?: 'totp' | 'hotp';
  algorithm?: 'SHA1' | 'SHA256' | 'SHA512';
  digits?: number;
  period?: number;
  counter?: number;
}

export interface FillOptions {
  /** The account to fill with; without it, the one account bound to the page's site. */
  account?: AccountLike;
  /** How long to wait for the page to show a one-time-code field (ms, default 5,000). */
  timeout?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds an `otpauth://` URI (Key Uri Format) from a Base32 secret, so a bare secret goes
 * through the same stable `accounts.import` as a URI does.
 */
export function otpauthUri(secret: string, o: AddAccountOptions = {}): string {
  const type = o.type ?? 'totp';
  const issuer = o.issuer ?? 'Tessera test';
  const label = o.label ?? 'tester';
  const q = new URLSearchParams({ secret: secret.replace(/[\s-]/g, '').toUpperCase(), issuer });
  if (o.algorithm) q.set('algorithm', o.algorithm);
  if (o.digits !== undefined) q.set('digits', String(o.digits));
  if (type === 'totp' && o.period !== undefined) q.set('period', String(o.period));
  if (type === 'hotp') q.set('counter', String(o.counter ?? 0));
  return `otpauth://${type}/${encodeURIComponent(issuer)}:${encodeURIComponent(label)}?${q}`;
}

/**
 * The issuer and label an `otpauth://` URI names (Key Uri Format, "Label": "Issuer:label" in
 * the path, the `issuer` parameter winning), or null when the text is not such a URI.
 */
export function otpauthName(uri: string): { issuer: string; label: string } | null {
  let url: URL;
  try {
    // Parsed as an http URL so the path and query are split the WHATWG way.
    url = new URL(uri.trim().replace(/^otpauth:/i, 'http:'));
  } catch {
    return null;
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname.slice(1));
  } catch {
    return null;
  }
  // Tessera's own rule (lib/otp/label.ts), so the name found is the name stored.
  const { issuer, label } = splitLabel(path, url.searchParams.get('issuer') ?? '');
  return { issuer, label };
}

/** A throwaway vault passphrase: 24 random characters, never reused across runs. */
export function throwawayPassphrase(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return `tessera-kit-${Buffer.from(bytes).toString('base64url')}`;
}

/**
 * Picks an account: an exact id first, then "Issuer:label", then an issuer (case-insensitive).
 * Throws TesseraApiError `not-found`, or `ambiguous` (with candidates) when several match.
 */
export function pickAccount(accounts: AccountSummary[], wanted: AccountLike, purpose: string): AccountSummary {
  const key = typeof wanted === 'string' ? wanted : wanted.id;
  const byId = accounts.find((a) => a.id === key);
  if (byId) return byId;
  const lower = key.toLowerCase();
  let matches = accounts.filter((a) => `${a.issuer}:${a.label}`.toLowerCase() === lower);
  if (!matches.length) matches = accounts.filter((a) => a.issuer.toLowerCase() === lower);
  if (matches.length === 1) return matches[0]!;
  const candidates = matches.map(({ id, issuer, label }) => ({ id, issuer, label }));
  throw new TesseraApiError(purpose, {
    ok: false,
    error: matches.length
      ? { code: 'ambiguous', message: `Several accounts match “${key}”: ${candidates.map((c) => `${c.issuer}:${c.label}`).join(', ')}. Pass an id or "Issuer:label".` }
      : { code: 'not-found', message: `No account matches “${key}” (by id, "Issuer:label" or issuer).` },
    ...(matches.length ? { candidates } : {}),
  });
}

/** The part of the WebExtensions API the in-page functions below use (chrome.* or browser.*). */
interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  scripting: { executeScript(i: { target: { tabId: number }; world: 'MAIN'; func: () => unknown }): Promise<Array<{ result?: unknown }>> };
}

// The three functions below run inside the extension page (serialised by evaluate): they must
// stay self-contained. Firefox has `browser`, Chromium `chrome`; both answer with promises.

/**
 * Sends one message with the page's own runtime. Firefox suspends an idle event page, and a
 * message that arrives while it is torn down fails with "Receiving end does not exist" before the
 * page starts again; nothing received it, so it is sent again (as Tessera's own pages do,
 * lib/messages/client.ts).
 */
async function sendInPage(message: unknown): Promise<unknown> {
  const g = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
  for (const wait of [100, 300, 800, -1]) {
    try {
      return await (g.browser ?? g.chrome).runtime.sendMessage(message);
    } catch (e) {
      if (wait < 0 || !(e instanceof Error && /Receiving end does not exist/i.test(e.message))) throw e;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** The ids of tabs whose URL is exactly `url` (no URL pattern: Firefox matches none with a port). */
async function tabsShowing(url: string): Promise<number[]> {
  const g = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
  const tabs = await (g.browser ?? g.chrome).tabs.query({});
  return tabs.filter((t) => t.url === url && t.id !== undefined).map((t) => t.id!);
}

/** The tab whose page carries `marker` (set by the kit in the page's own JavaScript world). */
async function tabWithMarker([ids, marker]: [number[], string]): Promise<number | null> {
  const g = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
  const api = g.browser ?? g.chrome;
  for (const tabId of ids) {
    const results = await api.scripting
      .executeScript({ target: { tabId }, world: 'MAIN', func: () => (window as unknown as { __tesseraKitMarker?: string }).__tesseraKitMarker ?? null })
      .catch(() => []);
    if (results[0]?.result === marker) return tabId;
  }
  return null;
}

/**
 * A vault in a browser with Tessera loaded, and the helpers tests use. One per worker: `reset()`
 * empties it between tests.
 */
export class TesseraSession {
  constructor(
    /** The extension page the messages are sent from (options.html). */
    readonly extensionPage: EvaluatingPage,
    /** The vault's passphrase (random unless the options gave one). */
    readonly passphrase: string,
  ) {}

  /** Sends any message and returns the answer as it came (`ok: false` included). */
  raw(message: { type: string; [field: string]: unknown }): Promise<RawAnswer> {
    return this.extensionPage.evaluate(sendInPage, message) as Promise<RawAnswer>;
  }

  /** Sends a stable message; returns its answer's fields, or throws TesseraApiError. */
  async send<K extends MessageType>(message: { type: K } & MessageFields<K>): Promise<AnswerFields<K>> {
    const answer = await this.raw(message as { type: string });
    if (!answer || typeof answer !== 'object') throw new Error(`${message.type}: no answer from the extension (is the background running?)`);
    if (!answer.ok) throw new TesseraApiError(message.type, answer);
    const { ok: _ok, ...fields } = answer;
    return fields as AnswerFields<K>;
  }

  /** Creates the vault (or unlocks it) and keeps it from auto-locking during a long run. */
  async setUp(): Promise<void> {
    const { state } = await this.send({ type: 'vault.status' });
    if (state === 'new') await this.send({ type: 'vault.setup', passphrase: this.passphrase });
    else if (state === 'locked') await this.send({ type: 'vault.unlock', passphrase: this.passphrase });
    // The longest auto-lock the settings allow; a managed (policy-fixed) value is left as it is.
    await this.raw({ type: 'settings.set', settings: { autoLockMinutes: 1440 } });
  }

  async unlock(): Promise<void> {
    await this.send({ type: 'vault.unlock', passphrase: this.passphrase });
  }

  async lock(): Promise<void> {
    await this.send({ type: 'vault.lock' });
  }

  /** Every account, in the popup's order. */
  async accounts(): Promise<AccountSummary[]> {
    return (await this.send({ type: 'accounts.list' })).accounts;
  }

  /**
   * Adds an account from an `otpauth://` URI, a Google Authenticator `otpauth-migration://`
   * export (the first account is returned) or a bare Base32 secret (see AddAccountOptions).
   * Adding one that is already there returns the existing one. Throws TesseraApiError with the
   * line's code (`bad-secret`, `bad-uri`…) when nothing could be added.
   */
  async addAccount(uriOrSecret: string, options: AddAccountOptions = {}): Promise<AccountRef> {
    const text = /^otpauth(-migration)?:\/\//i.test(uriOrSecret.trim()) ? uriOrSecret.trim() : otpauthUri(uriOrSecret, options);
    const r = await this.send({ type: 'accounts.import', text, ...(options.site ? { site: options.site } : {}) });
    if (r.added[0]) return r.added[0];
    const e = r.errors[0];
    if (e) throw new TesseraApiError('accounts.import', { ok: false, error: { code: e.code, message: e.message } });
    // A duplicate: the account is already in the vault. Find it by the name the URI gives it.
    const name = /^otpauth:/i.test(text) ? otpauthName(text) : null;
    const found = name && (await this.accounts()).find((a) => a.issuer === name.issuer && a.label === name.label);
    if (!found) throw new Error(`Every account of ${text.slice(0, 40)}… is already in the vault (accounts.import counted duplicates only).`);
    return { id: found.id, issuer: found.issuer, label: found.label };
  }

  /** The account an id, `{ id }`, "Issuer:label" or issuer names; throws `not-found` / `ambiguous`. */
  async account(which: AccountLike, purpose = 'accounts.list'): Promise<AccountSummary> {
    return pickAccount(await this.accounts(), which, purpose);
  }

  /**
   * The account's code now, or at `at` (epoch ms or a Date: TOTP only, for tests with a fake
   * clock; an HOTP account gives the code for its counter, which this never advances).
   */
  async code(account: AccountLike, options: { at?: number | Date } = {}): Promise<string> {
    return (await this.codeInfo(account, options)).code;
  }

  /** As `code`, with the answer's `period`, `expiresAt` and `acceptedUntil`. */
  async codeInfo(account: AccountLike, options: { at?: number | Date } = {}): Promise<AnswerFields<'codes.get'>> {
    const { id } = await this.account(account, 'codes.get');
    const at = options.at instanceof Date ? options.at.getTime() : options.at;
    return this.send({ type: 'codes.get', id, ...(at !== undefined ? { at } : {}) });
  }

  /**
   * The id of the browser tab showing `page`, as the extension's tabs API knows it. Tabs with
   * the page's URL are looked up from the extension page; when several show it, the kit marks
   * the page (a property in its own JavaScript world) and asks each candidate for the mark.
   */
  async tabIdOf(page: WebPage): Promise<number> {
    const url = page.url();
    const ids: number[] = await this.extensionPage.evaluate(tabsShowing, url);
    if (ids.length === 1) return ids[0]!;
    if (ids.length > 1) {
      const marker = `m${Math.random().toString(36).slice(2)}`;
      await page.evaluate((m: string) => void ((window as unknown as { __tesseraKitMarker?: string }).__tesseraKitMarker = m), marker);
      const id: number | null = await this.extensionPage.evaluate(tabWithMarker, [ids, marker]);
      if (id !== null) return id;
    }
    throw new TesseraApiError('autofill.fill', { ok: false, error: { code: 'not-found', message: `No browser tab shows ${url}.` } });
  }

  /**
   * Lets Tessera find the one-time-code field in `page` and fill it (autofill.fill), as the
   * shortcut would: with the account bound to the page's site, or the one named. Waits up to
   * `timeout` ms for a code field to appear. Filling advances an HOTP counter.
   */
  async fill(page: WebPage, options: FillOptions = {}): Promise<AnswerFields<'autofill.fill'>> {
    const tabId = await this.tabIdOf(page);
    const accountId = options.account === undefined ? undefined : (await this.account(options.account, 'autofill.fill')).id;
    const deadline = Date.now() + (options.timeout ?? 5_000);
    for (;;) {
      try {
        return await this.send({ type: 'autofill.fill', tabId, ...(accountId ? { accountId } : {}) });
      } catch (e) {
        if (!(e instanceof TesseraApiError) || e.code !== 'no-otp-field' || Date.now() > deadline) throw e;
        await sleep(100);
      }
    }
  }

  /**
   * Adds emergency tokens to an account (`{ id }`) or to the `tokens` entry named `service`
   * (created when new). `tokens`: a list, or text as an administrator's paste.
   */
  async addTokens(target: string | { id: string }, tokens: string | string[]): Promise<AnswerFields<'tokens.add'>> {
    const text = Array.isArray(tokens) ? tokens.join('\n') : tokens;
    return this.send(typeof target === 'string' ? { type: 'tokens.add', service: target, text } : { type: 'tokens.add', accountId: target.id, text });
  }

  /** Uses one emergency token (the oldest unused, or `tokenId`) and returns its value; it is now used. */
  async copyToken(target: AccountLike, options: { tokenId?: string } = {}): Promise<string> {
    const { id } = await this.account(target, 'tokens.copy');
    return (await this.send({ type: 'tokens.copy', accountId: id, ...(options.tokenId ? { tokenId: options.tokenId } : {}) })).value;
  }

  /** The entry's emergency tokens, masked, and how many are left. */
  async tokens(target: AccountLike): Promise<AnswerFields<'tokens.list'>> {
    const { id } = await this.account(target, 'tokens.list');
    return this.send({ type: 'tokens.list', accountId: id });
  }

  /** Empties the vault (every account and token entry), unlocking it first if a test locked it. */
  async reset(): Promise<void> {
    const { state } = await this.send({ type: 'vault.status' });
    if (state !== 'unlocked') await this.setUp();
    for (const a of await this.accounts()) await this.send({ type: 'accounts.remove', id: a.id });
  }
}
