// Issue 15 (docs/clock.md): every WebDAV answer's `Date` header is handed to the clock estimator,
// so a device that syncs learns its offset from its own server too. The background sets
// `observe` (lib/platform/clock.ts); the sync service hands it to each WebDAV backend it builds
// (WebDavOptions.onDate), which lives in the deferred parts and so cannot share this object.
// The server's host is used in memory only, to count it once.

export interface WebDavDate {
  server: string;
  date: string | null;
  age: string | null;
  receivedAt: number;
}

export const webdavDateHook: { observe?: (o: WebDavDate) => void } = {};
