// The user's settings under the policy (issue 16): every reader (auto-lock, clipboard clearing,
// automatic fill, the low-token warning, the pages) gets the effective values, managed ones
// winning; a write that would change a fixed setting answers `managed` and saves nothing
// (shared/automation-api.md, settings.set). The user's own values stay stored underneath, so
// they come back if the administrator lifts the policy.
import type { SettingsStore } from '../api/types';
import type { Settings } from '../settings/settings';
import { assertPatchAllowed, effectiveSettings, managedNames, settingLimits, type Policy } from './policy';
import type { PolicySource } from './source';

export function managedSettingsStore(user: SettingsStore, source: PolicySource): SettingsStore {
  return {
    async get() {
      const [s, policy] = await Promise.all([user.get(), source.load()]);
      return effectiveSettings(s, policy);
    },
    async set(patch) {
      const policy = await source.load();
      const current = await user.get();
      assertPatchAllowed(patch as Record<string, unknown>, policy, current);
      return effectiveSettings(await user.set(patch), policy);
    },
  };
}

/** The extra fields of `settings.get`: `managed` (contract), and `limits`/`policy` for the pages. */
export function managedView(policy: Policy): { managed: string[]; limits: Record<string, { max: number }>; policy: Policy } {
  return { managed: managedNames(policy), limits: settingLimits(policy), policy };
}

/** Settings type re-exported for callers that only deal with the policy side. */
export type { Settings };
