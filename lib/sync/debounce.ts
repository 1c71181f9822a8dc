// "Sync after changes": many changes in a row (an import, typing a label) make one sync, run
// `waitMs` after the last of them — and at the latest `maxWaitMs` after the first, so a steady
// stream of edits still syncs. Timers are injectable for tests.

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
  now: () => Date.now(),
};

export interface Debounced {
  /** Asks for a run: it happens `waitMs` after the last call (bounded by `maxWaitMs`). */
  schedule(): void;
  /** Runs now if a run is pending. */
  flush(): void;
  cancel(): void;
  readonly pending: boolean;
}

export function debounce(fn: () => void, waitMs: number, maxWaitMs = waitMs * 10, timers: Timers = realTimers): Debounced {
  let handle: unknown = null;
  let firstAt = 0;
  const fire = () => {
    handle = null;
    fn();
  };
  return {
    schedule() {
      const now = timers.now();
      if (handle === null) firstAt = now;
      else timers.clearTimeout(handle);
      const wait = Math.max(0, Math.min(waitMs, firstAt + maxWaitMs - now));
      handle = timers.setTimeout(fire, wait);
    },
    flush() {
      if (handle === null) return;
      timers.clearTimeout(handle);
      fire();
    },
    cancel() {
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
    },
    get pending() {
      return handle !== null;
    },
  };
}
