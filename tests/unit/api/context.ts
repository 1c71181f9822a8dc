// A real API context for handler tests: a Vault over fake-indexeddb with fast KDF parameters,
// settings in memory, and a clock the test moves.
import { coreHandlers } from '../../../lib/api/handlers';
import { dispatch } from '../../../lib/api/router';
import type { ApiContext, Handler, SettingsStore } from '../../../lib/api/types';
import { applySettings, DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/settings';
import { makeVault, PASS } from '../vault/helpers';

export { PASS };

export function memorySettings(): SettingsStore {
  let s: Settings = { ...DEFAULT_SETTINGS };
  return { get: async () => s, set: async (p) => (s = applySettings(s, p as Record<string, unknown>)) };
}

export async function makeApi(o: { handlers?: Record<string, Handler>; unlocked?: boolean } = {}) {
  const clock = { now: Date.UTC(2026, 10, 28, 12, 0, 0) };
  const { vault, name, keyStore } = await makeVault({ now: () => clock.now });
  let changes = 0;
  const ctx: ApiContext = { vault, settings: memorySettings(), now: () => clock.now, onChange: () => void changes++ };
  const handlers = o.handlers ?? coreHandlers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const call = (msg: Record<string, unknown>) => dispatch(handlers, msg, ctx) as Promise<any>;
  if (o.unlocked !== false) {
    const a = await call({ type: 'vault.setup', passphrase: PASS });
    if (!a.ok) throw new Error(a.error.message);
  }
  return { call, ctx, vault, clock, dbName: name, keyStore, changes: () => changes };
}
