// An in-memory chrome.storage.sync for tests, enforcing every quota with Chrome's own error
// messages (chrome.storage API reference, "sync" properties; the messages are the ones Chrome
// reports in runtime.lastError / the rejected promise):
//   QUOTA_BYTES 102,400 (keys + JSON of values), QUOTA_BYTES_PER_ITEM 8,192, MAX_ITEMS 512,
//   MAX_WRITE_OPERATIONS_PER_HOUR 1,800 and _PER_MINUTE 120 (each set/remove call counts once).
// One store is shared by several "devices" (`area(clock)`), each with its own write-rate counters,
// as each browser profile has its own; a refused call changes nothing. Values go through JSON,
// as storage does.
import type { StorageSyncArea } from '../../../lib/sync/backends/browser-sync';

export const LIMITS = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
};

const bytes = (s: string) => new TextEncoder().encode(s).length;

export class MemoryStorageSync {
  readonly data = new Map<string, string>();
  readonly limits: typeof LIMITS;

  constructor(limits: Partial<typeof LIMITS> = {}) {
    this.limits = { ...LIMITS, ...limits };
  }

  bytesInUse(keys?: string[] | null): number {
    let n = 0;
    for (const [k, v] of this.data) if (!keys || keys.includes(k)) n += bytes(k) + bytes(v);
    return n;
  }

  /** A device's view: the shared data, its own write counters. */
  area(now: () => number = Date.now): StorageSyncArea & { setCalls: number; removeCalls: number } {
    const ops: number[] = [];
    const store = this;
    const rate = () => {
      const t = now();
      const hour = ops.filter((x) => x > t - 3_600_000).length;
      const minute = ops.filter((x) => x > t - 60_000).length;
      if (hour >= store.limits.MAX_WRITE_OPERATIONS_PER_HOUR) throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
      if (minute >= store.limits.MAX_WRITE_OPERATIONS_PER_MINUTE) throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
      ops.push(t);
    };
    const keyList = (keys?: string | string[] | null) => (keys === null || keys === undefined ? null : typeof keys === 'string' ? [keys] : keys);
    const area = {
      setCalls: 0,
      removeCalls: 0,
      async get(keys?: string | string[] | null) {
        const list = keyList(keys);
        const out: Record<string, unknown> = {};
        for (const [k, v] of store.data) if (!list || list.includes(k)) out[k] = JSON.parse(v);
        return out;
      },
      async set(items: Record<string, unknown>) {
        const next = new Map(store.data);
        for (const [k, v] of Object.entries(items)) {
          const json = JSON.stringify(v);
          if (bytes(k) + bytes(json) > store.limits.QUOTA_BYTES_PER_ITEM) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
          next.set(k, json);
        }
        let total = 0;
        for (const [k, v] of next) total += bytes(k) + bytes(v);
        if (total > store.limits.QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
        if (next.size > store.limits.MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
        rate();
        area.setCalls++;
        for (const [k, v] of next) store.data.set(k, v);
      },
      async remove(keys: string | string[]) {
        rate();
        area.removeCalls++;
        for (const k of keyList(keys) ?? []) store.data.delete(k);
      },
      async getBytesInUse(keys?: string | string[] | null) {
        return store.bytesInUse(keyList(keys));
      },
    };
    return area;
  }
}
