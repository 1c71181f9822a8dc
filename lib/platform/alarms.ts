// Periodic alarms outlive the service worker, but creating one again replaces it and restarts
// its period: the worker starts often (every minute for the auto-lock check), so a 5-minute
// alarm re-created at each start would never fire. Create each one only when it is missing.
import { browser } from 'wxt/browser';

export async function ensureAlarm(name: string, periodInMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(name);
  if (existing?.periodInMinutes !== periodInMinutes) await browser.alarms.create(name, { periodInMinutes });
}
