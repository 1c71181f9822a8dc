// Auto-lock policy (issue 2, "Vault"): the key is dropped after a stretch of idle time, 15
// minutes unless the user chose otherwise (1 minute to 24 hours). Pure: the background feeds it
// chrome.idle / alarms events and the time of the last activity.

export const DEFAULT_AUTOLOCK_MINUTES = 15;
export const MIN_AUTOLOCK_MINUTES = 1;
export const MAX_AUTOLOCK_MINUTES = 24 * 60;

/** A whole number of minutes in 1..1440; anything not a finite number gives the default. */
export function clampAutoLockMinutes(n: number): number {
  if (typeof n !== 'number' || !Number.isFinite(n)) return DEFAULT_AUTOLOCK_MINUTES;
  return Math.min(MAX_AUTOLOCK_MINUTES, Math.max(MIN_AUTOLOCK_MINUTES, Math.round(n)));
}

/** True once `minutes` (clamped) have passed since the last activity. */
export function shouldAutoLock(o: { lastActivityAt: number; now: number; minutes: number }): boolean {
  return o.now - o.lastActivityAt >= clampAutoLockMinutes(o.minutes) * 60_000;
}

/** The time at which the vault locks if nothing happens (for an alarm). */
export function autoLockAt(lastActivityAt: number, minutes: number): number {
  return lastActivityAt + clampAutoLockMinutes(minutes) * 60_000;
}
