// Settings in storage.local (they identify nothing; lib/settings/settings.ts validates them).
import { browser } from 'wxt/browser';
import { applySettings, DEFAULT_SETTINGS, type Settings } from '../settings/settings';
import type { SettingsStore } from '../api/types';
import { SETTINGS_KEY } from '../settings/storage-key';

const KEY = SETTINGS_KEY;

export function localSettingsStore(): SettingsStore {
  return {
    async get() {
      const stored = (await browser.storage.local.get(KEY))[KEY] as Record<string, unknown> | undefined;
      return applySettings(DEFAULT_SETTINGS, stored ?? {});
    },
    async set(patch) {
      const next: Settings = applySettings(await this.get(), patch as Record<string, unknown>);
      await browser.storage.local.set({ [KEY]: next });
      return next;
    },
  };
}
