// How an offset or an age reads in the UI (lib/i18n strings clock.* and email.*).
import { t } from '../i18n/i18n';
import { emailMinutes } from './age';

/** "47 s", "2 min 5 s", "3 h 10 min" for a duration in ms (sign ignored). */
export function formatDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return t('clock.seconds', s);
  if (s < 3600) return t('clock.minutes', Math.floor(s / 60), s % 60);
  return t('clock.hours', Math.floor(s / 3600), Math.floor((s % 3600) / 60));
}

/** The popup's sentence for an offset (positive: the device is ahead), or null when within 15 s. */
export function clockWarning(offsetMs: number | null, warnMs = 15_000): string | null {
  if (offsetMs === null || Math.abs(offsetMs) <= warnMs) return null;
  return t(offsetMs < 0 ? 'clock.behind' : 'clock.ahead', formatDuration(offsetMs));
}

/** "from email, 2 min ago" for a message that arrived at `at`. */
export function emailAge(at: number, now: number): string {
  const m = emailMinutes(at, now);
  return t('email.from', m === 0 ? t('email.justNow') : t('email.minAgo', m));
}
