// An in-memory key-value area shaped like browser.storage.local / .session (lib/sync/service.ts
// KeyValueArea), values cloned in and out as storage does.
import type { KeyValueArea } from '../../../lib/sync/service';

export function memoryArea(): KeyValueArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (k) => (data.has(k) ? { [k]: structuredClone(data.get(k)) } : {}),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))),
    remove: async (k) => void data.delete(k),
  };
}
