// The clock observer in the background (issue 15, docs/clock.md): watches, without blocking or
// changing anything, the responses the browser already receives (top-level pages and XHR/fetch)
// and the WebDAV sync's answers, feeds their Date headers to lib/clock/estimator.ts, and keeps
// only the resulting estimate in storage.local (no URL, no host, no history); the current
// window's samples wait out the background's suspensions in storage.session under hashed keys
// (lib/clock/memory.ts).
// The listener is added synchronously at start-up: Firefox then wakes a suspended event page for
// each response, and Chrome a stopped service worker.
import { browser } from 'wxt/browser';
import type { ClockEstimate, Observation } from '../clock/estimator';
import { SessionEstimator } from '../clock/memory';
import { webdavDateHook } from '../sync/webdav-date-hook';
import type { ClockPort } from '../api/clock';

const KEY = 'clockEstimate';
/** A kept estimate older than this is no longer trusted (the clock may have been fixed). */
const KEPT_MS = 24 * 3_600_000;

type Headers = Array<{ name: string; value?: string }> | undefined;
const header = (hs: Headers, name: string) => hs?.find((h) => h.name.toLowerCase() === name)?.value ?? null;

export function installClockObserver(): ClockPort {
  let saved: ClockEstimate | null = null;
  // The per-server samples survive the background's restarts in storage.session, under hashed
  // keys (lib/clock/memory.ts); the estimate alone goes to storage.local, for the next session.
  const est = new SessionEstimator(browser.storage.session, (e) => void browser.storage.local.set({ [KEY]: e }).catch(() => undefined));
  const observe = (o: Observation) => {
    void est.observe(o).catch(() => false);
  };
  webdavDateHook.observe = observe;
  const wr = (browser as unknown as { webRequest?: { onResponseStarted?: { addListener(f: (d: Record<string, unknown>) => void, filter: object, extra?: string[]): void } } }).webRequest;
  try {
    wr?.onResponseStarted?.addListener(
      (d) => {
        let server = '';
        try {
          server = new URL(String(d.url)).host;
        } catch {
          return;
        }
        const hs = d.responseHeaders as Headers;
        observe({ server, date: header(hs, 'date'), age: header(hs, 'age'), receivedAt: Number(d.timeStamp) || Date.now(), fromCache: Boolean(d.fromCache) });
      },
      { urls: ['http://*/*', 'https://*/*'], types: ['main_frame', 'xmlhttprequest'] },
      ['responseHeaders'],
    );
  } catch {
    // No webRequest (permission removed): the estimate then rests on sync answers only.
  }
  return {
    async estimate() {
      const now = Date.now();
      const live = await est.estimate(now);
      if (live) return live;
      saved ??= ((await browser.storage.local.get(KEY))[KEY] as ClockEstimate | undefined) ?? null;
      return saved && now - saved.checkedAt < KEPT_MS ? saved : null;
    },
  };
}
