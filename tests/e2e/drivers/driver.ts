// What the shared scenarios (tests/scenarios/) need from a browser with Tessera loaded, and
// nothing more: the automation API sent from an extension page (shared/automation-api.md), web
// pages and extension pages to read and fill, and the list of tabs. One implementation per
// browser: Playwright + Chromium (chromium.ts), puppeteer-core + Firefox over WebDriver BiDi
// (firefox.ts). Scenarios assert with Playwright's `expect`, which both spec files run under.

export interface Answer {
  ok: boolean;
  error?: { code: string; message: string };
  [field: string]: unknown;
}

export interface TabInfo {
  id: number;
  url: string;
  active: boolean;
}

/** A web page or an extension page. Selectors are CSS; reads return '' / null when absent. */
export interface PageHandle {
  readonly url: string;
  /** Runs `fn` in the page (it is serialised: no closures over test code). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Types `value` into the field as a user would (input events fire). */
  fill(selector: string, value: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** Makes this tab the active one of its window (for tabs.captureVisibleTab). */
  bringToFront(): Promise<void>;
  text(selector: string): Promise<string>;
  attribute(selector: string, name: string): Promise<string | null>;
  /** The value property of an input. */
  value(selector: string): Promise<string>;
  close(): Promise<void>;
}

export interface Driver {
  readonly browserName: 'chromium' | 'firefox';
  /** chrome-extension://<id> or moz-extension://<uuid>, without a trailing slash. */
  readonly extensionOrigin: string;
  /** The extension page the API is sent from (options.html), for clipboard and storage checks. */
  readonly extensionPage: PageHandle;
  /** Sends one API message from the extension page; the answer as it came. */
  rawApi(message: Record<string, unknown>): Promise<Answer>;
  /** Every tab of every window, as the extension page's tabs.query({}) sees it. */
  tabs(): Promise<TabInfo[]>;
  /** Opens a web page in a new tab and waits for its load event. */
  openPage(url: string): Promise<PageHandle>;
  /** Opens an extension page (e.g. "popup.html") in a new tab and waits until it has loaded. */
  openExtensionPage(path: string): Promise<PageHandle>;
  close(): Promise<void>;
}

/** Like rawApi, but throws with the error's code when the answer is not ok. */
export async function api<T = Record<string, unknown>>(driver: Driver, message: Record<string, unknown>): Promise<{ ok: true } & T> {
  const answer = await driver.rawApi(message);
  if (!answer.ok) throw new Error(`${String(message.type)} → ${answer.error?.code}: ${answer.error?.message}`);
  return answer as { ok: true } & T;
}

/** The DOM reads every implementation shares: run in the page through evaluate. */
export function domReads(evaluate: PageHandle['evaluate']): Pick<PageHandle, 'text' | 'attribute' | 'value'> {
  return {
    text: (selector) => evaluate((s) => document.querySelector(s)?.textContent ?? '', selector),
    attribute: (selector, name) => evaluate(([s, n]) => document.querySelector(s)?.getAttribute(n) ?? null, [selector, name] as const),
    value: (selector) => evaluate((s) => (document.querySelector(s) as HTMLInputElement | null)?.value ?? '', selector),
  };
}
