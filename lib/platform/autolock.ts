// Auto-lock: the vault locks after the configured minutes without use of Tessera's pages,
// and at once when the screen locks (chrome.idle "locked"). The last activity time sits in
// storage.session beside the key, so both survive the service worker being stopped, and
// a periodic alarm (alarms outlive the worker) does the check.
import { browser } from 'wxt/browser';
import type { SettingsStore, VaultLike } from '../api/types';
import { shouldAutoLock } from '../vault/autolock';
import { ensureAlarm } from './alarms';

const ALARM = 'tessera-autolock';
const ACTIVITY_KEY = 'lastActivityAt';

export async function recordActivity(now = Date.now()): Promise<void> {
  await browser.storage.session.set({ [ACTIVITY_KEY]: now });
}

export async function checkAutoLock(vault: VaultLike, settings: SettingsStore, now = Date.now()): Promise<boolean> {
  if ((await vault.state()) !== 'unlocked') return false;
  const lastActivityAt = (await browser.storage.session.get(ACTIVITY_KEY))[ACTIVITY_KEY] as number | undefined;
  const { autoLockMinutes } = await settings.get();
  if (!shouldAutoLock({ lastActivityAt: lastActivityAt ?? now, now, minutes: autoLockMinutes })) return false;
  await vault.lock();
  return true;
}

/** Registers the listeners; call at the top level of the service worker (MV3 event rules). */
export function installAutoLock(vault: VaultLike, settings: SettingsStore): void {
  void ensureAlarm(ALARM, 1);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void checkAutoLock(vault, settings);
  });
  browser.idle.onStateChanged.addListener((state) => {
    if (state === 'locked') void vault.lock();
  });
}
