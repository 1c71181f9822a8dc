// When sync runs besides "after changes" and "on unlock" (issue 6, Behaviour): periodically
// (an alarm, which outlives the service worker) and when another device wrote to the
// browser's sync storage. Failures end up in the sync status; local use never waits.
import { browser } from 'wxt/browser';
import { KEY_PREFIX } from '../sync/backends/browser-sync-keys';
import type { SyncService } from '../sync/service';
import { ensureAlarm } from './alarms';

const ALARM = 'tessera-sync';
const PERIOD_MINUTES = 5;

export function installSyncTriggers(sync: SyncService, deviceId: () => Promise<string>): void {
  void ensureAlarm(ALARM, PERIOD_MINUTES);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void sync.changed().catch(() => undefined);
  });
  browser.storage.sync.onChanged.addListener(async (changes) => {
    // Our own writes come back as changes too: only another device's keys call for a round.
    const mine = `${KEY_PREFIX}${await deviceId()}.`;
    if (Object.keys(changes).some((k) => k.startsWith(KEY_PREFIX) && !k.startsWith(mine))) void sync.changed().catch(() => undefined);
  });
}
