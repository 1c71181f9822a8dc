// The WebDAV backend hands each answer's Date to the clock estimator (docs/clock.md), so a device
// that syncs learns its offset from its own server too.
import { afterEach, describe, expect, it } from 'vitest';
import { ClockEstimator } from '../../../lib/clock/estimator';
import { WebDavBackend, webdavDateHook } from '../../../lib/sync/backends/webdav';

afterEach(() => {
  webdavDateHook.observe = undefined;
});

describe('webdavDateHook', () => {
  it('sees the Date of every WebDAV answer and the estimator takes it', async () => {
    const est = new ClockEstimator();
    const seen: string[] = [];
    webdavDateHook.observe = (o) => {
      seen.push(`${o.server} ${o.date}`);
      est.observe(o);
    };
    const serverTime = Date.now() + 90_000;
    const fetch = (async () =>
      new Response('<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"></d:multistatus>', {
        status: 207,
        headers: { Date: new Date(serverTime).toUTCString(), 'Content-Type': 'application/xml' },
      })) as typeof globalThis.fetch;
    const dav = new WebDavBackend({ url: 'https://dav.example/files/', username: 'u', password: 'p', fetch });
    await dav.vaults();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toMatch(/^dav\.example /);
    const e = est.estimate(Date.now())!;
    expect(Math.abs(e.offsetMs + 90_000)).toBeLessThan(2_000);
  });
});
