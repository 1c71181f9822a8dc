// The clock observer in the background (issue 15, docs/clock.md): watches, without blocking or
// changing anything, the responses the browser already receives (top-level pages and XHR/fetch)
// and the WebDAV sync's answers, feeds their Date headers to lib/clock/estimator.ts, and keeps
// only the resulting estimate in storage.local (no URL, no host, no history).
import { browser } from 'wxt/browser';
import { ClockEstimator, type ClockEstimate } from '../clock/estimator';
import { webdavDateHook } from '../sync/backends/webdav';
import type { ClockPort } from '../api/clock';

const KEY = 'clockEstimate';
/** A kept estimate older than this is no longer trusted (the clock may have been fixed). */
const KEPT_MS = 24 * 3_600_000;

type Headers = Array<{ name: string; value?: string }> | undefined;
const header = (hs: Headers, name: string) => hs?.find((h) => h.name.toLowerCase() === name)?.value ?? null;

export function installClockObserver(): ClockPort {
  const est = new ClockEstimator();
  let saved: ClockEstimate | null = null;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    // At most one write every few seconds, whatever the page traffic.
    if (pending) return;
    pending = setTimeout(() => {
      pending = undefined;
      const e = est.estimate(Date.now());
      if (e) void browser.storage.local.set({ [KEY]: e }).catch(() => undefined);
    }, 2_000);
  };
  const observe = (o: Parameters<ClockEstimator['observe']>[0]) => {
    if (est.observe(o)) save();
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
      const live = est.estimate(now);
      if (live) return live;
      saved ??= ((await browser.storage.local.get(KEY))[KEY] as ClockEstimate | undefined) ?? null;
      return saved && now - saved.checkedAt < KEPT_MS ? saved : null;
    },
  };
}
